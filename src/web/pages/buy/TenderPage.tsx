// One tender as its buyer sees it: what it publishes, what it may know before
// the opening (bid count where shown, downloads, questions), and what it may do
// in its state: edit and publish a draft, invite, answer, amend, cancel, open,
// then go on to the evaluation and the award.
import { useState } from 'react';
import { Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconEdit, IconKey, IconScale, IconSend, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTender } from '../../api/buy';
import { TenderStatusBadge } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { CardsSkeleton, ErrorView } from '../../components/states';
import { ClarificationsCard, CriteriaCard, DocumentsCard, KeysCard, LotsTable, TenderFacts, TenderTimeline } from '../../components/tender-view';
import { AuditCard, InvitationsCard, ProblemsCard, QuestionsCard, SealedCard, UploadDocument } from './tender/BuyerCards';
import { AmendModal, CancelModal } from './tender/ChangeModals';
import { PublishModal } from './tender/PublishModal';

export default function TenderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useTender(id);
  const [modal, setModal] = useState<'publish' | 'amend' | 'cancel' | null>(null);
  if (q.error) return <ErrorView error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <CardsSkeleton />;
  const x = q.data;
  const live = x.status === 'published' || x.status === 'questions_closed';
  return (
    <>
      <PageHeader
        back={{ to: `/buy/projects/${x.projectId}`, label: x.projectTitle }}
        title={x.title}
        subtitle={
          <Group gap="xs">
            <Text span ff="monospace">
              {x.number}
            </Text>
            <TenderStatusBadge status={x.status} />
            {x.cancelledReason ? <Text span>{t('buy.tenders.cancelledBecause', { reason: x.cancelledReason })}</Text> : null}
          </Group>
        }
        actions={
          <Group gap="xs">
            {x.status === 'draft' ? (
              <>
                <Button variant="default" leftSection={<IconEdit size={16} />} component={Link} to={`/buy/tenders/${x.id}/edit`}>
                  {t('common.edit')}
                </Button>
                <Button leftSection={<IconSend size={16} />} disabled={x.problems.length > 0} onClick={() => setModal('publish')} data-testid="publish">
                  {t('buy.tenders.publish')}
                </Button>
              </>
            ) : null}
            {live ? (
              <Button variant="default" onClick={() => setModal('amend')}>
                {t('buy.tenders.amend')}
              </Button>
            ) : null}
            {['draft', 'published', 'questions_closed', 'bidding_closed'].includes(x.status) ? (
              <Button variant="subtle" color="red" onClick={() => setModal('cancel')}>
                {t('buy.tenders.cancel')}
              </Button>
            ) : null}
            {x.status !== 'draft' && x.status !== 'cancelled' ? (
              <Button leftSection={<IconKey size={16} />} component={Link} to={`/buy/tenders/${x.id}/opening`} variant={x.status === 'bidding_closed' ? 'filled' : 'light'} data-testid="go-opening">
                {t('buy.tenders.opening')}
              </Button>
            ) : null}
            {x.status === 'opened' ? (
              <>
                <Button leftSection={<IconScale size={16} />} component={Link} to={`/evaluations/${x.id}`} data-testid="go-evaluation">
                  {t('evaluation.tenderButton')}
                </Button>
                <Button leftSection={<IconTrophy size={16} />} component={Link} to={`/buy/tenders/${x.id}/award`} variant="light" data-testid="go-award">
                  {t('evaluation.award.button')}
                </Button>
              </>
            ) : null}
          </Group>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <ProblemsCard tender={x} />
            <TenderFacts t={x} />
            <LotsTable t={x} />
            <CriteriaCard t={x} />
            <DocumentsCard t={x} extra={<UploadDocument tender={x} />} />
            <QuestionsCard tender={x} />
            <ClarificationsCard t={x} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <TenderTimeline t={x} />
            <SealedCard tender={x} />
            <KeysCard t={x} />
            <InvitationsCard tender={x} />
            <AuditCard tender={x} />
          </Stack>
        </Grid.Col>
      </Grid>
      {modal === 'publish' ? <PublishModal tender={x} onClose={() => setModal(null)} /> : null}
      {modal === 'amend' ? <AmendModal tender={x} onClose={() => setModal(null)} /> : null}
      {modal === 'cancel' ? <CancelModal tender={x} onClose={() => setModal(null)} /> : null}
    </>
  );
}

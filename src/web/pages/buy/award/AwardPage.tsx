// The award (定标) of one tender, as its buyer sees it: per lot the candidates
// the committee recommended, their publication with the objection window (on
// the server's clock), the objections and their answers, what holds the award
// back and what comes next, then the award with its contract draft, and the
// savings once every lot is awarded. The guard on negotiating with bidders
// says the rule. Writes are for managers; the server decides, the page only
// does not offer what it would refuse.
import { Alert, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconMessageOff, IconMessages, IconScale, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAward, type AwardState } from '../../../api/award';
import { useMe } from '../../../api/queries';
import { PageHeader } from '../../../components/PageHeader';
import { CardsSkeleton, EmptyView, ErrorView } from '../../../components/states';
import { useLocale } from '../../../i18n';
import { useBuyLabels } from '../../../lib/buyLabels';
import { problemOf } from '../../../lib/problems';
import { useFormat } from '../../../lib/useFormat';
import { PhaseBadge } from '../../evaluation/shared';
import { LotCard } from './LotCard';
import { ObjectionsCard } from './ObjectionsCard';
import { SavingsCard } from './parts';
import { PublishCard } from './PublishCard';

function NegotiationGuard({ a }: { a: AwardState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return a.negotiation.allowed ? (
    <Alert color="gray" variant="light" icon={<IconMessages size={18} />} title={t('evaluation.award.negotiation.title')} data-testid="negotiation">
      {t('evaluation.award.negotiation.allowed')}
    </Alert>
  ) : (
    <Alert color="orange" variant="light" icon={<IconMessageOff size={18} />} title={t('evaluation.award.negotiation.forbidden')} data-testid="negotiation">
      {a.negotiation.reason?.[locale]}
    </Alert>
  );
}

export default function AwardPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const l = useBuyLabels();
  const f = useFormat();
  const me = useMe();
  const q = useAward(id);
  const back = { to: `/buy/tenders/${id}`, label: t('common.back') };
  if (q.error) {
    // Before the evaluation's result there is nothing to award yet: say so, and where the work is.
    if (problemOf(q.error)?.code === 'award.no_result') {
      return (
        <>
          <PageHeader back={back} title={t('evaluation.award.notYet')} />
          <EmptyView
            icon={<IconTrophy size={28} stroke={1.5} />}
            title={t('evaluation.award.notYet')}
            description={t('evaluation.award.notYetBody')}
            action={
              <Button component={Link} to={`/evaluations/${id}`} leftSection={<IconScale size={16} />}>
                {t('evaluation.award.toEvaluation')}
              </Button>
            }
          />
        </>
      );
    }
    return <ErrorView error={q.error} onRetry={() => void q.refetch()} />;
  }
  if (!q.data) return <CardsSkeleton />;
  const a = q.data;
  const manage = !!me.data && me.data.role !== 'member';
  return (
    <>
      <PageHeader
        back={{ to: `/buy/tenders/${a.tenderId}`, label: <>{a.number} {a.title}</> }}
        title={t('evaluation.award.title', { title: a.title })}
        subtitle={
          <Group gap="xs">
            <Text span ff="monospace">
              {a.number}
            </Text>
            <PhaseBadge phase={a.phase} />
            <Text span>{l.regime(a.regime)}</Text>
            <Text span size="xs" c="dimmed">
              {t('evaluation.award.serverTime', { time: f.dateTime(a.serverTime) })}
            </Text>
          </Group>
        }
        actions={
          <Button variant="default" leftSection={<IconScale size={16} />} component={Link} to={`/evaluations/${a.tenderId}?tab=results`}>
            {t('evaluation.award.toEvaluation')}
          </Button>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {a.phase === 'final' ? (
              manage ? (
                <PublishCard a={a} />
              ) : (
                <Alert color="blue" variant="light">
                  {t('evaluation.award.publish.waiting')}
                </Alert>
              )
            ) : null}
            {a.lots.map((lot) => (
              <LotCard key={lot.lotKey} a={a} lot={lot} manage={manage} />
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            {a.savings ? <SavingsCard {...a.savings} /> : null}
            <NegotiationGuard a={a} />
            <ObjectionsCard a={a} manage={manage} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

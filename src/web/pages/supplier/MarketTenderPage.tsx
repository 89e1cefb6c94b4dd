// One tender as a supplier sees it: what the buyer published (documents with
// their hashes, criteria, clarifications, amendments, the opening key's
// fingerprint), its own questions, its bid with receipts, the opening record
// once there is one, the candidates and its own result after the evaluation
// (ResultCard), and the link to its own opportunity for this customer.
import { useState } from 'react';
import { Anchor, Badge, Button, Grid, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconLink, IconMail } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { invalidateTender, useMarketTender } from '../../api/buy';
import { api, call, newIdempotencyKey } from '../../api/http';
import { useOpportunityList } from '../../api/queries';
import { TenderStatusBadge } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { CardsSkeleton, EmptyText, ErrorView } from '../../components/states';
import { Card, ClarificationsCard, CriteriaCard, DocumentsCard, KeysCard, LotsTable, TenderFacts, TenderTimeline } from '../../components/tender-view';
import { notifyError } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';
import { OpeningRecordTable } from '../buy/OpeningPage';
import { BidCard } from './bid/BidCard';
import { ResultCard } from './ResultCard';

function QuestionsBox({ tenderId, open }: { tenderId: string; open: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const mine = useQuery({ queryKey: ['tender', tenderId, 'my-questions'], queryFn: () => call(api.GET('/api/v1/tenders/{id}/questions', { params: { path: { id: tenderId } } })) });
  const ask = useMutation({
    mutationFn: () => call(api.POST('/api/v1/tenders/{id}/questions', { params: { path: { id: tenderId } }, body: { question: q }, headers: { 'idempotency-key': newIdempotencyKey() } })),
    onSuccess: (d) => {
      qc.setQueryData(['tender', tenderId, 'my-questions'], d);
      setQ('');
    },
    onError: (e) => notifyError(t, e),
  });
  return (
    <Card title={t('buy.market.yourQuestions')}>
      <Text size="xs" c="dimmed" mb="xs">
        {t('buy.market.questionsAnonymous')}
      </Text>
      {(mine.data?.items ?? []).map((x) => (
        <Group key={x.id} justify="space-between" mb={4}>
          <Text size="sm">{x.question}</Text>
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              {f.dateTime(x.askedAt)}
            </Text>
            <Badge size="xs" variant="light" color={x.answered ? 'teal' : 'gray'}>
              {x.answered ? t('buy.tenders.answered') : t('buy.market.unanswered')}
            </Badge>
          </Group>
        </Group>
      ))}
      {open ? (
        <Group align="flex-end" gap="xs" mt="xs">
          <Textarea style={{ flex: 1 }} size="xs" autosize minRows={1} placeholder={t('buy.market.askPlaceholder')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <Button size="xs" onClick={() => ask.mutate()} loading={ask.isPending} disabled={!q.trim()}>
            {t('buy.market.ask')}
          </Button>
        </Group>
      ) : (
        <Text size="xs" c="dimmed" mt="xs">
          {t('buy.market.questionsClosed')}
        </Text>
      )}
    </Card>
  );
}

function LinkCard({ tenderId, link }: { tenderId: string; link: { opportunityId: string; opportunityTitle: string } | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [pick, setPick] = useState<string | null>(null);
  const opps = useOpportunityList({ status: 'open' } as never, !link);
  const save = useMutation({
    mutationFn: () => call(api.PUT('/api/v1/market/tenders/{id}/link', { params: { path: { id: tenderId } }, body: pick === 'new' || !pick ? { newOpportunity: {} } : { opportunityId: pick } })),
    onSuccess: () => {
      invalidateTender(qc, tenderId);
      void qc.invalidateQueries({ queryKey: ['opportunities'] });
    },
    onError: (e) => notifyError(t, e),
  });
  return (
    <Card title={t('buy.link.title')} right={<IconLink size={16} />}>
      {link ? (
        <Stack gap={4}>
          <Text size="sm">{t('buy.link.linked')}</Text>
          <Anchor component={Link} to={`/opportunities/${link.opportunityId}`} fw={600} data-testid="linked-opportunity">
            {link.opportunityTitle}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('buy.link.linkedHint')}
          </Text>
        </Stack>
      ) : (
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {t('buy.link.hint')}
          </Text>
          <Select
            size="xs"
            data={[{ value: 'new', label: t('buy.link.newOpportunity') }, ...(opps.data?.pages.flatMap((p) => p.items) ?? []).map((o) => ({ value: o.id, label: `${o.accountName} · ${o.title}` }))]}
            value={pick}
            onChange={setPick}
            placeholder={t('buy.link.choose')}
            searchable
            data-testid="link-select"
          />
          <Button size="xs" onClick={() => save.mutate()} loading={save.isPending} disabled={!pick} data-testid="link-save">
            {t('buy.link.save')}
          </Button>
        </Stack>
      )}
    </Card>
  );
}

export default function MarketTenderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useMarketTender(id);
  if (q.error) return <ErrorView error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <CardsSkeleton />;
  const x = q.data;
  return (
    <>
      <PageHeader
        back={{ to: '/supplier/tenders', label: t('buy.market.title') }}
        title={x.title}
        subtitle={
          <Group gap="xs">
            <Text span ff="monospace">
              {x.number}
            </Text>
            <TenderStatusBadge status={x.status} />
            <Text span>{x.buyerName}</Text>
            {x.invited ? (
              <Badge leftSection={<IconMail size={12} />} variant="light">
                {t('buy.market.invitedBadge')}
              </Badge>
            ) : null}
          </Group>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <ResultCard x={x} />
            {x.openingRecords.map((r) => (
              <Card key={r.envelope} title={t('buy.opening.record')}>
                <OpeningRecordTable record={r} currency={x.currency} />
              </Card>
            ))}
            <TenderFacts t={x} />
            <DocumentsCard t={x} />
            <LotsTable t={x} />
            <CriteriaCard t={x} />
            <ClarificationsCard t={x} />
            <QuestionsBox tenderId={x.id} open={x.status === 'published'} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <TenderTimeline t={x} />
            <KeysCard t={x} />
            {x.status === 'draft' ? <EmptyText>—</EmptyText> : <BidCard t={x} />}
            <LinkCard tenderId={x.id} link={x.link} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

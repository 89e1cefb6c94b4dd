// What a tender publishes, shown the same way to its buyer and its suppliers:
// key facts, the timeline against the server's clock, lots and items, the
// qualification requirements, the criteria and weights, the documents with
// their SHA-256, clarifications, amendments, the opening key's fingerprint.
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconDownload, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TenderPublic } from '../api/buy';
import { useBuyLabels } from '../lib/buyLabels';
import { useFormat } from '../lib/useFormat';
import { Fingerprint, fileSize, Hash } from './buy';
import { EmptyText } from './states';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function Card({ title, children, right }: { title: string; children: React.ReactNode; right?: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="md">
          {title}
        </Title>
        {right}
      </Group>
      {children}
    </Paper>
  );
}

export function TenderFacts({ t: x }: { t: TenderPublic }) {
  const { t } = useTranslation();
  const l = useBuyLabels();
  const f = useFormat();
  const facts: [string, React.ReactNode][] = [
    [t('buy.tenders.buyer'), x.buyerName],
    [t('buy.tenders.regime'), l.regime(x.regime)],
    [t('buy.tenders.method'), l.method(x.method)],
    [t('buy.tenders.category'), capitalize(l.category(x.category))],
    [t('buy.tenders.estimatedValue'), f.money(Number(x.estimatedValue), x.currency)],
    [t('buy.tenders.bidBond'), f.money(Number(x.bidBond), x.currency)],
    [t('buy.tenders.evaluationMethod'), l.evaluationMethod(x.evaluation.method)],
    [t('buy.tenders.envelopes'), l.envelopeMode(x.envelopes)],
    [t('buy.tenders.minValidBids'), String(x.minValidBids)],
  ];
  return (
    <Card title={t('buy.tenders.facts')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {facts.map(([k, v]) => (
          <Stack key={k} gap={0}>
            <Text size="xs" c="dimmed">
              {k}
            </Text>
            <Text size="sm" fw={500}>
              {v}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Card>
  );
}

export function TenderTimeline({ t: x }: { t: TenderPublic }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = new Date(x.serverTime).getTime();
  const steps: [string, string | null][] = [
    [t('buy.wizard.publishAt'), x.publishedAt ?? x.timeline.publishAt],
    [t('buy.wizard.questionsUntil'), x.timeline.questionsUntil],
    [t('buy.tenders.deadline'), x.timeline.deadline],
    [t('buy.wizard.openingAt'), x.timeline.openingAt],
  ];
  const active = steps.filter(([, at]) => at && new Date(at).getTime() <= now).length - 1;
  return (
    <Card title={t('buy.wizard.timeline')} right={<Text size="xs" c="dimmed">{t('buy.tenders.serverTime', { when: f.dateTime(x.serverTime) })}</Text>}>
      <Timeline active={active} bulletSize={14} lineWidth={2}>
        {steps.map(([label, at]) => (
          <Timeline.Item key={label} title={<Text size="sm">{label}</Text>}>
            <Text size="xs" c="dimmed">
              {at ? `${f.dateTime(at)} · ${f.relative(at)}` : '—'}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}

export function LotsTable({ t: x }: { t: TenderPublic }) {
  const { t } = useTranslation();
  return (
    <Card title={t('buy.wizard.lots')}>
      <Table verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('buy.wizard.lotItem')}</Table.Th>
            <Table.Th>{t('buy.item.name')}</Table.Th>
            <Table.Th>{t('buy.item.specification')}</Table.Th>
            <Table.Th ta="right">{t('buy.item.quantity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {x.lots.flatMap((l) => [
            <Table.Tr key={l.key} bg="gray.0">
              <Table.Td colSpan={4}>
                <Text size="sm" fw={600}>
                  {l.key} · {l.name}
                </Text>
              </Table.Td>
            </Table.Tr>,
            ...l.items.map((i) => (
              <Table.Tr key={`${l.key}/${i.key}`}>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {i.key}
                  </Text>
                </Table.Td>
                <Table.Td>{i.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {i.specification || '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  {i.quantity} {i.unit}
                </Table.Td>
              </Table.Tr>
            )),
          ])}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function CriteriaCard({ t: x }: { t: TenderPublic }) {
  const { t } = useTranslation();
  const l = useBuyLabels();
  return (
    <Card title={t('buy.wizard.evaluation')} right={x.freezeHash ? <Group gap={4}><IconLock size={14} /><Hash value={x.freezeHash} label={t('buy.tenders.freezeHash')} /></Group> : undefined}>
      <Text size="sm" mb="xs">
        {l.evaluationMethod(x.evaluation.method)}
      </Text>
      {x.evaluation.criteria.length ? (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {x.evaluation.criteria.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Td>
                  <Badge variant="light" color={c.part === 'price' ? 'orange' : c.part === 'technical' ? 'blue' : 'grape'}>
                    {l.part(c.part)}
                  </Badge>
                </Table.Td>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td ta="right">{c.weight}%</Table.Td>
                <Table.Td ta="right">
                  <Text size="xs" c="dimmed">
                    {t('buy.tenders.maxScoreOf', { n: c.maxScore })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Text size="sm" fw={600} mt="sm" mb={4}>
        {t('buy.wizard.qualification')}
      </Text>
      {x.qualification.length ? (
        <Stack gap={2}>
          {x.qualification.map((q) => (
            <Text key={q.key} size="sm">
              {q.key}. {q.text}
            </Text>
          ))}
        </Stack>
      ) : (
        <EmptyText>{t('common.none')}</EmptyText>
      )}
    </Card>
  );
}

export function DocumentsCard({ t: x, extra }: { t: TenderPublic; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card title={t('buy.tenders.documents')}>
      {x.documents.length === 0 ? (
        <EmptyText>{t('buy.tenders.noDocuments')}</EmptyText>
      ) : (
        <Table verticalSpacing={6}>
          <Table.Tbody>
            {x.documents.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Anchor href={`/api/v1/tenders/${x.id}/documents/${d.id}`} size="sm" data-testid="document-link">
                    <IconDownload size={13} /> {d.name}
                  </Anchor>
                  {d.amendmentId ? (
                    <Badge ml={6} size="xs" variant="light" color="yellow">
                      {t('buy.tenders.fromAmendment')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Text size="xs" c="dimmed">
                      SHA-256
                    </Text>
                    <Hash value={d.sha256} />
                  </Group>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="xs" c="dimmed">
                    {fileSize(d.size, f.locale)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {extra}
    </Card>
  );
}

export function KeysCard({ t: x }: { t: TenderPublic }) {
  const { t } = useTranslation();
  const l = useBuyLabels();
  return (
    <Card title={t('buy.tenders.openingKey')}>
      {x.keys.length === 0 ? (
        <EmptyText>{t('buy.tenders.noKeyYet')}</EmptyText>
      ) : (
        <Stack gap="xs">
          {x.keys.map((k) => (
            <Stack key={k.envelope} gap={2}>
              <Text size="xs" c="dimmed">
                {l.envelope(k.envelope)} · {t('buy.tenders.kOfN', { k: k.threshold, n: k.holderUserIds.length })}
                {k.secretPublished ? ` · ${t('buy.tenders.keyPublished')}` : ''}
              </Text>
              <Fingerprint value={k.fingerprint} />
            </Stack>
          ))}
          <Text size="xs" c="dimmed">
            {t('buy.tenders.fingerprintHint')}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

export function ClarificationsCard({ t: x }: { t: TenderPublic }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card title={t('buy.tenders.clarifications')}>
      {x.clarifications.length === 0 ? (
        <EmptyText>{t('buy.tenders.noClarifications')}</EmptyText>
      ) : (
        <Stack gap="sm">
          {x.clarifications.map((c) => (
            <Stack key={c.id} gap={2}>
              <Text size="sm" fw={600}>
                {t('buy.tenders.q')} {c.question}
              </Text>
              <Text size="sm">
                {t('buy.tenders.a')} {c.answer}
              </Text>
              <Text size="xs" c="dimmed">
                {f.dateTime(c.publishedAt)}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
      {x.amendments.length ? (
        <>
          <Text size="sm" fw={600} mt="md" mb={4}>
            {t('buy.tenders.amendments')}
          </Text>
          <Stack gap="xs">
            {x.amendments.map((a) => (
              <Text key={a.id} size="sm">
                <Badge size="xs" color={a.material ? 'orange' : 'gray'} variant="light" mr={6}>
                  {a.material ? t('buy.tenders.material') : t('buy.tenders.notMaterial')}
                </Badge>
                {a.reason} · {t('buy.tenders.deadlineMoved', { from: f.dateTime(a.oldDeadline), to: f.dateTime(a.newDeadline) })}
              </Text>
            ))}
          </Stack>
        </>
      ) : null}
    </Card>
  );
}

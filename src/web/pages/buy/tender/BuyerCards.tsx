// The buyer's own cards on a tender: what keeps a draft from publication, the
// invited suppliers (certified for the category), the bid count (only where the
// tender shows it; nothing else of the bids before the opening), who downloaded
// the documents, the questions to answer, and the audit chain.
import { useState } from 'react';
import { Alert, Badge, Button, Group, MultiSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconLock, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { invalidateTender, useSuppliers, useTenderAudit, type Tender } from '../../../api/buy';
import { api, call, newIdempotencyKey } from '../../../api/http';
import { fileToBase64, Hash } from '../../../components/buy';
import { Card } from '../../../components/tender-view';
import { EmptyText } from '../../../components/states';
import { useLocale } from '../../../i18n';
import { notifyError } from '../../../lib/problems';
import { useFormat } from '../../../lib/useFormat';
import { useBuyLabels } from '../../../lib/buyLabels';

export function ProblemsCard({ tender }: { tender: Tender }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (tender.status !== 'draft') return null;
  return tender.problems.length ? (
    <Alert color="orange" title={t('buy.tenders.problemsTitle', { count: tender.problems.length })} data-testid="tender-problems">
      <Stack gap={2}>
        {tender.problems.map((p) => (
          <Text key={`${p.path}-${p.message.en}`} size="sm">
            <Text span ff="monospace" size="xs">
              {p.path}
            </Text>{' '}
            {p.message[locale]}
          </Text>
        ))}
      </Stack>
    </Alert>
  ) : (
    <Alert color="teal" title={t('buy.tenders.readyTitle')}>
      {t('buy.tenders.readyBody')}
    </Alert>
  );
}

export function UploadDocument({ tender }: { tender: Tender }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const up = useMutation({
    mutationFn: async (file: File) => call(api.POST('/api/v1/tenders/{id}/documents', { params: { path: { id: tender.id } }, body: { name: file.name, mediaType: file.type || 'application/octet-stream', data: await fileToBase64(file) }, headers: { 'idempotency-key': newIdempotencyKey() } })),
    onSuccess: () => invalidateTender(qc, tender.id),
    onError: (e) => notifyError(t, e),
  });
  if (tender.status !== 'draft') return null;
  return (
    <Button mt="sm" size="xs" variant="light" component="label" leftSection={<IconUpload size={14} />} loading={up.isPending}>
      {t('buy.tenders.addDocument')}
      <input type="file" hidden data-testid="tender-document-input" onChange={(e) => e.currentTarget.files?.[0] && up.mutate(e.currentTarget.files[0])} />
    </Button>
  );
}

export function InvitationsCard({ tender }: { tender: Tender }) {
  const { t } = useTranslation();
  const labels = useBuyLabels();
  const qc = useQueryClient();
  const f = useFormat();
  const certified = useSuppliers({ category: tender.category, certified: 'true' });
  const [picked, setPicked] = useState<string[]>(tender.invitations.map((i) => i.supplierId));
  const save = useMutation({
    mutationFn: () => call(api.PUT('/api/v1/tenders/{id}/invitations', { params: { path: { id: tender.id } }, body: { supplierIds: picked } })),
    onSuccess: (d) => {
      qc.setQueryData(['tender', tender.id], d);
      invalidateTender(qc, tender.id);
    },
    onError: (e) => notifyError(t, e),
  });
  const open = ['draft', 'published', 'questions_closed'].includes(tender.status);
  return (
    <Card title={t('buy.tenders.invitations')}>
      {tender.method === 'open' ? (
        <Text size="xs" c="dimmed" mb="xs">
          {t('buy.tenders.openInviteHint')}
        </Text>
      ) : null}
      {tender.invitations.length === 0 ? <EmptyText>{t('buy.tenders.noInvitations')}</EmptyText> : null}
      <Stack gap={4} mb="sm">
        {tender.invitations.map((i) => (
          <Group key={i.supplierId} justify="space-between">
            <Text size="sm">{i.name}</Text>
            <Text size="xs" c="dimmed">
              {f.date(i.invitedAt)}
            </Text>
          </Group>
        ))}
      </Stack>
      {open ? (
        <Group align="flex-end" gap="xs">
          <MultiSelect
            style={{ flex: 1 }}
            size="xs"
            label={t('buy.tenders.certifiedFor', { category: labels.category(tender.category) })}
            data={(certified.data?.items ?? []).filter((s) => s.onPlatform).map((s) => ({ value: s.id, label: s.name, disabled: tender.status !== 'draft' && tender.invitations.some((i) => i.supplierId === s.id) }))}
            value={picked}
            onChange={setPicked}
            nothingFoundMessage={t('buy.tenders.noCertified')}
            data-testid="invite-select"
          />
          <Button size="xs" onClick={() => save.mutate()} loading={save.isPending}>
            {t('buy.tenders.invite')}
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}

export function SealedCard({ tender }: { tender: Tender }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (tender.status === 'draft') return null;
  return (
    <Card title={t('buy.tenders.bidsSoFar')} right={<IconLock size={16} />}>
      <Group align="baseline" gap="xs">
        <Text fz={32} fw={700} data-testid="bid-count">
          {tender.bidCount ?? '—'}
        </Text>
        <Text size="sm" c="dimmed">
          {tender.bidCount === null ? t('buy.tenders.bidCountHidden') : t('buy.tenders.bidsSealed')}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('buy.tenders.sealedExplain')}
      </Text>
      <Text size="sm" fw={600} mb={4}>
        {t('buy.tenders.downloads', { count: tender.downloads.length })}
      </Text>
      {tender.downloads.length === 0 ? (
        <EmptyText>{t('buy.tenders.noDownloads')}</EmptyText>
      ) : (
        <Table verticalSpacing={2}>
          <Table.Tbody>
            {tender.downloads.slice(0, 20).map((d, i) => (
              <Table.Tr key={`${d.supplierOrgId}-${d.at}-${i}`}>
                <Table.Td>
                  <Text size="xs">{d.supplierName}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {d.documentName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {f.dateTime(d.at)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t('buy.tenders.downloadsPrivate')}
      </Text>
    </Card>
  );
}

export function QuestionsCard({ tender }: { tender: Tender }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const answer = useMutation({
    mutationFn: (questionId: string) => call(api.POST('/api/v1/tenders/{id}/questions/{questionId}/answer', { params: { path: { id: tender.id, questionId } }, body: { answer: answers[questionId] ?? '' }, headers: { 'idempotency-key': newIdempotencyKey() } })),
    onSuccess: (d) => {
      qc.setQueryData(['tender', tender.id], d);
      invalidateTender(qc, tender.id);
    },
    onError: (e) => notifyError(t, e),
  });
  if (tender.status === 'draft') return null;
  return (
    <Card title={t('buy.tenders.questions')} right={<Badge variant="light">{tender.questions.filter((q) => !q.answered).length}</Badge>}>
      {tender.questions.length === 0 ? <EmptyText>{t('buy.tenders.noQuestions')}</EmptyText> : null}
      <Stack gap="sm">
        {tender.questions.map((q) => (
          <Stack key={q.id} gap={4}>
            <Text size="sm" fw={600}>
              {q.question}
            </Text>
            <Text size="xs" c="dimmed">
              {f.dateTime(q.askedAt)} · {t('buy.tenders.askerHidden')}
            </Text>
            {q.answered ? (
              <Badge size="sm" color="teal" variant="light" w="fit-content">
                {t('buy.tenders.answered')}
              </Badge>
            ) : (
              <Group align="flex-end" gap="xs">
                <Textarea style={{ flex: 1 }} size="xs" autosize minRows={1} placeholder={t('buy.tenders.answerPlaceholder')} value={answers[q.id] ?? ''} onChange={(e) => setAnswers({ ...answers, [q.id]: e.currentTarget.value })} />
                <Button size="xs" onClick={() => answer.mutate(q.id)} loading={answer.isPending && answer.variables === q.id}>
                  {t('buy.tenders.publishAnswer')}
                </Button>
              </Group>
            )}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

export function AuditCard({ tender }: { tender: Tender }) {
  const { t } = useTranslation();
  const f = useFormat();
  const audit = useTenderAudit(tender.id);
  return (
    <Card title={t('buy.tenders.audit')}>
      <Text size="xs" c="dimmed" mb="xs">
        {t('buy.tenders.auditHint')}
      </Text>
      <Stack gap={6}>
        {(audit.data?.items ?? []).slice(0, 50).map((e) => (
          <Stack key={e.seq} gap={0}>
            <Group gap={6} wrap="nowrap">
              <Text size="xs" ff="monospace" c="dimmed">
                #{e.seq}
              </Text>
              <Text size="xs" fw={500}>
                {t(`buy.audit.${e.action.replace(/\./g, '_')}` as never, { defaultValue: e.action })}
              </Text>
            </Group>
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Text size="xs" c="dimmed">
                {e.actorName ?? t('buy.audit.system')} · {f.dateTime(e.at)}
              </Text>
              <Hash value={e.hash} short={8} />
            </Group>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

// One supplier: its certification per category on quality, delivery and credit
// (seed 004), with documents, reviewer, date and validity; the reviewer's
// decisions: certify with scores, reject, suspend, blacklist, reinstate.
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconCertificate, IconDownload, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CERT_TRANSITIONS, levelFor } from '../../../domain/buy/certification';
import { useSupplier, type Certification } from '../../api/buy';
import { api, call, newIdempotencyKey } from '../../api/http';
import { CertStatusBadge, fileSize, fileToBase64, Hash } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { CardsSkeleton, EmptyView, ErrorView } from '../../components/states';
import { useLocale } from '../../i18n';
import { useBuyLabels } from '../../lib/buyLabels';
import { notifyError, reportFormError } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';

type To = 'certified' | 'rejected' | 'suspended' | 'blacklisted';
const NEXT = (from: string): To[] => ((CERT_TRANSITIONS as Record<string, readonly string[]>)[from] ?? []).filter((x): x is To => x !== 'expired' && x !== 'applied');

function DecisionModal({ cert, to, onClose }: { cert: Certification; to: To; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const l = useBuyLabels();
  const qc = useQueryClient();
  const [scores, setScores] = useState({ quality: 80, delivery: 80, credit: 80 });
  const [validUntil, setValidUntil] = useState(() => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/certifications/{id}/decision', {
          params: { path: { id: cert.id } },
          body: to === 'certified' ? { to, scores, validUntil: new Date(`${validUntil}T23:59:59Z`).toISOString() } : { to, reason },
          headers: { 'idempotency-key': newIdempotencyKey() },
        }),
      ),
    onSuccess: (s) => {
      qc.setQueryData(['supplier', s.id], s);
      void qc.invalidateQueries({ queryKey: ['suppliers'] });
      onClose();
    },
    onError: (e) => reportFormError(t, locale, e, (p, m) => setErrors((x) => ({ ...x, [p]: m }))),
  });
  return (
    <Modal opened onClose={onClose} title={t(`buy.suppliers.decide.${to}` as never)}>
      <Stack>
        {to === 'certified' ? (
          <>
            <SimpleGrid cols={3}>
              {(['quality', 'delivery', 'credit'] as const).map((d) => (
                <NumberInput
                  key={d}
                  label={l.dimension(d)}
                  min={0}
                  max={100}
                  value={scores[d]}
                  onChange={(v) => setScores({ ...scores, [d]: Number(v) || 0 })}
                  description={t('buy.suppliers.level', { level: levelFor(scores[d]) })}
                />
              ))}
            </SimpleGrid>
            {errors.scores ? (
              <Text size="sm" c="red">
                {errors.scores}
              </Text>
            ) : null}
            <TextInput type="date" label={t('buy.suppliers.validUntil')} value={validUntil} onChange={(e) => setValidUntil(e.currentTarget.value)} error={errors.validUntil} />
            <Text size="xs" c="dimmed">
              {t('buy.suppliers.levelsHint')}
            </Text>
          </>
        ) : (
          <Textarea label={t('buy.suppliers.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={2} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={to === 'blacklisted' || to === 'rejected' ? 'red' : undefined} onClick={() => save.mutate()} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export default function SupplierPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const l = useBuyLabels();
  const qc = useQueryClient();
  const s = useSupplier(id);
  const [category, setCategory] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ cert: Certification; to: To } | null>(null);
  const open = useMutation({
    mutationFn: () => call(api.POST('/api/v1/suppliers/{id}/certifications', { params: { path: { id } }, body: { category: category as 'goods' }, headers: { 'idempotency-key': newIdempotencyKey() } })),
    onSuccess: (d) => qc.setQueryData(['supplier', id], d),
    onError: (e) => notifyError(t, e),
  });
  const upload = useMutation({
    mutationFn: async ({ cert, file }: { cert: string; file: File }) =>
      call(api.POST('/api/v1/certifications/{id}/documents', { params: { path: { id: cert } }, body: { name: file.name, mediaType: file.type || 'application/octet-stream', data: await fileToBase64(file) }, headers: { 'idempotency-key': newIdempotencyKey() } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['supplier', id] }),
    onError: (e) => notifyError(t, e),
  });
  if (s.error) return <ErrorView error={s.error} onRetry={() => void s.refetch()} />;
  if (!s.data) return <CardsSkeleton />;
  const d = s.data;
  const free = l.options.category.filter((c) => !d.certifications.some((x) => x.category === c.value));
  return (
    <>
      <PageHeader
        back={{ to: '/buy/suppliers', label: t('buy.suppliers.title') }}
        title={d.name}
        subtitle={d.onPlatform ? t('buy.suppliers.onProcuraSince', { when: f.date(d.createdAt) }) : t('buy.suppliers.invitedAt', { email: d.contactEmail ?? '', when: f.date(d.createdAt) })}
        actions={
          free.length ? (
            <Group gap="xs">
              <Select size="sm" w={150} placeholder={t('buy.tenders.category')} data={free} value={category} onChange={setCategory} aria-label={t('buy.tenders.category')} />
              <Button leftSection={<IconCertificate size={16} />} disabled={!category} onClick={() => open.mutate()} loading={open.isPending}>
                {t('buy.suppliers.openCertification')}
              </Button>
            </Group>
          ) : undefined
        }
      />
      {d.certifications.length === 0 ? (
        <EmptyView icon={<IconCertificate size={28} stroke={1.5} />} title={t('buy.suppliers.noCertification')} description={t('buy.suppliers.noCertificationBody')} />
      ) : (
        <Stack gap="md">
          {d.certifications.map((c) => (
            <Paper key={c.id} withBorder p="md" radius="md" data-testid={`certification-${c.category}`}>
              <Group justify="space-between" mb="sm">
                <Group gap="xs">
                  <Text fw={700}>{l.category(c.category)}</Text>
                  <CertStatusBadge status={c.status} />
                  {c.validUntil ? (
                    <Text size="xs" c="dimmed">
                      {t('buy.suppliers.validUntilDate', { date: f.date(c.validUntil) })}
                    </Text>
                  ) : null}
                </Group>
                <Group gap={6}>
                  {NEXT(c.status).map((to) => (
                    <Button key={to} size="xs" variant={to === 'certified' ? 'filled' : 'light'} color={to === 'blacklisted' ? 'red' : to === 'suspended' ? 'yellow' : to === 'rejected' ? 'gray' : undefined} onClick={() => setDeciding({ cert: c, to })}>
                      {t(`buy.suppliers.decide.${to}` as never)}
                    </Button>
                  ))}
                </Group>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
                {(['quality', 'delivery', 'credit'] as const).map((dim) => (
                  <Paper key={dim} bg="gray.0" p="sm" radius="sm">
                    <Text size="xs" c="dimmed">
                      {l.dimension(dim)}
                    </Text>
                    <Group gap={6}>
                      <Text fw={700} size="lg">
                        {c.scores[dim] ?? '—'}
                      </Text>
                      {c.levels[dim] ? <Badge variant="outline">{c.levels[dim]}</Badge> : null}
                    </Group>
                  </Paper>
                ))}
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {c.reviewerName ? t('buy.suppliers.reviewedBy', { name: c.reviewerName, when: f.dateTime(c.reviewedAt) }) : t('buy.suppliers.appliedAt', { when: f.dateTime(c.appliedAt) })}
                {c.reason ? ` · ${t('buy.suppliers.reason')}${t('common.colon')}${c.reason}` : ''}
                {c.note ? ` · ${c.note}` : ''}
              </Text>
              <Table mt="sm" verticalSpacing={4}>
                <Table.Tbody>
                  {c.documents.map((doc) => (
                    <Table.Tr key={doc.id}>
                      <Table.Td>
                        <Anchor href={`/api/v1/certification-documents/${doc.id}`} size="sm">
                          <IconDownload size={12} /> {doc.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Hash value={doc.sha256} label="SHA-256" />
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {fileSize(doc.size, f.locale)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Button mt="xs" size="xs" variant="subtle" component="label" leftSection={<IconUpload size={14} />} loading={upload.isPending}>
                {t('buy.suppliers.addDocument')}
                <input type="file" hidden onChange={(e) => e.currentTarget.files?.[0] && upload.mutate({ cert: c.id, file: e.currentTarget.files[0] })} />
              </Button>
            </Paper>
          ))}
        </Stack>
      )}
      {deciding ? <DecisionModal cert={deciding.cert} to={deciding.to} onClose={() => setDeciding(null)} /> : null}
    </>
  );
}

// The supplier's registrations with buyers and its certifications there
// (quality, delivery, credit per category): apply from here with documents, or
// take up a buyer's e-mail invitation.
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconCertificate, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useRegistrations } from '../../api/buy';
import { api, call, newIdempotencyKey } from '../../api/http';
import { CertStatusBadge, fileToBase64, Hash } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { EmptyView, ErrorView, ListSkeleton } from '../../components/states';
import { useBuyLabels } from '../../lib/buyLabels';
import { notifyError, notifySuccess } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';

export default function RegistrationsPage() {
  const { t } = useTranslation();
  const l = useBuyLabels();
  const f = useFormat();
  const qc = useQueryClient();
  const regs = useRegistrations();
  const buyers = useQuery({ queryKey: ['buyer-directory'], queryFn: () => call(api.GET('/api/v1/buyer-directory', { params: { query: {} } })) });
  const [buyer, setBuyer] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>('goods');
  const [note, setNote] = useState('');
  const refresh = () => void qc.invalidateQueries({ queryKey: ['registrations'] });
  const apply = useMutation({
    mutationFn: () => call(api.POST('/api/v1/registrations/applications', { body: { buyerOrgId: buyer ?? '', category: category as 'goods', note: note || null }, headers: { 'idempotency-key': newIdempotencyKey() } })),
    onSuccess: () => {
      refresh();
      setNote('');
      notifySuccess(t('buy.registrations.applied'));
    },
    onError: (e) => notifyError(t, e),
  });
  const upload = useMutation({
    mutationFn: async ({ cert, file }: { cert: string; file: File }) => call(api.POST('/api/v1/certifications/{id}/documents', { params: { path: { id: cert } }, body: { name: file.name, mediaType: file.type || 'application/octet-stream', data: await fileToBase64(file) }, headers: { 'idempotency-key': newIdempotencyKey() } })),
    onSuccess: refresh,
    onError: (e) => notifyError(t, e),
  });
  return (
    <>
      <PageHeader title={t('buy.registrations.title')} subtitle={t('buy.registrations.subtitle')} />
      <Paper withBorder p="md" radius="md" mb="md">
        <Text fw={600} mb="sm">
          {t('buy.registrations.apply')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Select label={t('buy.tenders.buyer')} data={(buyers.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))} value={buyer} onChange={setBuyer} searchable />
          <Select label={t('buy.tenders.category')} data={l.options.category} value={category} onChange={setCategory} allowDeselect={false} />
          <TextInput label={t('buy.registrations.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Button mt={24} onClick={() => apply.mutate()} loading={apply.isPending} disabled={!buyer}>
            {t('buy.registrations.submit')}
          </Button>
        </SimpleGrid>
      </Paper>
      {regs.error ? (
        <ErrorView error={regs.error} onRetry={() => void regs.refetch()} />
      ) : !regs.data ? (
        <ListSkeleton rows={3} height={80} />
      ) : regs.data.items.length === 0 ? (
        <EmptyView icon={<IconCertificate size={28} stroke={1.5} />} title={t('buy.registrations.empty')} description={t('buy.registrations.emptyBody')} />
      ) : (
        <Stack gap="md">
          {regs.data.items.map((r) => (
            <Paper key={r.supplierId} withBorder p="md" radius="md">
              <Group justify="space-between" mb="xs">
                <Text fw={700}>{r.buyerName}</Text>
                <Text size="xs" c="dimmed">
                  {t('buy.registrations.since', { when: f.date(r.createdAt) })}
                </Text>
              </Group>
              {r.certifications.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('buy.suppliers.noCertification')}
                </Text>
              ) : (
                <Stack gap="xs">
                  {r.certifications.map((c) => (
                    <Paper key={c.id} bg="gray.0" p="sm" radius="sm">
                      <Group justify="space-between">
                        <Group gap="xs">
                          <Text fw={600} size="sm">
                            {l.category(c.category)}
                          </Text>
                          <CertStatusBadge status={c.status} />
                          {(['quality', 'delivery', 'credit'] as const).map((d) =>
                            c.levels[d] ? (
                              <Badge key={d} variant="outline" size="sm">
                                {l.dimension(d)} {c.levels[d]}
                              </Badge>
                            ) : null,
                          )}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {c.validUntil ? t('buy.suppliers.validUntilDate', { date: f.date(c.validUntil) }) : c.reason ?? ''}
                        </Text>
                      </Group>
                      {c.documents.map((doc) => (
                        <Group key={doc.id} gap="xs" mt={4}>
                          <Anchor href={`/api/v1/certification-documents/${doc.id}`} size="xs">
                            {doc.name}
                          </Anchor>
                          <Hash value={doc.sha256} short={10} />
                        </Group>
                      ))}
                      <Button mt={4} size="compact-xs" variant="subtle" component="label" leftSection={<IconUpload size={12} />}>
                        {t('buy.suppliers.addDocument')}
                        <input type="file" hidden onChange={(e) => e.currentTarget.files?.[0] && upload.mutate({ cert: c.id, file: e.currentTarget.files[0] })} />
                      </Button>
                    </Paper>
                  ))}
                </Stack>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}

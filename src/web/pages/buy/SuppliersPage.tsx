// The supplier registry (供应商库) with each supplier's certification per
// category; add an organization on Procura, or invite a company by e-mail.
import { useState } from 'react';
import { Alert, Anchor, Button, Code, Group, Modal, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconBuildingFactory2, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSuppliers, type Supplier } from '../../api/buy';
import { api, call, newIdempotencyKey } from '../../api/http';
import { CertStatusBadge } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { EmptyView, Loaded } from '../../components/states';
import { rowLink, TableCard } from '../../components/TableCard';
import { useLocale } from '../../i18n';
import { useBuyLabels } from '../../lib/buyLabels';
import { reportFormError } from '../../lib/problems';

function AddSupplierModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'platform' | 'email'>('platform');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [orgId, setOrgId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [invited, setInvited] = useState<Supplier | null>(null);
  const directory = useQuery({ queryKey: ['supplier-directory', debounced], queryFn: () => call(api.GET('/api/v1/supplier-directory', { params: { query: { q: debounced || undefined } } })), enabled: opened && mode === 'platform' });
  const add = useMutation({
    mutationFn: () => call(api.POST('/api/v1/suppliers', { body: mode === 'platform' ? { supplierOrgId: orgId ?? '' } : { name, contactEmail: email }, headers: { 'idempotency-key': newIdempotencyKey() } })),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: ['suppliers'] });
      if (s.inviteUrl) setInvited(s);
      else {
        onClose();
        navigate(`/buy/suppliers/${s.id}`);
      }
    },
    onError: (e) => reportFormError(t, locale, e, (path, msg) => setErrors((x) => ({ ...x, [path]: msg }))),
  });
  const close = () => {
    setInvited(null);
    setErrors({});
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('buy.suppliers.add')} size="lg">
      {invited ? (
        <Stack>
          <Alert color="teal" title={t('buy.suppliers.invitedTitle', { name: invited.name })}>
            {t('buy.suppliers.invitedBody')}
          </Alert>
          <Code block>{invited.inviteUrl}</Code>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as 'platform' | 'email')}
            data={[
              { value: 'platform', label: t('buy.suppliers.onPlatform') },
              { value: 'email', label: t('buy.suppliers.byEmail') },
            ]}
          />
          {mode === 'platform' ? (
            <>
              <TextInput label={t('common.search')} leftSection={<IconSearch size={14} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} placeholder={t('buy.suppliers.searchDirectory')} />
              <Select
                label={t('buy.suppliers.organization')}
                data={(directory.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
                value={orgId}
                onChange={setOrgId}
                error={errors.supplierOrgId}
                nothingFoundMessage={t('buy.suppliers.noneFound')}
                searchable
              />
            </>
          ) : (
            <>
              <TextInput label={t('buy.suppliers.companyName')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required />
              <TextInput label={t('buy.suppliers.contactEmail')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.contactEmail} required />
              <Text size="xs" c="dimmed">
                {t('buy.suppliers.emailHint')}
              </Text>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => add.mutate()} loading={add.isPending}>
              {mode === 'platform' ? t('common.add') : t('buy.suppliers.sendInvite')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export default function SuppliersPage() {
  const { t } = useTranslation();
  const l = useBuyLabels();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [category, setCategory] = useState<string | null>(null);
  const [certified, setCertified] = useState<string | null>(null);
  const [open, ctl] = useDisclosure(false);
  const list = useSuppliers({ q: debounced || undefined, category: (category as 'goods') ?? undefined, certified: (certified as 'true') ?? undefined });
  const addButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={ctl.open}>
      {t('buy.suppliers.add')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('buy.suppliers.title')} subtitle={t('buy.suppliers.subtitle')} actions={addButton} />
      <Group gap="xs" mb="md" align="flex-end">
        <TextInput size="xs" w={240} label={t('common.search')} leftSection={<IconSearch size={14} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Select size="xs" w={160} label={t('buy.tenders.category')} clearable placeholder={t('common.all')} data={l.options.category} value={category} onChange={setCategory} />
        <Select
          size="xs"
          w={180}
          label={t('buy.suppliers.certification')}
          clearable
          placeholder={t('common.all')}
          data={[
            { value: 'true', label: t('buy.suppliers.certifiedOnly') },
            { value: 'false', label: t('buy.suppliers.uncertifiedOnly') },
          ]}
          value={certified}
          onChange={setCertified}
        />
      </Group>
      <Loaded query={list} empty={(d) => (d.items.length ? null : <EmptyView icon={<IconBuildingFactory2 size={28} stroke={1.5} />} title={t('buy.suppliers.empty')} description={t('buy.suppliers.emptyBody')} action={addButton} />)}>
        {(d) => (
          <TableCard head={[{ label: t('buy.suppliers.organization') }, { label: t('buy.suppliers.onProcura') }, { label: t('buy.suppliers.certifications') }]}>
                {d.items.map((s) => (
                  <Table.Tr key={s.id} className="procura-row-link" onClick={rowLink(() => navigate(`/buy/suppliers/${s.id}`))}>
                    <Table.Td>
                      <Anchor component={Link} to={`/buy/suppliers/${s.id}`} fw={600} size="sm" c="dark.8">
                        {s.name}
                      </Anchor>
                      {s.contactEmail ? (
                        <Text size="xs" c="dimmed">
                          {s.contactEmail}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{s.onPlatform ? t('common.yes') : t('buy.suppliers.invitedNotYet')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {s.certifications.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            {t('buy.suppliers.noCertification')}
                          </Text>
                        ) : (
                          s.certifications.map((c) => (
                            <Group key={c.id} gap={4} wrap="nowrap">
                              <Text size="xs">{l.category(c.category)}</Text>
                              <CertStatusBadge status={c.status} />
                            </Group>
                          ))
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
          </TableCard>
        )}
      </Loaded>
      <AddSupplierModal opened={open} onClose={ctl.close} />
    </>
  );
}

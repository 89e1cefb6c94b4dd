// Competitors on this opportunity: position, strengths, weaknesses.
import { useEffect, useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call, newIdempotencyKey } from '../../../api/http';
import { invalidateOpportunity, useCompetitors, type OpportunityDetail } from '../../../api/queries';
import { EmptyText } from '../../../components/states';
import { useLocale } from '../../../i18n';
import { useLabels, type CompetitorPositionKey } from '../../../lib/labels';
import { notifyError, notifySuccess, reportFormError } from '../../../lib/problems';
import { CardTitle } from './CardTitle';

type Position = OpportunityDetail['competitors'][number];

export function CompetitorsCard({ opp }: { opp: OpportunityDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Position | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (c: Position) => call(api.DELETE('/api/v1/opportunities/{id}/competitors/{competitorId}', { params: { path: { id: opp.id, competitorId: c.competitorId } } })),
    onSuccess: () => notifySuccess(t('opportunity.competitors.removed')),
    onError: (e) => notifyError(t, e),
    onSettled: () => invalidateOpportunity(qc, opp.id),
  });
  const posColor: Record<string, string> = { incumbent: 'orange', active: 'blue', shortlisted: 'cyan', preferred: 'red', eliminated: 'gray', won: 'dark' };
  return (
    <Card data-testid="competitors">
      <CardTitle
        right={
          <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            {t('opportunity.competitors.add')}
          </Button>
        }
      >
        {t('opportunity.competitors.title')}
      </CardTitle>
      {opp.competitors.length === 0 ? (
        <EmptyText>{t('opportunity.competitors.none')}</EmptyText>
      ) : (
        <Table verticalSpacing="xs" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">{t('opportunity.competitors.competitor')}</Table.Th>
              <Table.Th w="18%">{t('opportunity.competitors.position')}</Table.Th>
              <Table.Th>{t('opportunity.competitors.strengths')}</Table.Th>
              <Table.Th>{t('opportunity.competitors.weaknesses')}</Table.Th>
              <Table.Th w={72} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {opp.competitors.map((c) => (
              <Table.Tr key={c.competitorId}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {c.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={posColor[c.position] ?? 'gray'} style={{ textTransform: 'none' }}>
                    {labels.position(c.position)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={c.strengths ? undefined : 'dimmed'}>
                    {c.strengths || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={c.weaknesses ? undefined : 'dimmed'}>
                    {c.weaknesses || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" color="gray" aria-label={`${t('common.edit')}: ${c.name}`} onClick={() => setEditing(c)}>
                      <IconPencil size={14} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('common.remove')}: ${c.name}`}
                      onClick={() => window.confirm(t('opportunity.competitors.removeConfirm', { name: c.name })) && remove.mutate(c)}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <CompetitorModal opp={opp} editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

function CompetitorModal({ opp, editing, onClose }: { opp: OpportunityDetail; editing: Position | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const qc = useQueryClient();
  const competitors = useCompetitors();
  const [search, setSearch] = useState('');
  const form = useForm({
    mode: 'controlled',
    initialValues: { competitorId: null as string | null, position: 'active' as CompetitorPositionKey, strengths: '', weaknesses: '' },
    validate: { competitorId: (v) => (v ? null : t('validation.required')) },
  });
  useEffect(() => {
    if (!editing) return;
    if (editing !== 'new') form.setValues({ competitorId: editing.competitorId, position: editing.position, strengths: editing.strengths ?? '', weaknesses: editing.weaknesses ?? '' });
    else form.setValues({ competitorId: null, position: 'active', strengths: '', weaknesses: '' });
    form.clearErrors();
    setSearch('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing]);
  const createCompetitor = useMutation({
    mutationFn: (name: string) => call(api.POST('/api/v1/competitors', { body: { name }, headers: { 'Idempotency-Key': newIdempotencyKey() } })),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['competitors'] });
      qc.setQueryData(['competitors'], (old: { items: unknown[] } | undefined) => (old ? { ...old, items: [...old.items, c] } : old));
      form.setFieldValue('competitorId', c.id);
    },
    onError: (e) => notifyError(t, e),
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      call(
        api.PUT('/api/v1/opportunities/{id}/competitors', {
          params: { path: { id: opp.id } },
          body: { competitorId: v.competitorId!, position: v.position, strengths: v.strengths.trim() || null, weaknesses: v.weaknesses.trim() || null },
        }),
      ),
    onSuccess: (d) => {
      qc.setQueryData(['opportunity', opp.id], d);
      invalidateOpportunity(qc, opp.id);
      notifySuccess(t('opportunity.competitors.saved'));
      onClose();
    },
    onError: (e) => {
      reportFormError(t, locale, e, form.setFieldError);
    },
  });
  const existing = new Set(opp.competitors.map((c) => c.competitorId));
  const options = (competitors.data?.items ?? [])
    .filter((c) => editing !== 'new' || !existing.has(c.id))
    .map((c) => ({ value: c.id, label: c.name }));
  const canCreate = search.trim() && !options.some((o) => o.label.toLowerCase() === search.trim().toLowerCase());
  return (
    <Modal opened={!!editing} onClose={onClose} title={t('opportunity.competitors.editTitle')}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="sm">
          <Select
            label={t('opportunity.competitors.competitor')}
            required
            searchable
            data={options}
            disabled={editing !== 'new'}
            searchValue={search}
            onSearchChange={setSearch}
            nothingFoundMessage={
              canCreate ? (
                <Anchor size="sm" component="button" type="button" onClick={() => createCompetitor.mutate(search.trim())}>
                  {t('opportunity.competitors.newCompetitor', { name: search.trim() })}
                </Anchor>
              ) : undefined
            }
            data-autofocus
            {...form.getInputProps('competitorId')}
          />
          {canCreate && options.length > 0 ? (
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => createCompetitor.mutate(search.trim())} loading={createCompetitor.isPending} w="fit-content">
              {t('opportunity.competitors.newCompetitor', { name: search.trim() })}
            </Button>
          ) : null}
          <Select label={t('opportunity.competitors.position')} data={labels.options.position} allowDeselect={false} {...form.getInputProps('position')} />
          <Textarea label={t('opportunity.competitors.strengths')} autosize minRows={2} {...form.getInputProps('strengths')} />
          <Textarea label={t('opportunity.competitors.weaknesses')} autosize minRows={2} {...form.getInputProps('weaknesses')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} leftSection={<IconCheck size={14} />}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

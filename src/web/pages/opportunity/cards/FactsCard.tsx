// Key facts (budget, decision date, criteria) with their sources.
import { useEffect, useState } from 'react';
import { ActionIcon, Badge, Button, Card, Group, Modal, MultiSelect, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/http';
import { invalidateOpportunity, type Contact, type OpportunityDetail } from '../../../api/queries';
import { useLocale } from '../../../i18n';
import { FACT_KINDS, useLabels, type FactKind } from '../../../lib/labels';
import { notifySuccess, reportFormError } from '../../../lib/problems';
import { useFormat } from '../../../lib/useFormat';
import { CardTitle } from './CardTitle';

export function FactsCard({ opp, contacts }: { opp: OpportunityDetail; contacts: Contact[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const f = useFormat();
  const [editing, setEditing] = useState<FactKind | null>(null);
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  const sep = labels.locale === 'zh-CN' ? '、' : ', ';
  return (
    <Card data-testid="facts">
      <CardTitle>{t('opportunity.facts.title')}</CardTitle>
      <Stack gap="xs">
        {FACT_KINDS.map((kind) => {
          const fact = opp.facts.find((x) => x.kind === kind);
          const sources = fact?.sourceContactIds.map((id) => names.get(id) ?? '?') ?? [];
          return (
            <Group key={kind} justify="space-between" wrap="nowrap" align="flex-start" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-fact={kind}>
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Text size="xs" c="dimmed" fw={600}>
                  {labels.factKind(kind)}
                </Text>
                {fact ? (
                  <>
                    <Text size="sm" fw={500} style={{ wordBreak: 'break-word' }}>
                      {fact.value}
                    </Text>
                    <Group gap={6}>
                      {fact.verified ? (
                        <Badge size="xs" color="teal" variant="light" leftSection={<IconShieldCheck size={10} />} style={{ textTransform: 'none' }}>
                          {t('opportunity.facts.verified')}
                        </Badge>
                      ) : (
                        <Badge size="xs" color="gray" variant="light" style={{ textTransform: 'none' }}>
                          {t('opportunity.facts.unverified')}
                        </Badge>
                      )}
                      <Text size="xs" c={sources.length < 2 && !fact.verified ? 'orange.8' : 'dimmed'}>
                        {sources.length ? `${t('opportunity.facts.sources')}${t('common.colon')}${sources.join(sep)}` : t('opportunity.stage.noSource')}
                        {sources.length === 1 && !fact.verified ? ` · ${t('opportunity.facts.singleSource')}` : ''}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {f.relative(fact.updatedAt)}
                      </Text>
                    </Group>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('opportunity.facts.notKnown')}
                  </Text>
                )}
              </Stack>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={fact ? t('opportunity.facts.edit', { kind: labels.factKind(kind) }) : t('opportunity.facts.add', { kind: labels.factKind(kind) })}
                onClick={() => setEditing(kind)}
              >
                {fact ? <IconPencil size={15} /> : <IconPlus size={15} />}
              </ActionIcon>
            </Group>
          );
        })}
      </Stack>
      <FactModal opp={opp} kind={editing} contacts={contacts} onClose={() => setEditing(null)} />
    </Card>
  );
}

function FactModal({ opp, kind, contacts, onClose }: { opp: OpportunityDetail; kind: FactKind | null; contacts: Contact[]; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const qc = useQueryClient();
  const fact = opp.facts.find((x) => x.kind === kind);
  const form = useForm({
    mode: 'controlled',
    initialValues: { value: '', sourceContactIds: [] as string[], verified: false },
    validate: { value: (v) => (v.trim() ? null : t('validation.required')) },
  });
  useEffect(() => {
    if (!kind) return;
    form.setValues({ value: fact?.value ?? '', sourceContactIds: fact?.sourceContactIds ?? [], verified: fact?.verified ?? false });
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind]);
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      call(api.PUT('/api/v1/opportunities/{id}/facts', { params: { path: { id: opp.id } }, body: { kind: kind!, value: v.value.trim(), sourceContactIds: v.sourceContactIds, verified: v.verified } })),
    onSuccess: (d) => {
      qc.setQueryData(['opportunity', opp.id], d);
      invalidateOpportunity(qc, opp.id);
      notifySuccess(t('opportunity.facts.saved'));
      onClose();
    },
    onError: (e) => {
      reportFormError(t, locale, e, form.setFieldError);
    },
  });
  return (
    <Modal opened={!!kind} onClose={onClose} title={kind ? labels.factKind(kind) : ''}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="sm">
          <Textarea label={t('opportunity.facts.value')} required autosize minRows={2} data-autofocus {...form.getInputProps('value')} />
          <MultiSelect label={t('opportunity.facts.sources')} data={contacts.map((c) => ({ value: c.id, label: c.name }))} searchable clearable {...form.getInputProps('sourceContactIds')} />
          <Switch label={t('opportunity.facts.verified')} description={t('opportunity.facts.verifiedHint')} {...form.getInputProps('verified', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------
// Competitors

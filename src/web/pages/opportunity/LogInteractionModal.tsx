// Log an interaction: what happened, who took part, what the customer and the
// competitors did, and the evidence it carries. Saving re-infers the stage on
// the server; the page then shows the new stage and risks at once.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Divider,
  Group,
  Kbd,
  Modal,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_KIND_LABELS, EVIDENCE_TYPES, evidenceKindOf, getEvidenceType, isStepBack } from '../../../domain/evidence';
import { EVIDENCE_KIND_COLORS } from '../../theme';
import { api, call, newIdempotencyKey } from '../../api/http';
import { invalidateOpportunity, useCompetitors, type Contact, type OpportunityDetail } from '../../api/queries';
import { useLocale } from '../../i18n';
import { textOf, useLabels, type InteractionType } from '../../lib/labels';
import { notifySuccess, reportFormError } from '../../lib/problems';

interface EvidenceRow {
  key: string;
  type: string;
  value: string;
  sourceContactId: string | null;
  verified: boolean;
}

interface CompetitorRow {
  key: string;
  competitorId: string | null;
  response: string;
}

const rowKey = () => Math.random().toString(36).slice(2);

export function LogInteractionModal({
  opened,
  onClose,
  opportunity,
  contacts,
}: {
  opened: boolean;
  onClose: () => void;
  opportunity: OpportunityDetail;
  contacts: Contact[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const qc = useQueryClient();
  const competitors = useCompetitors();
  const idem = useRef(newIdempotencyKey());
  const [evidenceSearch, setEvidenceSearch] = useState('');

  const initial = () => ({
    type: 'meeting' as InteractionType,
    occurredAt: dayjs().format('YYYY-MM-DD HH:mm:ss') as string | null,
    contactIds: [] as string[],
    summary: '',
    customerResponse: '',
    competitorResponses: [] as CompetitorRow[],
    evidence: [] as EvidenceRow[],
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: initial(),
    validate: {
      summary: (v) => (v.trim() ? null : t('validation.required')),
      occurredAt: (v) => (v ? null : t('validation.required')),
      competitorResponses: {
        competitorId: (v) => (v ? null : t('validation.required')),
        response: (v) => (v.trim() ? null : t('validation.required')),
      },
    },
  });

  useEffect(() => {
    if (opened) {
      form.setValues(initial());
      form.clearErrors();
      idem.current = newIdempotencyKey();
      setEvidenceSearch('');
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  // Evidence types grouped by the stages of this opportunity's process model; step-backs apart.
  const evidenceGroups = useMemo(() => {
    const used = new Set<string>();
    const chosen = new Set(form.values.evidence.map((e) => e.type));
    const groups = opportunity.stages.map((s) => ({
      group: textOf(s.name, locale, s.key),
      items: s.evidenceTypes
        .filter((k) => !isStepBack(k))
        .map((k) => {
          used.add(k);
          return { value: k, label: textOf(getEvidenceType(k)?.label, locale, k), disabled: chosen.has(k) };
        }),
    }));
    const rest = EVIDENCE_TYPES.filter((d) => !used.has(d.key) && isStepBack(d.key)).map((d) => ({ value: d.key, label: textOf(d.label, locale, d.key), disabled: chosen.has(d.key) }));
    const others = EVIDENCE_TYPES.filter((d) => !used.has(d.key) && !isStepBack(d.key)).map((d) => ({ value: d.key, label: textOf(d.label, locale, d.key), disabled: chosen.has(d.key) }));
    return [
      ...groups.filter((g) => g.items.length),
      ...(others.length ? [{ group: t('interaction.otherEvidence'), items: others }] : []),
      ...(rest.length ? [{ group: t('interaction.setbacks'), items: rest }] : []),
    ];
  }, [opportunity.stages, locale, form.values.evidence, t]);

  const contactOptions = contacts.map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }));
  const competitorOptions = (competitors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));

  const addEvidence = (type: string | null) => {
    if (!type) return;
    // The source defaults to the only participant, when there is one.
    const participants = form.values.contactIds;
    form.insertListItem('evidence', { key: rowKey(), type, value: '', sourceContactId: participants.length === 1 ? participants[0]! : null, verified: false });
    setEvidenceSearch('');
  };

  const save = useMutation({
    mutationFn: (v: ReturnType<typeof initial>) =>
      call(
        api.POST('/api/v1/interactions', {
          body: {
            opportunityId: opportunity.id,
            type: v.type,
            occurredAt: v.occurredAt ? dayjs(v.occurredAt).toISOString() : undefined,
            summary: v.summary.trim(),
            customerResponse: v.customerResponse.trim() || null,
            competitorResponses: v.competitorResponses.map((c) => ({ competitorId: c.competitorId!, response: c.response.trim() })),
            contactIds: v.contactIds,
            userIds: [],
            evidence: v.evidence.map((e) => ({ type: e.type, value: e.value.trim() || null, sourceContactId: e.sourceContactId, verified: e.verified })),
          },
          headers: { 'Idempotency-Key': idem.current },
        }),
      ),
    onSuccess: async () => {
      invalidateOpportunity(qc, opportunity.id, opportunity.accountId);
      void qc.invalidateQueries({ queryKey: ['contacts', opportunity.accountId] });
      onClose();
      try {
        const fresh = await qc.fetchQuery({
          queryKey: ['opportunity', opportunity.id],
          queryFn: () => call(api.GET('/api/v1/opportunities/{id}', { params: { path: { id: opportunity.id } } })),
          staleTime: 0,
        });
        const st = fresh.stages.find((s) => s.key === fresh.stageInferred);
        notifySuccess(`${t('interaction.saved')} · ${t('interaction.stageNow', { stage: textOf(st?.name, locale, fresh.stageInferred) })}`);
      } catch {
        notifySuccess(t('interaction.saved'));
      }
    },
    onError: (e) => {
      reportFormError(t, locale, e, form.setFieldError);
    },
  });

  const submit = form.onSubmit((v) => save.mutate(v));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={880}
      title={
        <Stack gap={0}>
          <Text fw={650} size="lg">
            {t('interaction.title')}
          </Text>
          <Text size="xs" c="dimmed">
            {opportunity.title} · {opportunity.accountName}
          </Text>
        </Stack>
      }
      closeOnClickOutside={!form.isDirty()}
    >
      <form
        onSubmit={submit}
        noValidate
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
        aria-label={t('interaction.title')}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select label={t('interaction.type')} data={labels.options.interactionType} allowDeselect={false} searchable data-autofocus {...form.getInputProps('type')} />
            <DateTimePicker
              label={t('interaction.occurredAt')}
              valueFormat={locale === 'zh-CN' ? 'YYYY年M月D日 HH:mm' : 'MMM D, YYYY h:mm A'}
              maxDate={dayjs().add(1, 'day').format('YYYY-MM-DD')}
              required
              {...form.getInputProps('occurredAt')}
            />
            <MultiSelect
              label={t('interaction.participants')}
              placeholder={contacts.length ? t('interaction.participantsPlaceholder') : t('interaction.noContacts')}
              data={contactOptions}
              searchable
              clearable
              disabled={!contacts.length}
              {...form.getInputProps('contactIds')}
            />
          </SimpleGrid>
          <Textarea label={t('interaction.summary')} placeholder={t('interaction.summaryPlaceholder')} required autosize minRows={2} maxRows={6} {...form.getInputProps('summary')} />
          <Textarea label={t('interaction.customerResponse')} placeholder={t('interaction.customerResponsePlaceholder')} autosize minRows={1} maxRows={5} {...form.getInputProps('customerResponse')} />

          <Paper withBorder p="sm" radius="md" bg="violet.0" style={{ borderColor: 'var(--mantine-color-violet-2)' }}>
            <Stack gap="xs">
              <Group justify="space-between" align="flex-end" wrap="wrap">
                <div>
                  <Text fw={600} size="sm" id="evidence-heading">
                    {t('interaction.evidence')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('interaction.evidenceHint')}
                  </Text>
                </div>
                <Select
                  w={320}
                  size="sm"
                  aria-label={t('interaction.addEvidence')}
                  placeholder={t('interaction.addEvidence')}
                  leftSection={<IconPlus size={14} />}
                  searchable
                  data={evidenceGroups}
                  value={null}
                  searchValue={evidenceSearch}
                  onSearchChange={setEvidenceSearch}
                  onChange={addEvidence}
                  nothingFoundMessage="—"
                  maxDropdownHeight={360}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="evidence-picker"
                />
              </Group>
              {form.values.evidence.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('interaction.noEvidenceSelected')}
                </Text>
              ) : (
                <Stack gap={6} aria-labelledby="evidence-heading">
                  {form.values.evidence.map((e, i) => {
                    const label = textOf(getEvidenceType(e.type)?.label, locale, e.type);
                    return (
                      <Paper key={e.key} p="xs" radius="sm" withBorder bg="white" data-testid="evidence-row">
                        <Group gap="xs" wrap="nowrap" align="center">
                          <Stack gap={2} style={{ flexShrink: 0 }} maw={220}>
                            <Badge variant="light" color={isStepBack(e.type) ? 'orange' : 'violet'} style={{ textTransform: 'none' }} maw={220}>
                              {label}
                            </Badge>
                            <Text size="10px" c={EVIDENCE_KIND_COLORS[evidenceKindOf(e.type)]} fw={600} pl={4} data-evidence-kind={evidenceKindOf(e.type)}>
                              {EVIDENCE_KIND_LABELS[evidenceKindOf(e.type)][locale]}
                            </Text>
                          </Stack>
                          <TextInput
                            size="xs"
                            style={{ flex: 1 }}
                            aria-label={`${label}: ${t('interaction.evidenceValue')}`}
                            placeholder={t('interaction.evidenceValuePlaceholder')}
                            {...form.getInputProps(`evidence.${i}.value`)}
                          />
                          <Select
                            size="xs"
                            w={170}
                            aria-label={`${label}: ${t('interaction.sourceContact')}`}
                            placeholder={t('interaction.sourceContactPlaceholder')}
                            data={contacts.map((c) => ({ value: c.id, label: c.name }))}
                            clearable
                            searchable
                            {...form.getInputProps(`evidence.${i}.sourceContactId`)}
                          />
                          <Switch
                            size="xs"
                            label={t('interaction.verified')}
                            aria-label={`${label}: ${t('interaction.verified')}`}
                            {...form.getInputProps(`evidence.${i}.verified`, { type: 'checkbox' })}
                          />
                          <ActionIcon variant="subtle" color="gray" aria-label={t('interaction.removeEvidence', { label })} onClick={() => form.removeListItem('evidence', i)}>
                            <IconX size={14} />
                          </ActionIcon>
                        </Group>
                      </Paper>
                    );
                  })}
                </Stack>
              )}
            </Stack>
          </Paper>

          <Stack gap={6}>
            <Group justify="space-between">
              <Text fw={600} size="sm">
                {t('interaction.competitorResponses')}
              </Text>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('competitorResponses', { key: rowKey(), competitorId: null, response: '' })}
                disabled={!competitorOptions.length}
                title={!competitorOptions.length ? t('opportunity.competitors.none') : undefined}
              >
                {t('interaction.addCompetitorResponse')}
              </Button>
            </Group>
            {form.values.competitorResponses.map((c, i) => (
              <Group key={c.key} gap="xs" wrap="nowrap" align="flex-start">
                <Select w={200} size="xs" aria-label={t('interaction.competitor')} placeholder={t('interaction.competitor')} data={competitorOptions} searchable {...form.getInputProps(`competitorResponses.${i}.competitorId`)} />
                <TextInput style={{ flex: 1 }} size="xs" aria-label={t('interaction.response')} placeholder={t('interaction.response')} {...form.getInputProps(`competitorResponses.${i}.response`)} />
                <ActionIcon variant="subtle" color="gray" aria-label={t('common.remove')} onClick={() => form.removeListItem('competitorResponses', i)}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>

          <Divider />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> {t('interaction.toSave')}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

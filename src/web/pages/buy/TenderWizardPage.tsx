// The tender wizard: project and regime, lots and items, qualification and the
// evaluation criteria (weights checked live: 100 % in all, the price weight's
// minimum in government procurement), the timeline with the regime's periods,
// and the key holders who will open it. The rules are the domain's, the same
// the server keeps at publication.
import { useEffect, useMemo, useState } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, Checkbox, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isLegalRegime, LEGAL_RULES } from '../../../domain/buy/tender';
import { useKeyHolders, useProjects, useTender } from '../../api/buy';
import { api, call, newIdempotencyKey } from '../../api/http';
import { PageHeader } from '../../components/PageHeader';
import { CardsSkeleton, ErrorView } from '../../components/states';
import { useLocale } from '../../i18n';
import { useBuyLabels } from '../../lib/buyLabels';
import { notifyError } from '../../lib/problems';
import { blankForm, bodyOf, formOf, liveIssues, weightSum, type TenderForm } from './tender-form';

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} fz="md" mb={hint ? 2 : 'sm'}>
        {title}
      </Title>
      {hint ? (
        <Text size="xs" c="dimmed" mb="sm">
          {hint}
        </Text>
      ) : null}
      {children}
    </Paper>
  );
}

export default function TenderWizardPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const l = useBuyLabels();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const existing = useTender(id ?? '');
  const projects = useProjects();
  const holders = useKeyHolders();
  const [form, setForm] = useState<TenderForm>(() => blankForm(params.get('projectId') ?? ''));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (id && existing.data) setForm(formOf(existing.data));
  }, [id, existing.data]);
  const set = (patch: Partial<TenderForm>) => setForm((f) => ({ ...f, ...patch }));
  const issues = useMemo(() => liveIssues(form), [form]);
  const issue = (path: string) => serverErrors[path] ?? issues.find((i) => i.path === path)?.message.text[locale];
  const sum = weightSum(form);
  const legal = isLegalRegime(form.regime);
  const save = useMutation({
    mutationFn: () =>
      id
        ? call(api.PATCH('/api/v1/tenders/{id}', { params: { path: { id } }, body: bodyOf(form) }))
        : call(api.POST('/api/v1/tenders', { body: { ...bodyOf(form), projectId: form.projectId }, headers: { 'idempotency-key': newIdempotencyKey() } })),
    onSuccess: (tender) => {
      void qc.invalidateQueries({ queryKey: ['tenders'] });
      qc.setQueryData(['tender', tender.id], tender);
      navigate(`/buy/tenders/${tender.id}`);
    },
    onError: (e) => {
      const errs: Record<string, string> = {};
      for (const fe of (e as { problem?: { errors?: { field: string; message: string }[] } }).problem?.errors ?? []) errs[fe.field.replace(/^body\./, '')] = fe.message;
      setServerErrors(errs);
      if (!Object.keys(errs).length) notifyError(t, e);
    },
  });
  if (id && existing.error) return <ErrorView error={existing.error} />;
  if (id && !existing.data) return <CardsSkeleton />;
  const enrolled = (holders.data?.items ?? []).filter((h) => h.enrolled);
  const lotKey = (i: number) => form.lots[i]?.key ?? `L${i + 1}`;
  return (
    <>
      <PageHeader
        back={{ to: id ? `/buy/tenders/${id}` : '/buy/tenders', label: t('buy.tenders.title') }}
        title={id ? t('buy.wizard.editTitle', { number: existing.data?.number }) : t('buy.tenders.new')}
        subtitle={t('buy.wizard.subtitle')}
      />
      <Stack gap="md" maw={1100}>
        <Section title={t('buy.wizard.basics')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('buy.wizard.project')} data={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.number} ${p.title}` }))} value={form.projectId || null} onChange={(v) => set({ projectId: v ?? '' })} disabled={!!id} error={serverErrors.projectId} searchable required />
            <TextInput label={t('buy.tenders.tenderTitle')} value={form.title} onChange={(e) => set({ title: e.currentTarget.value })} error={serverErrors.title} required />
            <Select label={t('buy.tenders.regime')} data={l.options.regime} value={form.regime} onChange={(v) => set({ regime: (v as TenderForm['regime']) ?? 'enterprise', ...(v !== 'enterprise' && form.minValidBids < 3 ? { minValidBids: 3 } : {}) })} allowDeselect={false} />
            <Select label={t('buy.tenders.method')} data={l.options.method} value={form.method} onChange={(v) => set({ method: (v as TenderForm['method']) ?? 'open' })} allowDeselect={false} description={t(form.method === 'invited' ? 'buy.wizard.invitedHint' : 'buy.wizard.openHint')} />
            <Select label={t('buy.tenders.category')} data={l.options.category} value={form.category} onChange={(v) => set({ category: (v as TenderForm['category']) ?? 'goods' })} allowDeselect={false} error={issue('category')} />
            <Select label={t('buy.tenders.envelopes')} data={l.options.envelopeMode} value={form.envelopes} onChange={(v) => set({ envelopes: (v as 'one' | 'two') ?? 'one' })} allowDeselect={false} />
            <TextInput label={t('buy.tenders.estimatedValue')} value={form.estimatedValue} onChange={(e) => set({ estimatedValue: e.currentTarget.value })} error={issue('estimatedValue')} rightSection={<Text size="xs">{form.currency}</Text>} required />
            <TextInput label={t('buy.tenders.bidBond')} value={form.bidBond} onChange={(e) => set({ bidBond: e.currentTarget.value })} error={issue('bidBond')} description={legal ? t('buy.wizard.bidBondRule', { max: LEGAL_RULES.maxBidBondPercent }) : undefined} />
            <NumberInput label={t('buy.tenders.minValidBids')} min={1} max={50} value={form.minValidBids} onChange={(v) => set({ minValidBids: Number(v) || 1 })} error={issue('minValidBids')} description={legal ? t('buy.wizard.minBidsRule', { min: LEGAL_RULES.minValidBids }) : undefined} />
            <Checkbox mt="lg" label={t('buy.wizard.showBidCount')} checked={form.showBidCount} onChange={(e) => set({ showBidCount: e.currentTarget.checked })} />
          </SimpleGrid>
        </Section>

        <Section title={t('buy.wizard.lots')} hint={t('buy.wizard.lotsHint')}>
          <Stack gap="md">
            {form.lots.map((lot, i) => (
              <Paper key={i} withBorder p="sm" radius="sm" bg="gray.0">
                <Group mb="xs" wrap="nowrap">
                  <Badge variant="light">{lotKey(i)}</Badge>
                  <TextInput style={{ flex: 1 }} size="xs" placeholder={t('buy.wizard.lotName')} aria-label={t('buy.wizard.lotName')} value={lot.name} onChange={(e) => set({ lots: form.lots.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)) })} error={issue(`lots.${i}.name`)} />
                  <ActionIcon variant="subtle" color="gray" disabled={form.lots.length === 1} onClick={() => set({ lots: form.lots.filter((_, j) => j !== i) })} aria-label={t('common.remove')}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('buy.item.name')}</Table.Th>
                      <Table.Th>{t('buy.item.specification')}</Table.Th>
                      <Table.Th w={110}>{t('buy.item.quantity')}</Table.Th>
                      <Table.Th w={90}>{t('buy.item.unit')}</Table.Th>
                      <Table.Th w={36} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {lot.items.map((it, j) => {
                      const upd = (p: Partial<typeof it>) => set({ lots: form.lots.map((x, a) => (a === i ? { ...x, items: x.items.map((y, b) => (b === j ? { ...y, ...p } : y)) } : x)) });
                      return (
                        <Table.Tr key={j}>
                          <Table.Td>
                            <TextInput size="xs" aria-label={t('buy.item.name')} value={it.name} onChange={(e) => upd({ name: e.currentTarget.value })} error={issue(`lots.${i}.items.${j}.name`)} />
                          </Table.Td>
                          <Table.Td>
                            <TextInput size="xs" aria-label={t('buy.item.specification')} value={it.specification} onChange={(e) => upd({ specification: e.currentTarget.value })} />
                          </Table.Td>
                          <Table.Td>
                            <TextInput size="xs" aria-label={t('buy.item.quantity')} value={it.quantity} onChange={(e) => upd({ quantity: e.currentTarget.value })} error={issue(`lots.${i}.items.${j}.quantity`)} />
                          </Table.Td>
                          <Table.Td>
                            <TextInput size="xs" aria-label={t('buy.item.unit')} value={it.unit} onChange={(e) => upd({ unit: e.currentTarget.value })} error={issue(`lots.${i}.items.${j}.unit`)} />
                          </Table.Td>
                          <Table.Td>
                            <ActionIcon variant="subtle" color="gray" disabled={lot.items.length === 1} onClick={() => set({ lots: form.lots.map((x, a) => (a === i ? { ...x, items: x.items.filter((_, b) => b !== j) } : x)) })} aria-label={t('common.remove')}>
                              <IconTrash size={14} />
                            </ActionIcon>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
                <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} mt={4} onClick={() => set({ lots: form.lots.map((x, a) => (a === i ? { ...x, items: [...x.items, { name: '', specification: '', quantity: '1', unit: '' }] } : x)) })}>
                  {t('buy.wizard.addItem')}
                </Button>
              </Paper>
            ))}
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} w="fit-content" onClick={() => set({ lots: [...form.lots, { name: '', items: [{ name: '', specification: '', quantity: '1', unit: '' }] }] })}>
              {t('buy.wizard.addLot')}
            </Button>
          </Stack>
        </Section>

        <Section title={t('buy.wizard.qualification')} hint={t('buy.wizard.qualificationHint')}>
          <Stack gap="xs">
            {form.qualification.map((q, i) => (
              <Group key={i} wrap="nowrap">
                <Textarea style={{ flex: 1 }} autosize minRows={1} size="xs" aria-label={t('buy.wizard.requirement')} placeholder={t('buy.wizard.requirementPlaceholder')} value={q.text} onChange={(e) => set({ qualification: form.qualification.map((x, j) => (j === i ? { ...x, text: e.currentTarget.value } : x)) })} />
                <ActionIcon variant="subtle" color="gray" onClick={() => set({ qualification: form.qualification.filter((_, j) => j !== i) })} aria-label={t('common.remove')}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
            <Button size="xs" variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => set({ qualification: [...form.qualification, { text: '' }] })}>
              {t('buy.wizard.addRequirement')}
            </Button>
          </Stack>
        </Section>

        <Section title={t('buy.wizard.evaluation')} hint={t('buy.wizard.evaluationHint')}>
          <Select w={260} mb="sm" label={t('buy.tenders.evaluationMethod')} data={l.options.evaluationMethod} value={form.evaluationMethod} onChange={(v) => set({ evaluationMethod: (v as TenderForm['evaluationMethod']) ?? 'comprehensive' })} allowDeselect={false} />
          {form.evaluationMethod === 'lowest_price' ? (
            <Text size="sm" c="dimmed">
              {t('buy.wizard.lowestPriceHint')}
            </Text>
          ) : (
            <>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={150}>{t('buy.wizard.part')}</Table.Th>
                    <Table.Th>{t('buy.wizard.criterion')}</Table.Th>
                    <Table.Th w={120}>{t('buy.wizard.weight')}</Table.Th>
                    <Table.Th w={120}>{t('buy.wizard.maxScore')}</Table.Th>
                    <Table.Th w={36} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {form.criteria.map((c, i) => {
                    const upd = (p: Partial<typeof c>) => set({ criteria: form.criteria.map((x, j) => (j === i ? { ...x, ...p } : x)) });
                    return (
                      <Table.Tr key={i}>
                        <Table.Td>
                          <Select size="xs" data={l.options.part} value={c.part} onChange={(v) => upd({ part: (v as typeof c.part) ?? 'technical' })} allowDeselect={false} aria-label={t('buy.wizard.part')} />
                        </Table.Td>
                        <Table.Td>
                          <TextInput size="xs" value={c.name} onChange={(e) => upd({ name: e.currentTarget.value })} error={issue(`evaluation.criteria.${i}.name`)} aria-label={t('buy.wizard.criterion')} />
                        </Table.Td>
                        <Table.Td>
                          <NumberInput size="xs" suffix="%" decimalScale={2} min={0} max={100} value={c.weight} onChange={(v) => upd({ weight: Number(v) || 0 })} error={issue(`evaluation.criteria.${i}.weight`)} aria-label={t('buy.wizard.weight')} />
                        </Table.Td>
                        <Table.Td>
                          <NumberInput size="xs" min={1} max={1000} value={c.maxScore} onChange={(v) => upd({ maxScore: Number(v) || 0 })} aria-label={t('buy.wizard.maxScore')} />
                        </Table.Td>
                        <Table.Td>
                          <ActionIcon variant="subtle" color="gray" onClick={() => set({ criteria: form.criteria.filter((_, j) => j !== i) })} aria-label={t('common.remove')}>
                            <IconTrash size={14} />
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              <Group justify="space-between" mt="xs">
                <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => set({ criteria: [...form.criteria, { part: 'technical', name: '', weight: 0, maxScore: 100 }] })}>
                  {t('buy.wizard.addCriterion')}
                </Button>
                <Badge size="lg" color={sum === 100 ? 'teal' : 'red'} variant="light" data-testid="weight-sum">
                  {t('buy.wizard.weightSum', { sum })}
                </Badge>
              </Group>
              {issue('evaluation.criteria') ? (
                <Text size="sm" c="red" mt={4}>
                  {issue('evaluation.criteria')}
                </Text>
              ) : null}
            </>
          )}
        </Section>

        <Section title={t('buy.wizard.timeline')} hint={legal ? t('buy.wizard.legalTimeline', { days: LEGAL_RULES.minDocumentsToDeadlineDays, clar: LEGAL_RULES.clarificationBeforeDeadlineDays }) : t('buy.wizard.enterpriseTimeline')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="datetime-local" label={t('buy.wizard.publishAt')} value={form.publishAt} onChange={(e) => set({ publishAt: e.currentTarget.value })} description={t('buy.wizard.publishAtHint')} />
            <TextInput type="datetime-local" label={t('buy.wizard.questionsUntil')} value={form.questionsUntil} onChange={(e) => set({ questionsUntil: e.currentTarget.value })} error={issue('timeline.questionsUntil')} />
            <TextInput type="datetime-local" label={t('buy.tenders.deadline')} value={form.deadline} onChange={(e) => set({ deadline: e.currentTarget.value, ...(legal ? { openingAt: e.currentTarget.value } : {}) })} error={issue('timeline.deadline')} />
            <TextInput type="datetime-local" label={t('buy.wizard.openingAt')} value={form.openingAt} onChange={(e) => set({ openingAt: e.currentTarget.value })} error={issue('timeline.openingAt')} disabled={legal} description={legal ? t('buy.wizard.openingAtDeadline') : undefined} />
            {!legal ? <NumberInput label={t('buy.wizard.amendmentMinDays')} min={0} max={60} value={form.amendmentMinDays} onChange={(v) => set({ amendmentMinDays: Number(v) || 0 })} description={t('buy.wizard.amendmentMinDaysHint')} /> : null}
          </SimpleGrid>
        </Section>

        <Section title={t('buy.wizard.keyHolders')} hint={t('buy.wizard.keyHoldersHint')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect label={t('buy.wizard.holders')} data={enrolled.map((h) => ({ value: h.userId, label: h.name }))} value={form.keyHolderIds} onChange={(v) => set({ keyHolderIds: v })} error={serverErrors.keyHolderIds} nothingFoundMessage={t('buy.wizard.noHolders')} />
            <NumberInput label={t('buy.wizard.threshold')} min={2} max={Math.max(2, form.keyHolderIds.length)} value={form.keyThreshold} onChange={(v) => set({ keyThreshold: Number(v) || 2 })} description={t('buy.wizard.thresholdHint', { k: form.keyThreshold, n: form.keyHolderIds.length })} />
          </SimpleGrid>
          {enrolled.length < 2 ? (
            <Alert mt="sm" color="yellow" variant="light" icon={<IconAlertTriangle size={16} />}>
              {t('buy.wizard.enrolFirst')}{' '}
              <Anchor component={Link} to="/buy/key-holder">
                {t('buy.nav.keyHolder')}
              </Anchor>
            </Alert>
          ) : null}
        </Section>

        <Group justify="space-between">
          <Text size="sm" c={issues.length ? 'orange' : 'teal'}>
            {issues.length ? t('buy.wizard.issuesLeft', { count: issues.length }) : t('buy.wizard.readyToPublish')}
          </Text>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!form.projectId}>
            {t('buy.wizard.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}

// One opportunity: where the customer stands (set vs inferred stage and why),
// the buying center, risks, next actions, key facts, competitors, activity.
import { useEffect, useMemo, useState } from 'react';
import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Grid,
  Group,
  Kbd,
  Menu,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconArrowBackUp, IconBan, IconChevronDown, IconMessagePlus, IconPencil, IconThumbDown, IconTrophy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OpportunitySource } from '../../../domain/labels';
import { api, call } from '../../api/http';
import { invalidateOpportunity, useCompetitors, useContacts, useInteractions, useMembers, useOpportunity, useOpportunityTimeline, type OpportunityDetail } from '../../api/queries';
import { ActivityTimeline } from '../../components/ActivityTimeline';
import { ContactFormModal } from '../../components/ContactForm';
import { Labeled, OutcomeBadge } from '../../components/domain';
import { CardsSkeleton, ErrorView } from '../../components/states';
import { useLocale } from '../../i18n';
import { currencySymbol } from '../../../domain/format';
import { textOf, useLabels } from '../../lib/labels';
import { notifySuccess, reportFormError } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';
import { CURRENCIES } from '../opportunities/NewOpportunityPage';
import { BuyingCenterCard, CompetitorsCard, FactsCard, NextActionsCard, RisksCard } from './cards';
import { LogInteractionModal } from './LogInteractionModal';
import { StagePanel } from './StagePanel';

export default function OpportunityPage() {
  const { id = '' } = useParams();
  const opp = useOpportunity(id);
  if (opp.error) return <ErrorView error={opp.error} onRetry={() => void opp.refetch()} />;
  if (opp.isPending) return <CardsSkeleton cards={4} />;
  return <OpportunityView opp={opp.data} key={opp.data.id} />;
}

function OpportunityView({ opp }: { opp: OpportunityDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const f = useFormat();
  const contacts = useContacts(opp.accountId);
  const timeline = useOpportunityTimeline(opp.id);
  const interactions = useInteractions({ opportunityId: opp.id });
  const [logOpen, logCtl] = useDisclosure(false);
  const [editOpen, editCtl] = useDisclosure(false);
  const [contactOpen, contactCtl] = useDisclosure(false);
  const [outcome, setOutcome] = useState<'won' | 'lost' | 'abandoned' | 'open' | null>(null);
  useHotkeys([['L', () => logCtl.open()]]);

  const contactList = contacts.data?.items ?? [];
  const contactNames = useMemo(() => new Map(contactList.map((c) => [c.id, c.name])), [contactList]);
  const interactionMap = useMemo(() => new Map((interactions.data?.pages.flatMap((p) => p.items) ?? []).map((i) => [i.id, i])), [interactions.data]);
  const closed = opp.outcome !== 'open';

  useEffect(() => {
    document.title = `${opp.title} · Procura`;
    return () => {
      document.title = 'Procura';
    };
  }, [opp.title]);

  return (
    <>
      <Stack gap={4} mb="md">
        <Breadcrumbs separatorMargin={6}>
          <Anchor component={Link} to="/opportunities" size="sm" c="dimmed">
            {t('opportunities.title')}
          </Anchor>
          <Anchor component={Link} to={`/accounts/${opp.accountId}`} size="sm" c="dimmed">
            {opp.accountName}
          </Anchor>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={6} style={{ flex: 1, minWidth: 280 }}>
            <Group gap="sm" wrap="wrap">
              <Title order={1} fz={26} data-testid="opportunity-title">
                {opp.title}
              </Title>
              <OutcomeBadge outcome={opp.outcome} size="md" />
            </Group>
            <Group gap="lg" wrap="wrap">
              <Anchor component={Link} to={`/accounts/${opp.accountId}`} fw={600} size="sm">
                {opp.accountName}
              </Anchor>
              <Text size="sm" fw={700} data-testid="opportunity-value">
                {f.money(opp.value, opp.currency)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('opportunity.owner')}{t('common.colon')}<Text span c="dark" size="sm" fw={500}>{opp.ownerName}</Text>
              </Text>
              <Text size="sm" c="dimmed">
                {t('opportunity.decisionDate')}{t('common.colon')}<Text span c="dark" size="sm" fw={500}>{f.date(opp.expectedDecisionDate)}</Text>
              </Text>
              <Text size="sm" c="dimmed">
                {t('opportunity.daysInStage', { count: opp.daysInStage })}
              </Text>
              <Text size="sm" c="dimmed">
                {opp.lastInteractionAt ? t('opportunity.lastInteraction', { when: f.relative(opp.lastInteractionAt) }) : t('opportunity.noInteractionYet')}
              </Text>
            </Group>
            {opp.outcome === 'lost' && opp.lostReason ? (
              <Text size="sm" c="red.8">
                {t('opportunity.outcome.lostBecause', { reason: opp.lostReason })}
              </Text>
            ) : null}
          </Stack>
          <Group gap="xs">
            <Tooltip label={<Group gap={4}>{t('opportunity.logInteraction')} <Kbd size="xs">L</Kbd></Group>}>
              <Button leftSection={<IconMessagePlus size={16} />} onClick={logCtl.open} data-testid="log-interaction">
                {t('opportunity.logInteraction')}
              </Button>
            </Tooltip>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editCtl.open}>
              {t('opportunity.edit')}
            </Button>
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <Button variant="default" rightSection={<IconChevronDown size={14} />} aria-label={t('opportunities.outcomeFilter')}>
                  {labels.outcome(opp.outcome)}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {closed ? (
                  <Menu.Item leftSection={<IconArrowBackUp size={14} />} onClick={() => setOutcome('open')}>
                    {t('opportunity.outcome.reopen')}
                  </Menu.Item>
                ) : (
                  <>
                    <Menu.Item leftSection={<IconTrophy size={14} color="var(--mantine-color-teal-6)" />} onClick={() => setOutcome('won')}>
                      {t('opportunity.outcome.markWon')}
                    </Menu.Item>
                    <Menu.Item leftSection={<IconThumbDown size={14} color="var(--mantine-color-red-6)" />} onClick={() => setOutcome('lost')}>
                      {t('opportunity.outcome.markLost')}
                    </Menu.Item>
                    <Menu.Item leftSection={<IconBan size={14} />} onClick={() => setOutcome('abandoned')}>
                      {t('opportunity.outcome.markAbandoned')}
                    </Menu.Item>
                  </>
                )}
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </Stack>

      <Stack gap="md">
        <StagePanel opp={opp} />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md">
              <BuyingCenterCard opp={opp} onAddContact={contactCtl.open} />
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <FactsCard opp={opp} contacts={contactList} />
                <DetailsCard opp={opp} />
              </SimpleGrid>
              <CompetitorsCard opp={opp} />
              <Card>
                <Text fw={650} mb="sm" component="h2" size="md" m={0}>
                  {t('opportunity.timeline.title')}
                </Text>
                <ActivityTimeline query={timeline} processModel={opp.processModel} interactions={interactionMap} contactNames={contactNames} />
              </Card>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md">
              <RisksCard opp={opp} />
              <NextActionsCard opp={opp} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>

      <LogInteractionModal opened={logOpen} onClose={logCtl.close} opportunity={opp} contacts={contactList} />
      <EditOpportunityModal opened={editOpen} onClose={editCtl.close} opp={opp} />
      <OutcomeModal opp={opp} outcome={outcome} onClose={() => setOutcome(null)} />
      <ContactFormModal opened={contactOpen} onClose={contactCtl.close} accountId={opp.accountId} contacts={contactList} />
    </>
  );
}

function DetailsCard({ opp }: { opp: OpportunityDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const f = useFormat();
  const locale = useLocale();
  const inferredStageName = textOf(opp.stages.find((s) => s.key === opp.stage)?.name, locale, opp.stage);
  return (
    <Card>
      <Text fw={650} mb="sm" component="h2" size="md" m={0}>
        {t('account.details')}
      </Text>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm" mt="sm">
        <Labeled label={t('opportunity.product')}>{opp.product || '—'}</Labeled>
        <Labeled label={t('opportunity.source')}>{opp.source ? labels.source(opp.source) : '—'}</Labeled>
        <Labeled label={t('opportunity.processModel')}>
          <ModelName opp={opp} />
        </Labeled>
        <Labeled label={t('opportunities.col.stage')}>{inferredStageName}</Labeled>
        <Labeled label={t('opportunity.value')}>{f.money(opp.value, opp.currency)}</Labeled>
        <Labeled label={t('opportunity.decisionDate')}>{f.date(opp.expectedDecisionDate)}</Labeled>
      </SimpleGrid>
    </Card>
  );
}

function ModelName({ opp }: { opp: OpportunityDetail }) {
  const locale = useLocale();
  // The detail carries the stages but not the model's name: look it up.
  const q = useQueryClient().getQueryData<{ items: Array<{ key: string; name: { 'zh-CN': string; en: string } }> }>(['process-models']);
  const m = q?.items.find((x) => x.key === opp.processModel);
  return <>{m ? m.name[locale] : opp.processModel}</>;
}

function EditOpportunityModal({ opened, onClose, opp }: { opened: boolean; onClose: () => void; opp: OpportunityDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const members = useMembers();
  const qc = useQueryClient();
  const initial = () => ({
    title: opp.title,
    product: opp.product ?? '',
    value: opp.value as number | string,
    currency: opp.currency,
    ownerId: opp.ownerId,
    expectedDecisionDate: opp.expectedDecisionDate,
    source: opp.source,
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: initial(),
    validate: {
      title: (v) => (v.trim() ? null : t('validation.required')),
      value: (v) => (v === '' ? t('validation.required') : Number(v) < 0 ? t('validation.nonNegative') : null),
    },
  });
  useEffect(() => {
    if (opened) {
      form.setValues(initial());
      form.clearErrors();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  const save = useMutation({
    mutationFn: (v: ReturnType<typeof initial>) =>
      call(
        api.PATCH('/api/v1/opportunities/{id}', {
          params: { path: { id: opp.id } },
          body: {
            title: v.title.trim(),
            product: v.product.trim() || null,
            value: Number(v.value),
            currency: v.currency,
            ownerId: v.ownerId,
            expectedDecisionDate: v.expectedDecisionDate || null,
            source: (v.source as OpportunitySource | null) ?? null,
          },
        }),
      ),
    onSuccess: (d) => {
      qc.setQueryData(['opportunity', opp.id], d);
      invalidateOpportunity(qc, opp.id, opp.accountId);
      notifySuccess(t('opportunityForm.updated'));
      onClose();
    },
    onError: (e) => {
      reportFormError(t, locale, e, form.setFieldError);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('opportunityForm.editTitle')} size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="sm">
          <TextInput label={t('opportunityForm.name')} required data-autofocus {...form.getInputProps('title')} />
          <TextInput label={t('opportunityForm.product')} {...form.getInputProps('product')} />
          <Group grow align="flex-start">
            <NumberInput
              label={t('opportunityForm.value')}
              min={0}
              thousandSeparator=","
              decimalScale={2}
              leftSection={<Text size="sm" c="dimmed">{currencySymbol(form.values.currency, locale)}</Text>}
              {...form.getInputProps('value')}
            />
            <Select label={t('opportunityForm.currency')} data={CURRENCIES.includes(opp.currency) ? CURRENCIES : [...CURRENCIES, opp.currency]} allowDeselect={false} {...form.getInputProps('currency')} />
          </Group>
          <SimpleGrid cols={2} spacing="sm">
            <DateInput label={t('opportunityForm.expectedDecisionDate')} clearable valueFormat={locale === 'zh-CN' ? 'YYYY年M月D日' : 'MMM D, YYYY'} {...form.getInputProps('expectedDecisionDate')} />
            <Select label={t('opportunityForm.source')} data={labels.options.source} clearable {...form.getInputProps('source')} />
            <Select label={t('opportunityForm.owner')} data={(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))} allowDeselect={false} searchable {...form.getInputProps('ownerId')} />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function OutcomeModal({ opp, outcome, onClose }: { opp: OpportunityDetail; outcome: 'won' | 'lost' | 'abandoned' | 'open' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const competitors = useCompetitors();
  const [lostReason, setLostReason] = useState('');
  const [winner, setWinner] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setLostReason('');
    setWinner(null);
    setError(null);
  }, [outcome]);
  const save = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/opportunities/{id}/outcome', {
          params: { path: { id: opp.id } },
          body: { outcome: outcome!, ...(outcome === 'lost' ? { lostReason: lostReason.trim(), winningCompetitorId: winner } : {}) },
        }),
      ),
    onSuccess: (d) => {
      qc.setQueryData(['opportunity', opp.id], d);
      invalidateOpportunity(qc, opp.id, opp.accountId);
      notifySuccess(t('opportunity.outcome.updated'));
      onClose();
    },
    onError: (e) => {
      reportFormError(t, locale, e, (f, m) => f === 'lostReason' && setError(m));
    },
  });
  const titles = {
    won: t('opportunity.outcome.wonTitle'),
    lost: t('opportunity.outcome.lostTitle'),
    abandoned: t('opportunity.outcome.abandonedTitle'),
    open: t('opportunity.outcome.reopenTitle'),
  };
  const bodies = { won: t('opportunity.outcome.wonBody'), abandoned: t('opportunity.outcome.abandonedBody'), open: t('opportunity.outcome.reopenBody'), lost: '' };
  const submit = () => {
    if (outcome === 'lost' && !lostReason.trim()) {
      setError(t('validation.required'));
      return;
    }
    save.mutate();
  };
  const competitorOptions = [
    ...opp.competitors.map((c) => ({ value: c.competitorId, label: c.name })),
    ...(competitors.data?.items ?? []).filter((c) => !opp.competitors.some((x) => x.competitorId === c.id)).map((c) => ({ value: c.id, label: c.name })),
  ];
  return (
    <Modal opened={!!outcome} onClose={onClose} title={outcome ? titles[outcome] : ''}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {outcome === 'lost' ? (
            <>
              <Textarea
                label={t('opportunity.outcome.lostReason')}
                required
                autosize
                minRows={3}
                data-autofocus
                value={lostReason}
                error={error}
                onChange={(e) => {
                  setLostReason(e.currentTarget.value);
                  setError(null);
                }}
              />
              <Select
                label={t('opportunity.outcome.winningCompetitor')}
                placeholder={t('opportunity.outcome.winningCompetitorPlaceholder')}
                data={competitorOptions}
                clearable
                searchable
                value={winner}
                onChange={setWinner}
              />
            </>
          ) : (
            <Text size="sm">{outcome ? bodies[outcome] : ''}</Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} color={outcome === 'won' ? 'teal' : outcome === 'lost' ? 'red' : undefined}>
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}


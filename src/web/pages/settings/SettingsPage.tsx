// Settings: the organization (visibility, default model), process models (the
// built-in ones and the organization's own), risk thresholds, members and
// invitations. Owners and admins change them; everybody else reads.
import { useEffect, useState } from 'react';
import {
  ActionIcon, Alert, Anchor, Badge, Button, CopyButton, Group, Modal, MultiSelect, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title, Tooltip,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconCheck, IconCopy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useNavigate, useParams } from 'react-router';
import { BACKBONES, BACKBONE_LABELS, getBuiltInModel } from '../../../domain/process-models';
import { DEFAULT_RISK_THRESHOLDS } from '../../../domain/risks';
import { api, call } from '../../api/http';
import { keys, useMe, useMembers, useProcessModels, useSettings, type Invitation, type ProcessModel } from '../../api/queries';
import { PageHeader } from '../../components/PageHeader';
import { EmptyText, ErrorView, ListSkeleton } from '../../components/states';
import { textOf, useLabels } from '../../lib/labels';
import { applyFieldErrors, notifyError, notifySuccess } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';

/** The problem's field errors keyed by form path, or null when it names no field. */
function fieldErrors(t: TFunction, locale: string, error: unknown, strip: RegExp): Record<string, string> | null {
  const fields: Record<string, string> = {};
  const r = applyFieldErrors(error, (path, message) => (fields[path] = message), t, locale, (f) => f.replace(strip, ''));
  return r.handled ? fields : null;
}

const TABS = ['organization', 'process-models', 'risks', 'members'] as const;
type Tab = (typeof TABS)[number];

export default function SettingsPage() {
  const { t } = useTranslation();
  const { tab = 'organization' } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const canAdmin = me.data?.role === 'owner' || me.data?.role === 'admin';
  const current: Tab = (TABS as readonly string[]).includes(tab) ? (tab as Tab) : 'organization';
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={me.data?.organization.name} />
      <Tabs value={current} onChange={(v) => v && navigate(`/settings/${v}`)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="organization">{t('settings.tabs.organization')}</Tabs.Tab>
          <Tabs.Tab value="process-models">{t('settings.tabs.processModels')}</Tabs.Tab>
          <Tabs.Tab value="risks">{t('settings.tabs.risks')}</Tabs.Tab>
          <Tabs.Tab value="members">{t('settings.tabs.members')}</Tabs.Tab>
        </Tabs.List>
        {!canAdmin && (
          <Alert color="gray" mb="md">
            {t('settings.organization.adminOnly')}
          </Alert>
        )}
        <Tabs.Panel value="organization">
          <OrganizationTab canAdmin={canAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="process-models">
          <ProcessModelsTab canAdmin={canAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="risks">
          <RisksTab canAdmin={canAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersTab canAdmin={canAdmin} myUserId={me.data?.user.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function useSaveSettings() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { opportunityVisibility?: 'all' | 'own'; defaultProcessModel?: string; riskThresholds?: Record<string, unknown> }) =>
      call(api.PATCH('/api/v1/organization/settings', { body })),
    onSuccess: (s) => {
      qc.setQueryData(keys.settings, s);
      void qc.invalidateQueries({ queryKey: keys.me });
      void qc.invalidateQueries({ queryKey: ['opportunity'] });
      void qc.invalidateQueries({ queryKey: ['board'] });
      notifySuccess(t('common.saved'));
    },
  });
}

function OrganizationTab({ canAdmin }: { canAdmin: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useMe();
  const settings = useSettings();
  const models = useProcessModels();
  const save = useSaveSettings();
  if (settings.isPending || models.isPending) return <ListSkeleton rows={4} />;
  if (settings.error) return <ErrorView error={settings.error} onRetry={() => void settings.refetch()} />;
  const s = settings.data;
  return (
    <Paper withBorder radius="md" p="lg" maw={720}>
      <Stack gap="lg">
        <SimpleGrid cols={2}>
          <TextInput label={t('settings.organization.name')} value={me.data?.organization.name ?? ''} readOnly />
          <TextInput label={t('settings.organization.kind')} value={me.data ? labels.orgKind(me.data.organization.kind) : ''} readOnly />
        </SimpleGrid>
        <Radio.Group
          label={t('settings.organization.visibility')}
          value={s.opportunityVisibility}
          onChange={(v) => save.mutate({ opportunityVisibility: v as 'all' | 'own' }, { onError: (e) => notifyError(t, e) })}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="all" label={t('settings.organization.visibilityAll')} disabled={!canAdmin} />
            <Radio value="own" label={t('settings.organization.visibilityOwn')} disabled={!canAdmin} />
          </Stack>
        </Radio.Group>
        <Select
          label={t('settings.organization.defaultProcessModel')}
          description={t('settings.organization.defaultProcessModelHint')}
          disabled={!canAdmin}
          allowDeselect={false}
          data={(models.data?.items ?? []).map((m) => ({ value: m.key, label: textOf(m.name, labels.locale) }))}
          value={s.defaultProcessModel}
          onChange={(v) => v && save.mutate({ defaultProcessModel: v }, { onError: (e) => notifyError(t, e) })}
        />
      </Stack>
    </Paper>
  );
}

// --- process models -----------------------------------------------------------

function ProcessModelsTab({ canAdmin }: { canAdmin: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const models = useProcessModels();
  const settings = useSettings();
  const [editing, setEditing] = useState<ProcessModel | 'new' | null>(null);
  if (models.isPending) return <ListSkeleton rows={6} />;
  if (models.error) return <ErrorView error={models.error} onRetry={() => void models.refetch()} />;
  const items = models.data.items;
  const own = items.filter((m) => !m.builtIn);
  const card = (m: ProcessModel) => (
    <Paper key={m.key} withBorder radius="md" p="md">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={3} size="h5">
            {textOf(m.name, labels.locale)}
          </Title>
          <Badge size="sm" variant="light" color={m.builtIn ? 'gray' : 'grape'}>
            {m.builtIn ? t('settings.processModels.builtIn') : t('settings.processModels.custom')}
          </Badge>
          {settings.data?.defaultProcessModel === m.key && (
            <Badge size="sm" variant="light">
              {t('settings.processModels.default')}
            </Badge>
          )}
        </Group>
        {!m.builtIn && canAdmin && (
          <Button size="xs" variant="default" onClick={() => setEditing(m)}>
            {t('common.edit')}
          </Button>
        )}
      </Group>
      <Group gap={6}>
        {m.stages.map((s, i) => (
          <Badge key={s.key} variant="outline" color="gray" radius="sm" tt="none">
            {i + 1}. {textOf(s.name, labels.locale)}
          </Badge>
        ))}
      </Group>
    </Paper>
  );
  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {t('settings.processModels.subtitle')}
        </Text>
        {canAdmin && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('settings.processModels.create')}
          </Button>
        )}
      </Group>
      <Title order={2} size="h5">
        {t('settings.processModels.builtIn')}
      </Title>
      {items.filter((m) => m.builtIn).map(card)}
      <Title order={2} size="h5">
        {t('settings.processModels.custom')}
      </Title>
      {own.length ? own.map(card) : <EmptyText>{t('settings.processModels.emptyCustom')}</EmptyText>}
      {editing && <ModelEditor model={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

interface StageDraft {
  key: string;
  zh: string;
  en: string;
  backbone: string;
  /** The last milestone this stage covers; it starts after the previous stage's. */
  through: number;
}

/** Milestones are named after the stages of the built-in eight-stage model, which has one per milestone. */
const MILESTONE_NAMES = getBuiltInModel('internal-8')!.stages.map((s) => s.name);

const slug = (s: string, sep: '_' | '-') =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^[^a-z]+|\\${sep}+$`, 'g'), '')
    .slice(0, 40);

function draftsOf(model: ProcessModel | null): StageDraft[] {
  if (!model)
    return [
      { key: 'need', zh: '需求', en: 'Need', backbone: 'need', through: 3 },
      { key: 'evaluation', zh: '评估', en: 'Evaluation', backbone: 'evaluate', through: 6 },
      { key: 'decision', zh: '决策与签约', en: 'Decision and contract', backbone: 'decide', through: 8 },
      { key: 'delivery', zh: '交付', en: 'Delivery', backbone: 'use', through: 9 },
    ];
  return model.stages.map((s) => ({ key: s.key, zh: s.name['zh-CN'], en: s.name.en, backbone: s.backbone, through: Math.max(...s.milestones) }));
}

function ModelEditor({ model, onClose }: { model: ProcessModel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const qc = useQueryClient();
  const [key, setKey] = useState(model?.key ?? '');
  const [zh, setZh] = useState(model?.name['zh-CN'] ?? '');
  const [en, setEn] = useState(model?.name.en ?? '');
  const [stages, setStages] = useState<StageDraft[]>(() => draftsOf(model));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  // Every stage covers the milestones after the previous stage's up to its own; the last one reaches 9.
  // Each keeps at least one milestone, so a stage added at the end takes room from those before it.
  let previous = 0;
  const ranges = stages.map((s, i) => {
    const from = previous + 1;
    const to = i === stages.length - 1 ? 9 : Math.max(from, Math.min(s.through, 9 - (stages.length - 1 - i)));
    previous = to;
    return { from, to };
  });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: { 'zh-CN': zh.trim(), en: en.trim() },
        stages: stages.map((s, i) => {
          const { from, to } = ranges[i]!;
          return {
            key: s.key.trim() || slug(s.en, '_') || `stage_${i + 1}`,
            name: { 'zh-CN': s.zh.trim(), en: s.en.trim() },
            backbone: s.backbone as 'need',
            milestones: Array.from({ length: to - from + 1 }, (_, n) => from + n),
          };
        }),
      };
      return model
        ? call(api.PATCH('/api/v1/process-models/{key}', { params: { path: { key: model.key } }, body }))
        : call(api.POST('/api/v1/process-models', { body: { key: key.trim() || slug(en, '-'), ...body } }));
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.processModels });
      notifySuccess(model ? t('settings.processModels.updated') : t('settings.processModels.created'));
      onClose();
    },
    onError: (e) => {
      const fields: Record<string, string> = {};
      const rest: string[] = [];
      applyFieldErrors(
        e,
        (path, message) => {
          const known = /^(key|name\.(zh-CN|en)|stages\.\d+\.(key|backbone|name\.(zh-CN|en)))$/.test(path);
          if (known) fields[path] = message;
          else rest.push(message);
        },
        t,
        labels.locale,
        (f) => f.replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1'),
      );
      if (!Object.keys(fields).length && !rest.length) notifyError(t, e);
      setErrors(fields);
      setGeneral(rest);
    },
  });
  const set = (i: number, patch: Partial<StageDraft>) => setStages((xs) => xs.map((s, n) => (n === i ? { ...s, ...patch } : s)));
  const move = (i: number, d: number) =>
    setStages((xs) => {
      const ys = [...xs];
      const [a, b] = [ys[i]!, ys[i + d]!];
      // Names and keys move; the milestone ranges stay in place, so the model stays complete.
      ys[i] = { ...b, through: a.through };
      ys[i + d] = { ...a, through: b.through };
      return ys;
    });
  const milestoneLabel = (m: number) => `${m}. ${textOf(MILESTONE_NAMES[m - 1], labels.locale)}`;
  return (
    <Modal opened onClose={onClose} size={1100} title={model ? t('settings.processModels.editTitle') : t('settings.processModels.create')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('settings.processModels.nameZh')}
              value={zh}
              onChange={(e) => setZh(e.currentTarget.value)}
              error={errors['name.zh-CN']}
              required
              data-autofocus
            />
            <TextInput label={t('settings.processModels.nameEn')} value={en} onChange={(e) => setEn(e.currentTarget.value)} error={errors['name.en']} required />
            <TextInput
              label={t('settings.processModels.key')}
              description={t('settings.processModels.keyHint')}
              placeholder={slug(en, '-') || 'my-process'}
              value={key}
              onChange={(e) => setKey(e.currentTarget.value)}
              disabled={!!model}
              error={errors.key}
            />
          </SimpleGrid>
          <div>
            <Title order={3} size="h6">
              {t('settings.processModels.stages')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('settings.processModels.stagesHint')}
            </Text>
          </div>
          {general.length ? (
            <Alert color="red" variant="light" p="sm">
              <Stack gap={2}>
                {general.map((m, i) => (
                  <Text size="sm" key={i}>
                    {m}
                  </Text>
                ))}
              </Stack>
            </Alert>
          ) : null}
          {stages.map((s, i) => {
            const { from, to } = ranges[i]!;
            const last = i === stages.length - 1;
            return (
              <Paper key={i} withBorder p="sm" radius="sm">
                <Group align="flex-start" gap="xs" wrap="nowrap">
                  <Badge variant="light" size="lg" radius="sm" mt={22} w={36}>
                    {i + 1}
                  </Badge>
                  <TextInput size="xs" label={t('settings.processModels.nameZh')} value={s.zh} onChange={(e) => set(i, { zh: e.currentTarget.value })} error={errors[`stages.${i}.name.zh-CN`]} w={150} />
                  <TextInput size="xs" label={t('settings.processModels.nameEn')} value={s.en} onChange={(e) => set(i, { en: e.currentTarget.value })} error={errors[`stages.${i}.name.en`]} w={170} />
                  <TextInput size="xs" label={t('settings.processModels.stageKey')} placeholder={slug(s.en, '_') || undefined} value={s.key} onChange={(e) => set(i, { key: e.currentTarget.value })} error={errors[`stages.${i}.key`]} w={130} />
                  <Select
                    size="xs"
                    label={t('settings.processModels.backbone')}
                    allowDeselect={false}
                    value={s.backbone}
                    onChange={(v) => v && set(i, { backbone: v })}
                    data={BACKBONES.map((b) => ({ value: b, label: textOf(BACKBONE_LABELS[b], labels.locale) }))}
                    error={errors[`stages.${i}.backbone`]}
                    w={110}
                  />
                  <Select
                    size="xs"
                    label={t('settings.processModels.through')}
                    description={from === to ? milestoneLabel(from) : `${milestoneLabel(from)} → ${to}`}
                    allowDeselect={false}
                    disabled={last}
                    value={String(to)}
                    onChange={(v) => v && set(i, { through: Number(v) })}
                    data={Array.from({ length: 9 - (stages.length - 1 - i) - from + 1 }, (_, n) => from + n).map((m) => ({ value: String(m), label: milestoneLabel(m) }))}
                    style={{ flex: 1 }}
                    miw={200}
                  />
                  <Group gap={2} wrap="nowrap" mt={22}>
                    <ActionIcon variant="subtle" aria-label={t('settings.processModels.moveUp', { n: i + 1 })} disabled={i === 0} onClick={() => move(i, -1)}>
                      <IconArrowUp size={14} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={t('settings.processModels.moveDown', { n: i + 1 })} disabled={last} onClick={() => move(i, 1)}>
                      <IconArrowDown size={14} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('settings.processModels.removeStage', { n: i + 1 })}
                      disabled={stages.length <= 2}
                      onClick={() => setStages((xs) => xs.filter((_, n) => n !== i).map((x, n, arr) => (n === arr.length - 1 ? { ...x, through: 9 } : x)))}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Group>
                </Group>
              </Paper>
            );
          })}
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconPlus size={14} />}
              disabled={stages.length >= 9}
              onClick={() =>
                // The stage that was last ends one milestone earlier; the new one covers the rest.
                setStages((xs) => [
                  ...xs.map((x, n) => (n === xs.length - 1 ? { ...x, through: 8 } : x)),
                  { key: '', zh: '', en: '', backbone: xs[xs.length - 1]?.backbone ?? 'use', through: 9 },
                ])
              }
            >
              {t('settings.processModels.addStage')}
            </Button>
            <Group>
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

// --- risk thresholds ----------------------------------------------------------

type NumericThreshold = 'minIndependentSources' | 'singleChannelMinInteractions' | 'singleChannelShare' | 'coachMilestone' | 'enteredLateMilestone' | 'decisionDelayedPercentile' | 'influentialSupporterMin';
const THRESHOLDS: { key: NumericThreshold; label: { 'zh-CN': string; en: string }; min: number; max: number; step: number }[] = [
  { key: 'minIndependentSources', label: { 'zh-CN': '关键事实需要的独立信息来源数（未核实时）', en: 'Independent sources a key fact needs (unless verified)' }, min: 1, max: 5, step: 1 },
  { key: 'singleChannelMinInteractions', label: { 'zh-CN': '判断单一渠道所需的最少互动次数', en: 'Interactions before single channel is judged' }, min: 1, max: 20, step: 1 },
  { key: 'singleChannelShare', label: { 'zh-CN': '与同一联系人互动占比达到此值即为单一渠道', en: 'Share of interactions with one contact that makes a single channel' }, min: 0.5, max: 1, step: 0.05 },
  { key: 'coachMilestone', label: { 'zh-CN': '从第几个里程碑起需要内部教练', en: 'Milestone from which a coach is needed' }, min: 1, max: 9, step: 1 },
  { key: 'enteredLateMilestone', label: { 'zh-CN': '首次接触晚于此里程碑即为介入过晚', en: 'First contact at or after this milestone is late' }, min: 1, max: 9, step: 1 },
  { key: 'decisionDelayedPercentile', label: { 'zh-CN': '阶段停留超过本组织历史的此分位数即为决策拖延', en: 'Stage duration percentile beyond which a decision is dragging' }, min: 0.5, max: 0.99, step: 0.05 },
  { key: 'influentialSupporterMin', label: { 'zh-CN': '对抗强势在位供应商所需支持者的影响力', en: 'Influence a supporter needs against an entrenched incumbent' }, min: 1, max: 5, step: 1 },
];

function RisksTab({ canAdmin }: { canAdmin: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const f = useFormat();
  const settings = useSettings();
  const save = useSaveSettings();
  const [draft, setDraft] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (settings.data) setDraft({ ...DEFAULT_RISK_THRESHOLDS, ...settings.data.riskThresholds });
  }, [settings.data]);
  if (settings.isPending) return <ListSkeleton rows={8} />;
  if (settings.error) return <ErrorView error={settings.error} onRetry={() => void settings.refetch()} />;
  const days = (draft.informationIslandDays ?? DEFAULT_RISK_THRESHOLDS.informationIslandDays) as Record<string, number>;
  const submit = (body: Record<string, unknown>) =>
    save.mutate(
      { riskThresholds: body },
      {
        onSuccess: () => setErrors({}),
        onError: (e) => {
          const fields = fieldErrors(t, labels.locale, e, /^body\.riskThresholds\./);
          if (!fields) notifyError(t, e);
          setErrors(fields ?? {});
        },
      },
    );
  return (
    <Paper withBorder radius="md" p="lg" maw={860}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit(draft);
        }}
      >
        <Stack>
          <Text c="dimmed" size="sm">
            {t('settings.risks.subtitle')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {THRESHOLDS.map((th) => (
              <NumberInput
                key={th.key}
                label={textOf(th.label, labels.locale)}
                description={t('settings.risks.defaultValue', { value: f.number(DEFAULT_RISK_THRESHOLDS[th.key]) })}
                min={th.min}
                max={th.max}
                step={th.step}
                decimalScale={th.step < 1 ? 2 : 0}
                disabled={!canAdmin}
                value={draft[th.key] as number}
                error={errors[th.key]}
                onChange={(v) => setDraft((d) => ({ ...d, [th.key]: typeof v === 'number' ? v : Number(v) }))}
              />
            ))}
            <Select
              label={t('settings.risks.decisionMakerBackbone')}
              description={t('settings.risks.defaultValue', { value: textOf(BACKBONE_LABELS[DEFAULT_RISK_THRESHOLDS.decisionMakerBackbone], labels.locale) })}
              disabled={!canAdmin}
              allowDeselect={false}
              data={BACKBONES.map((b) => ({ value: b, label: textOf(BACKBONE_LABELS[b], labels.locale) }))}
              value={draft.decisionMakerBackbone as string}
              error={errors.decisionMakerBackbone}
              onChange={(v) => v && setDraft((d) => ({ ...d, decisionMakerBackbone: v }))}
            />
          </SimpleGrid>
          <Title order={3} size="h6" mt="sm">
            {t('settings.risks.islandDays')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            {BACKBONES.map((b) => (
              <NumberInput
                key={b}
                label={textOf(BACKBONE_LABELS[b], labels.locale)}
                min={1}
                max={365}
                disabled={!canAdmin}
                value={days[b]}
                error={errors[`informationIslandDays.${b}`]}
                onChange={(v) => setDraft((d) => ({ ...d, informationIslandDays: { ...days, [b]: typeof v === 'number' ? v : Number(v) } }))}
              />
            ))}
          </SimpleGrid>
          {canAdmin && (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => submit({})}>
                {t('settings.risks.reset')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.saveChanges')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

// --- members and invitations --------------------------------------------------

function MembersTab({ canAdmin, myUserId }: { canAdmin: boolean; myUserId?: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const f = useFormat();
  const qc = useQueryClient();
  const members = useMembers();
  const invitations = useQuery({ queryKey: keys.invitations, queryFn: () => call(api.GET('/api/v1/organization/invitations')), enabled: canAdmin });
  const [inviteOpen, setInviteOpen] = useState(false);
  const roleOptions = labels.options.orgRole;
  const changeRole = useMutation({
    mutationFn: (v: { id: string; role: 'owner' | 'admin' | 'manager' | 'member' }) => call(api.PATCH('/api/v1/organization/members/{id}', { params: { path: { id: v.id } }, body: { role: v.role } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.members });
      notifySuccess(t('settings.members.roleChanged'));
    },
    onError: (e) => notifyError(t, e),
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/v1/organization/members/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.members });
      notifySuccess(t('settings.members.removed'));
    },
    onError: (e) => notifyError(t, e),
  });
  const cancel = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/v1/organization/invitations/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.invitations });
      notifySuccess(t('settings.members.invitationCanceled'));
    },
    onError: (e) => notifyError(t, e),
  });
  if (members.isPending) return <ListSkeleton rows={5} />;
  if (members.error) return <ErrorView error={members.error} onRetry={() => void members.refetch()} />;
  const pending = (invitations.data?.items ?? []).filter((i) => i.status === 'pending');
  return (
    <Stack maw={960}>
      <Paper withBorder radius="md" p={0}>
        <Group justify="space-between" px="md" py="sm">
          <Title order={2} size="h5">
            {t('settings.members.title')}
          </Title>
          {canAdmin && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setInviteOpen(true)}>
              {t('settings.members.invite')}
            </Button>
          )}
        </Group>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.members.name')}</Table.Th>
              <Table.Th>{t('settings.members.email')}</Table.Th>
              <Table.Th w={180}>{t('settings.members.role')}</Table.Th>
              <Table.Th>{t('settings.members.joined')}</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {m.name}
                    {m.userId === myUserId && (
                      <Text span c="dimmed" size="xs">
                        {' '}
                        ({t('settings.members.you')})
                      </Text>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{m.email}</Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`${t('settings.members.role')}: ${m.name}`}
                    data={roleOptions}
                    value={m.role}
                    allowDeselect={false}
                    disabled={!canAdmin || changeRole.isPending}
                    onChange={(v) => v && v !== m.role && changeRole.mutate({ id: m.id, role: v as 'member' })}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{f.date(m.joinedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  {canAdmin && m.userId !== myUserId && (
                    <Tooltip label={t('common.remove')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('common.remove')}: ${m.name}`}
                        onClick={() => window.confirm(t('settings.members.removeConfirm', { name: m.name })) && remove.mutate(m.id)}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {canAdmin && (
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h5" mb="sm">
            {t('settings.members.invitations')}
          </Title>
          {pending.length === 0 ? (
            <EmptyText>{t('settings.members.noInvitations')}</EmptyText>
          ) : (
            <Stack gap="xs">
              {pending.map((i) => (
                <InvitationRow key={i.id} invitation={i} onCancel={() => cancel.mutate(i.id)} />
              ))}
            </Stack>
          )}
        </Paper>
      )}
      {inviteOpen && <InviteModal onClose={() => setInviteOpen(false)} />}
    </Stack>
  );
}

function InvitationRow({ invitation: i, onCancel }: { invitation: Invitation; onCancel: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const f = useFormat();
  return (
    <Group justify="space-between" wrap="nowrap">
      <div>
        <Text size="sm" fw={500}>
          {i.email} · {labels.orgRole(i.role)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('settings.members.expires', { date: f.date(i.expiresAt) })}
        </Text>
      </div>
      <Group gap="xs">
        <CopyLink link={i.link} />
        <Button size="xs" variant="subtle" color="red" onClick={onCancel}>
          {t('settings.members.cancelInvitation')}
        </Button>
      </Group>
    </Group>
  );
}

function CopyLink({ link }: { link: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={link}>
      {({ copied, copy }) => (
        <Button size="xs" variant="light" color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy}>
          {copied ? t('settings.members.linkCopied') : t('settings.members.copyLink')}
        </Button>
      )}
    </CopyButton>
  );
}

function InviteModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'admin' | 'manager' | 'member'>('member');
  const [error, setError] = useState<string | undefined>();
  const invite = useMutation({
    mutationFn: () => call(api.POST('/api/v1/organization/invitations', { body: { email, role } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.invitations }),
    onError: (e) => {
      const fields = fieldErrors(t, labels.locale, e, /^body\./);
      if (fields) setError(Object.values(fields)[0]);
      else notifyError(t, e);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('settings.members.inviteTitle')}>
      {invite.data ? (
        <Stack>
          <Text size="sm">{t('settings.members.inviteCreated')}</Text>
          <Anchor size="sm" href={invite.data.link} style={{ wordBreak: 'break-all' }}>
            {invite.data.link}
          </Anchor>
          <Group justify="flex-end">
            <CopyLink link={invite.data.link} />
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            invite.mutate();
          }}
        >
          <Stack>
            <TextInput type="email" label={t('settings.members.inviteEmail')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={error} required data-autofocus />
            <Select
              label={t('settings.members.inviteRole')}
              allowDeselect={false}
              data={labels.options.orgRole.filter((o) => o.value !== 'owner')}
              value={role}
              onChange={(v) => v && setRole(v as 'member')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending}>
                {t('settings.members.invite')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

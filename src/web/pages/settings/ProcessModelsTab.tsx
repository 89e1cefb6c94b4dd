// Settings › process models: the built-in ones, and the organization's own with their stage editor.
import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BACKBONES, BACKBONE_LABELS, getBuiltInModel } from '../../../domain/process-models';
import { api, call } from '../../api/http';
import { keys, useProcessModels, useSettings, type ProcessModel } from '../../api/queries';
import { EmptyText, ErrorView, ListSkeleton } from '../../components/states';
import { textOf, useLabels } from '../../lib/labels';
import { applyFieldErrors, notifyError, notifySuccess } from '../../lib/problems';

export function ProcessModelsTab({ canAdmin }: { canAdmin: boolean }) {
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

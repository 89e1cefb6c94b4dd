// Settings › organization: name, kind, who sees which opportunities, the default process model.
import { Group, Paper, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe, useProcessModels, useSettings } from '../../api/queries';
import { ErrorView, ListSkeleton } from '../../components/states';
import { textOf, useLabels } from '../../lib/labels';
import { notifyError } from '../../lib/problems';
import { useSaveSettings } from './shared';

export function OrganizationTab({ canAdmin }: { canAdmin: boolean }) {
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

// "New opportunity": a customer's procurement project to follow.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call, newIdempotencyKey } from '../../api/http';
import { useAccountOptions, useMe, useMembers, useProcessModels } from '../../api/queries';
import type { OpportunitySource } from '../../../domain/labels';
import { AccountFormModal } from '../../components/AccountForm';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n';
import { currencySymbol } from '../../../domain/format';
import { textOf, useLabels } from '../../lib/labels';
import { notifySuccess, reportFormError } from '../../lib/problems';

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'];

type Source = OpportunitySource;

export default function NewOpportunityPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const me = useMe();
  const members = useMembers();
  const models = useProcessModels();
  const [accountSearch, setAccountSearch] = useState('');
  const accounts = useAccountOptions(accountSearch);
  const [accountModal, accountModalCtl] = useDisclosure(false);
  const idem = useRef(newIdempotencyKey());

  const form = useForm({
    mode: 'controlled',
    initialValues: {
      accountId: params.get('account') ?? '',
      title: '',
      product: '',
      value: 0 as number | string,
      currency: 'CNY',
      processModel: '',
      ownerId: '',
      expectedDecisionDate: null as string | null,
      source: null as string | null,
      stage: null as string | null,
    },
    validate: {
      accountId: (v) => (v ? null : t('validation.required')),
      title: (v) => (v.trim() ? null : t('validation.required')),
      value: (v) => (v === '' ? null : Number(v) < 0 ? t('validation.nonNegative') : Number(v) > 1e15 ? t('validation.tooLarge') : null),
    },
  });

  useEffect(() => {
    if (me.data && !form.values.processModel) form.setFieldValue('processModel', me.data.settings.defaultProcessModel);
    if (me.data && !form.values.ownerId) form.setFieldValue('ownerId', me.data.user.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me.data]);

  const model = models.data?.items.find((m) => m.key === form.values.processModel);
  const accountOptions = useMemo(() => {
    const list = (accounts.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
    return list;
  }, [accounts.data]);

  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      call(
        api.POST('/api/v1/opportunities', {
          body: {
            accountId: v.accountId,
            title: v.title.trim(),
            product: v.product.trim() || null,
            value: v.value === '' ? 0 : Number(v.value),
            currency: v.currency,
            processModel: v.processModel || undefined,
            ownerId: v.ownerId || undefined,
            expectedDecisionDate: v.expectedDecisionDate || null,
            source: (v.source as Source | null) ?? null,
            ...(v.stage ? { stage: v.stage } : {}),
          },
          headers: { 'Idempotency-Key': idem.current },
        }),
      ),
    onSuccess: (o) => {
      notifySuccess(t('opportunityForm.created'));
      qc.setQueryData(['opportunity', o.id], o);
      void qc.invalidateQueries({ queryKey: ['board'] });
      void qc.invalidateQueries({ queryKey: ['opportunities'] });
      void qc.invalidateQueries({ queryKey: ['account', o.accountId] });
      navigate(`/opportunities/${o.id}`);
    },
    onError: (e) => {
      idem.current = newIdempotencyKey();
      reportFormError(t, locale, e, form.setFieldError);
    },
  });

  const noAccounts = accounts.isSuccess && !accountSearch && accountOptions.length === 0;

  return (
    <>
      <PageHeader
        back={{ to: '/opportunities', label: t('opportunities.title') }}
        title={t('opportunityForm.title')}
      />
      <Paper withBorder p="xl" maw={760} bg="white">
        <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
          <Stack gap="md">
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <Select
                style={{ flex: 1 }}
                label={t('opportunityForm.account')}
                placeholder={t('opportunityForm.accountPlaceholder')}
                required
                searchable
                nothingFoundMessage={t('accounts.noMatch')}
                data={accountOptions}
                onSearchChange={setAccountSearch}
                description={noAccounts ? t('opportunityForm.noAccounts') : undefined}
                {...form.getInputProps('accountId')}
              />
              <Button variant="default" leftSection={<IconPlus size={14} />} onClick={accountModalCtl.open}>
                {t('accounts.new')}
              </Button>
            </Group>
            <TextInput label={t('opportunityForm.name')} placeholder={t('opportunityForm.namePlaceholder')} required {...form.getInputProps('title')} />
            <TextInput label={t('opportunityForm.product')} {...form.getInputProps('product')} />
            <Group align="flex-start" gap="xs" grow>
              <NumberInput
                label={t('opportunityForm.value')}
                min={0}
                thousandSeparator=","
                decimalScale={2}
                leftSection={<Text size="sm" c="dimmed">{currencySymbol(form.values.currency, locale)}</Text>}
                {...form.getInputProps('value')}
              />
              <Select label={t('opportunityForm.currency')} data={CURRENCIES} allowDeselect={false} maw={140} {...form.getInputProps('currency')} />
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label={t('opportunityForm.processModel')}
                description={t('opportunityForm.processModelHint')}
                data={(models.data?.items ?? []).map((m) => ({ value: m.key, label: textOf(m.name, locale, m.key) }))}
                allowDeselect={false}
                {...form.getInputProps('processModel')}
                onChange={(v) => {
                  form.setFieldValue('processModel', v ?? '');
                  form.setFieldValue('stage', null);
                }}
              />
              <Select
                label={t('opportunityForm.initialStage')}
                description={t('opportunityForm.initialStageHint')}
                clearable
                placeholder={t('common.notSet')}
                data={(model?.stages ?? []).map((s) => ({ value: s.key, label: textOf(s.name, locale, s.key) }))}
                {...form.getInputProps('stage')}
              />
              <DateInput
                label={t('opportunityForm.expectedDecisionDate')}
                valueFormat={locale === 'zh-CN' ? 'YYYY年M月D日' : 'MMM D, YYYY'}
                clearable
                placeholder={t('common.notSet')}
                {...form.getInputProps('expectedDecisionDate')}
              />
              <Select label={t('opportunityForm.source')} data={labels.options.source} clearable placeholder={t('common.notSet')} {...form.getInputProps('source')} />
              <Select
                label={t('opportunityForm.owner')}
                data={(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))}
                searchable
                allowDeselect={false}
                {...form.getInputProps('ownerId')}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" component={Link} to="/opportunities">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('common.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <AccountFormModal
        opened={accountModal}
        onClose={accountModalCtl.close}
        onSaved={(a) => {
          void qc.invalidateQueries({ queryKey: ['accounts', 'options'] });
          form.setFieldValue('accountId', a.id);
        }}
      />
    </>
  );
}

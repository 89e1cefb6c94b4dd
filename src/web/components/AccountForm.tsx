// Create or edit an account (a customer organization) in a modal.
import { useEffect, useRef } from 'react';
import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call, newIdempotencyKey } from '../api/http';
import type { Account } from '../api/queries';
import { useLocale } from '../i18n';
import { useLabels } from '../lib/labels';
import { notifySuccess, reportFormError } from '../lib/problems';

type Industry = Account['industry'];
type Size = NonNullable<Account['size']>;
type Policy = Account['procurementPolicies'][number];
type BudgetCycle = NonNullable<Account['budgetCycle']>;

export function AccountFormModal({ opened, onClose, account, onSaved }: { opened: boolean; onClose: () => void; account?: Account; onSaved?: (a: Account) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const qc = useQueryClient();
  const idem = useRef(newIdempotencyKey());
  const initial = () => ({
    name: account?.name ?? '',
    industry: (account?.industry ?? 'other') as Industry,
    size: (account?.size ?? null) as Size | null,
    region: account?.region ?? '',
    orgStructure: account?.orgStructure ?? '',
    procurementPolicies: (account?.procurementPolicies ?? []) as Policy[],
    budgetCycle: (account?.budgetCycle ?? null) as BudgetCycle | null,
    notes: account?.notes ?? '',
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: initial(),
    validate: { name: (v) => (v.trim() ? null : t('validation.required')) },
  });

  useEffect(() => {
    if (opened) {
      form.setValues(initial());
      form.resetDirty();
      form.clearErrors();
      idem.current = newIdempotencyKey();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, account?.id]);

  const save = useMutation({
    mutationFn: async (v: ReturnType<typeof initial>) => {
      const body = {
        name: v.name.trim(),
        industry: v.industry,
        size: v.size,
        region: v.region.trim() || null,
        orgStructure: v.orgStructure.trim() || null,
        procurementPolicies: v.procurementPolicies,
        budgetCycle: v.budgetCycle,
        notes: v.notes.trim() || null,
      };
      if (account) return call(api.PATCH('/api/v1/accounts/{id}', { params: { path: { id: account.id } }, body }));
      return call(api.POST('/api/v1/accounts', { body, headers: { 'Idempotency-Key': idem.current } }));
    },
    onSuccess: (a) => {
      notifySuccess(account ? t('accounts.updated') : t('accounts.created'));
      void qc.invalidateQueries({ queryKey: ['accounts'] });
      qc.setQueryData(['account', a.id], a);
      onSaved?.(a);
      onClose();
    },
    onError: (e) => {
      reportFormError(t, locale, e, form.setFieldError);
    },
  });

  return (
    <Modal opened={opened} onClose={onClose} title={account ? t('accountForm.editTitle') : t('accountForm.title')} size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="sm">
          <TextInput label={t('accountForm.name')} placeholder={t('accountForm.namePlaceholder')} required data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label={t('accountForm.industry')} data={labels.options.industry} allowDeselect={false} {...form.getInputProps('industry')} />
            <Select label={t('accountForm.size')} data={labels.options.size} clearable placeholder={t('common.notSet')} {...form.getInputProps('size')} />
            <TextInput label={t('accountForm.region')} placeholder={t('accountForm.regionPlaceholder')} {...form.getInputProps('region')} />
            <Select label={t('accountForm.budgetCycle')} data={labels.options.budgetCycle} clearable placeholder={t('common.notSet')} {...form.getInputProps('budgetCycle')} />
          </SimpleGrid>
          <MultiSelect label={t('accountForm.procurementPolicies')} data={labels.options.policy} clearable placeholder={t('common.none')} {...form.getInputProps('procurementPolicies')} />
          <Textarea label={t('accountForm.orgStructure')} placeholder={t('accountForm.orgStructurePlaceholder')} autosize minRows={2} maxRows={6} {...form.getInputProps('orgStructure')} />
          <Textarea label={t('accountForm.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {account ? t('common.saveChanges') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

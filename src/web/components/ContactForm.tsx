// Add or edit a contact of an account: who they are, their buying roles, their
// attitude to us, their influence, and whom they report to.
import { useEffect, useRef } from 'react';
import { Button, Group, Modal, MultiSelect, Rating, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call, newIdempotencyKey } from '../api/http';
import type { Contact } from '../api/queries';
import { useLocale } from '../i18n';
import { useLabels, type Attitude, type BuyingRole } from '../lib/labels';
import { notifySuccess, reportFormError } from '../lib/problems';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function ContactFormModal({
  opened,
  onClose,
  accountId,
  contact,
  contacts,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  accountId: string;
  contact?: Contact | null;
  /** Other contacts of the account, for "reports to". */
  contacts: Contact[];
  onSaved?: (c: Contact) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const qc = useQueryClient();
  const idem = useRef(newIdempotencyKey());
  const initial = () => ({
    name: contact?.name ?? '',
    title: contact?.title ?? '',
    department: contact?.department ?? '',
    reportsToId: contact?.reportsToId ?? null,
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    wechat: contact?.wechat ?? '',
    buyingRoles: (contact?.buyingRoles ?? []) as BuyingRole[],
    isCoach: contact?.isCoach ?? false,
    attitude: (contact?.attitude ?? 'neutral') as Attitude,
    influence: contact?.influence ?? 3,
    concerns: contact?.concerns ?? '',
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: initial(),
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      email: (v) => (!v.trim() || EMAIL.test(v.trim()) ? null : t('validation.email')),
      influence: (v) => (v >= 1 && v <= 5 ? null : t('validation.oneToFive')),
    },
  });

  useEffect(() => {
    if (opened) {
      form.setValues(initial());
      form.resetDirty();
      form.clearErrors();
      idem.current = newIdempotencyKey();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, contact?.id]);

  const save = useMutation({
    mutationFn: (v: ReturnType<typeof initial>) => {
      const body = {
        name: v.name.trim(),
        title: v.title.trim() || null,
        department: v.department.trim() || null,
        reportsToId: v.reportsToId || null,
        email: v.email.trim() || null,
        phone: v.phone.trim() || null,
        wechat: v.wechat.trim() || null,
        buyingRoles: v.buyingRoles,
        isCoach: v.isCoach,
        attitude: v.attitude,
        influence: v.influence,
        concerns: v.concerns.trim() || null,
      };
      if (contact) return call(api.PATCH('/api/v1/contacts/{id}', { params: { path: { id: contact.id } }, body }));
      return call(api.POST('/api/v1/contacts', { body: { ...body, accountId }, headers: { 'Idempotency-Key': idem.current } }));
    },
    onSuccess: (c) => {
      notifySuccess(contact ? t('contact.updated') : t('contact.created'));
      void qc.invalidateQueries({ queryKey: ['contacts', accountId] });
      void qc.invalidateQueries({ queryKey: ['account', accountId] });
      void qc.invalidateQueries({ queryKey: ['opportunity'] });
      void qc.invalidateQueries({ queryKey: ['board'] });
      onSaved?.(c);
      onClose();
    },
    onError: (e) => {
      reportFormError(t, locale, e, form.setFieldError);
    },
  });

  // A contact cannot report to itself or to someone who reports to it.
  const descendants = new Set<string>();
  if (contact) {
    const stack = [contact.id];
    while (stack.length) {
      const id = stack.pop()!;
      for (const c of contacts) if (c.reportsToId === id && !descendants.has(c.id)) {
        descendants.add(c.id);
        stack.push(c.id);
      }
    }
  }
  const managers = contacts.filter((c) => c.id !== contact?.id && !descendants.has(c.id)).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }));

  return (
    <Modal opened={opened} onClose={onClose} title={contact ? t('contact.editTitle') : t('contact.addTitle')} size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('contact.name')} required data-autofocus {...form.getInputProps('name')} />
            <TextInput label={t('contact.title')} {...form.getInputProps('title')} />
            <TextInput label={t('contact.department')} {...form.getInputProps('department')} />
            <Select label={t('contact.reportsTo')} placeholder={t('contact.reportsToPlaceholder')} data={managers} clearable searchable {...form.getInputProps('reportsToId')} />
          </SimpleGrid>
          <MultiSelect label={t('contact.buyingRoles')} data={labels.options.buyingRole} clearable placeholder={t('common.none')} {...form.getInputProps('buyingRoles')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="attitude-label">
                {t('contact.attitude')}
              </Text>
              <SegmentedControl aria-labelledby="attitude-label" data={labels.options.attitude} {...form.getInputProps('attitude')} />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="influence-label">
                {t('contact.influence')}
              </Text>
              <Group gap="xs">
                <Rating count={5} aria-labelledby="influence-label" {...form.getInputProps('influence')} />
                <Text size="sm" c="dimmed">
                  {form.values.influence}/5
                </Text>
              </Group>
              {form.errors.influence ? (
                <Text size="xs" c="red">
                  {form.errors.influence}
                </Text>
              ) : null}
            </Stack>
          </SimpleGrid>
          <Switch label={t('contact.isCoach')} description={t('contact.isCoachHint')} {...form.getInputProps('isCoach', { type: 'checkbox' })} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('contact.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('contact.phone')} {...form.getInputProps('phone')} />
            <TextInput label={t('contact.wechat')} {...form.getInputProps('wechat')} />
          </SimpleGrid>
          <Textarea label={t('contact.concerns')} placeholder={t('contact.concernsPlaceholder')} autosize minRows={2} maxRows={5} {...form.getInputProps('concerns')} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {contact ? t('common.saveChanges') : t('common.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

// Raise a requisition: what is needed, for which department, why, and the items
// with their estimated prices; the total is computed exactly as you type.
import { ActionIcon, Button, Group, Paper, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isMoney, isQuantity, lineTotal, sumMoney } from '../../../domain/buy/money';
import { api, call, newIdempotencyKey } from '../../api/http';
import { Amount } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n';
import { reportFormError } from '../../lib/problems';

interface Item {
  name: string;
  specification: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  neededBy: string;
}
const blank = (): Item => ({ name: '', specification: '', quantity: '1', unit: '', unitPrice: '', neededBy: '' });

export default function NewRequisitionPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const form = useForm({ initialValues: { title: '', department: '', justification: '', currency: 'CNY', items: [blank()] } });
  const total = sumMoney(form.values.items.filter((i) => isMoney(i.unitPrice) && isQuantity(i.quantity)).map((i) => lineTotal(i.unitPrice, i.quantity)));
  const save = useMutation({
    mutationFn: async (submit: boolean) => {
      const v = form.values;
      const r = await call(
        api.POST('/api/v1/requisitions', {
          body: { ...v, items: v.items.map((i) => ({ ...i, neededBy: i.neededBy || null })) },
          headers: { 'idempotency-key': newIdempotencyKey() },
        }),
      );
      if (submit) await call(api.POST('/api/v1/requisitions/{id}/submit', { params: { path: { id: r.id } } }));
      return r;
    },
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['requisitions'] });
      navigate(`/buy/requisitions/${r.id}`);
    },
    onError: (e) => reportFormError(t, locale, e, form.setFieldError),
  });
  return (
    <>
      <PageHeader title={t('buy.requisitions.new')} subtitle={t('buy.requisitions.newSubtitle')} />
      <Stack gap="md" maw={1100}>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Group grow align="flex-start">
              <TextInput label={t('buy.requisitions.col.title')} required {...form.getInputProps('title')} />
              <TextInput label={t('buy.requisitions.col.department')} required {...form.getInputProps('department')} />
            </Group>
            <Textarea label={t('buy.requisitions.justification')} required autosize minRows={2} {...form.getInputProps('justification')} />
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text fw={600} mb="xs">
            {t('buy.requisitions.items')}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('buy.item.name')}</Table.Th>
                  <Table.Th>{t('buy.item.specification')}</Table.Th>
                  <Table.Th w={110}>{t('buy.item.quantity')}</Table.Th>
                  <Table.Th w={90}>{t('buy.item.unit')}</Table.Th>
                  <Table.Th w={140}>{t('buy.item.unitPrice')}</Table.Th>
                  <Table.Th w={150}>{t('buy.item.neededBy')}</Table.Th>
                  <Table.Th ta="right">{t('buy.item.lineTotal')}</Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {form.values.items.map((it, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      <TextInput size="xs" aria-label={t('buy.item.name')} {...form.getInputProps(`items.${i}.name`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={t('buy.item.specification')} {...form.getInputProps(`items.${i}.specification`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={t('buy.item.quantity')} {...form.getInputProps(`items.${i}.quantity`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={t('buy.item.unit')} {...form.getInputProps(`items.${i}.unit`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={t('buy.item.unitPrice')} {...form.getInputProps(`items.${i}.unitPrice`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" type="date" aria-label={t('buy.item.neededBy')} {...form.getInputProps(`items.${i}.neededBy`)} />
                    </Table.Td>
                    <Table.Td ta="right">{isMoney(it.unitPrice) && isQuantity(it.quantity) ? <Amount value={lineTotal(it.unitPrice, it.quantity)} currency={form.values.currency} /> : '—'}</Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="gray" disabled={form.values.items.length === 1} onClick={() => form.removeListItem('items', i)} aria-label={t('common.remove')}>
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" mt="sm">
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('items', blank())}>
              {t('buy.requisitions.addItem')}
            </Button>
            <Text fw={600}>
              {t('buy.requisitions.col.total')}
              {t('common.colon')}
              <Amount value={total} currency={form.values.currency} fw={700} />
            </Text>
          </Group>
        </Paper>
        <Group justify="flex-end">
          <Button variant="default" loading={save.isPending && save.variables === false} onClick={() => save.mutate(false)}>
            {t('buy.requisitions.saveDraft')}
          </Button>
          <Button loading={save.isPending && save.variables === true} onClick={() => save.mutate(true)}>
            {t('buy.requisitions.submit')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}

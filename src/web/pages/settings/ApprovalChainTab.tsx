// The approval chain of a buying organization: steps in order, each from an
// amount and optionally for one department, with the members who may decide it
// (e.g. head of department; finance from ¥50,000; the general manager from
// ¥1,000,000). Every step that applies must approve; nobody approves their own.
import { useEffect, useState } from 'react';
import { ActionIcon, Button, Group, MultiSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApprovalRules } from '../../api/buy';
import { api, call } from '../../api/http';
import { useMembers } from '../../api/queries';
import { ErrorView, ListSkeleton } from '../../components/states';
import { notifyError, notifySuccess } from '../../lib/problems';

type Rule = { key: string; name: string; minAmount: string; department: string; approverIds: string[] };

export function ApprovalChainTab({ canAdmin }: { canAdmin: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const rules = useApprovalRules();
  const members = useMembers();
  const [rows, setRows] = useState<Rule[]>([]);
  useEffect(() => {
    if (rules.data) setRows(rules.data.rules.map((r) => ({ key: r.key, name: r.name, minAmount: r.minAmount, department: r.department ?? '', approverIds: [...r.approverIds] })));
  }, [rules.data]);
  const save = useMutation({
    mutationFn: () => call(api.PUT('/api/v1/approval-rules', { body: { rules: rows.map((r) => ({ ...r, department: r.department || null })) } })),
    onSuccess: (d) => {
      qc.setQueryData(['approval-rules'], d);
      notifySuccess(t('common.saved'));
    },
    onError: (e) => notifyError(t, e),
  });
  if (rules.error) return <ErrorView error={rules.error} />;
  if (!rules.data) return <ListSkeleton rows={3} />;
  const people = (members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }));
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed" mb="sm">
        {t('buy.approval.explain')}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>{t('buy.approval.key')}</Table.Th>
            <Table.Th>{t('buy.approval.name')}</Table.Th>
            <Table.Th w={140}>{t('buy.approval.minAmount')}</Table.Th>
            <Table.Th w={140}>{t('buy.approval.department')}</Table.Th>
            <Table.Th>{t('buy.approval.approvers')}</Table.Th>
            <Table.Th w={36} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => {
            const upd = (p: Partial<Rule>) => setRows(rows.map((x, j) => (j === i ? { ...x, ...p } : x)));
            return (
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput size="xs" value={r.key} onChange={(e) => upd({ key: e.currentTarget.value })} disabled={!canAdmin} aria-label={t('buy.approval.key')} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" value={r.name} onChange={(e) => upd({ name: e.currentTarget.value })} disabled={!canAdmin} aria-label={t('buy.approval.name')} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" value={r.minAmount} onChange={(e) => upd({ minAmount: e.currentTarget.value })} disabled={!canAdmin} aria-label={t('buy.approval.minAmount')} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" placeholder={t('buy.approval.anyDepartment')} value={r.department} onChange={(e) => upd({ department: e.currentTarget.value })} disabled={!canAdmin} aria-label={t('buy.approval.department')} />
                </Table.Td>
                <Table.Td>
                  <MultiSelect size="xs" data={people} value={r.approverIds} onChange={(v) => upd({ approverIds: v })} disabled={!canAdmin} aria-label={t('buy.approval.approvers')} />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="gray" disabled={!canAdmin} onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={t('common.remove')}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {canAdmin ? (
        <Group justify="space-between" mt="sm">
          <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setRows([...rows, { key: `step-${rows.length + 1}`, name: '', minAmount: '0', department: '', approverIds: [] }])}>
            {t('buy.approval.addStep')}
          </Button>
          <Button size="xs" onClick={() => save.mutate()} loading={save.isPending}>
            {t('common.saveChanges')}
          </Button>
        </Group>
      ) : null}
      <Stack />
    </Paper>
  );
}

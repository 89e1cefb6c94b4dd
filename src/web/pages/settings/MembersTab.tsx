// Settings › members: roles, removal, invitations by link.
import { useState } from 'react';
import { ActionIcon, Anchor, Button, CopyButton, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/http';
import { keys, useMembers, type Invitation } from '../../api/queries';
import { EmptyText, ErrorView, ListSkeleton } from '../../components/states';
import { useLabels } from '../../lib/labels';
import { notifyError, notifySuccess } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';
import { fieldErrors } from './shared';

export function MembersTab({ canAdmin, myUserId }: { canAdmin: boolean; myUserId?: string }) {
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
      const fields = fieldErrors(labels.locale, e, /^body\./);
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

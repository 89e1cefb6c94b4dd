// Settings › outbox (owners and admins): the e-mails Procura would send to this
// organization's members — invitations, amendments, answers, reminders,
// receipts, opening records — kept here while no mail server is configured.
import { useState } from 'react';
import { Alert, Badge, Code, Modal, Table, Text } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/http';
import type { Schemas } from '../../api/client';
import { EmptyText, Loaded } from '../../components/states';
import { rowLink, TableCard } from '../../components/TableCard';
import { useFormat } from '../../lib/useFormat';

type Mail = Schemas['OutboxMail'];

export function OutboxTab({ canAdmin }: { canAdmin: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const outbox = useQuery({ queryKey: ['outbox'], queryFn: () => call(api.GET('/api/v1/outbox')), enabled: canAdmin, refetchInterval: 60_000 });
  const [open, setOpen] = useState<Mail | null>(null);
  if (!canAdmin) return null;
  return (
    <>
      <Alert color="blue" icon={<IconMail size={18} />} mb="md">
        {t('buy.outbox.explain')}
      </Alert>
      <Loaded query={outbox} empty={(d) => (d.items.length ? null : <EmptyText>{t('buy.outbox.empty')}</EmptyText>)}>
        {(d) => (
          <TableCard minWidth={900} head={[{ label: t('buy.outbox.to') }, { label: t('buy.outbox.subject') }, { label: t('buy.outbox.created') }, { label: t('buy.outbox.status') }]}>
            {d.items.map((m) => (
              <Table.Tr key={m.id} onClick={rowLink(() => setOpen(m))} style={{ cursor: 'pointer' }} data-testid="outbox-row">
                <Table.Td>{m.toEmail}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} lineClamp={1}>
                    {m.subject}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(m.createdAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.sentAt ? <Badge color="teal" variant="light" miw="max-content">{t('buy.outbox.sent', { when: f.dateTime(m.sentAt) })}</Badge> : <Badge color="gray" variant="light" miw="max-content">{t('buy.outbox.waiting')}</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </TableCard>
        )}
      </Loaded>
      <Modal opened={!!open} onClose={() => setOpen(null)} title={open?.subject} size="lg">
        {open ? (
          <>
            <Text size="sm" c="dimmed" mb="xs">
              {t('buy.outbox.toLine', { to: open.toEmail, when: f.dateTime(open.createdAt) })}
            </Text>
            <Code block style={{ whiteSpace: 'pre-wrap' }}>
              {open.body}
            </Code>
          </>
        ) : null}
      </Modal>
    </>
  );
}

// A key holder's own key: made here from a passphrase of at least 12 characters
// (scrypt, in this browser); only its public half, the salt and the parameters
// go to the server. Lose the passphrase and the share it opens is lost: the
// other holders (k of n) still open the tender.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, PasswordInput, Progress, Stack, Table, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createHolderKeyAsync, MIN_PASSPHRASE } from '../../../domain/sealing/holder-key';
import { useKeyHolders } from '../../api/buy';
import { api, call } from '../../api/http';
import { useMe } from '../../api/queries';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView, ListSkeleton } from '../../components/states';
import { notifyError } from '../../lib/problems';

export default function KeyHolderPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const holders = useKeyHolders();
  const [p1, setP1] = useState('');
  const [p2, setP2] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const mine = holders.data?.items.find((h) => h.userId === me.data?.user.id);
  const enrol = useMutation({
    mutationFn: async () => {
      setProgress(0);
      const record = await createHolderKeyAsync(p1, undefined, (p) => setProgress(p));
      return call(api.PUT('/api/v1/key-holders/me', { body: record }));
    },
    onSuccess: (d) => {
      qc.setQueryData(['key-holders'], d);
      setP1('');
      setP2('');
      setProgress(null);
    },
    onError: (e) => {
      setProgress(null);
      notifyError(t, e);
    },
  });
  const error = p1 && [...p1].length < MIN_PASSPHRASE ? t('buy.keyHolder.tooShort', { min: MIN_PASSPHRASE }) : p2 && p1 !== p2 ? t('buy.keyHolder.mismatch') : null;
  return (
    <>
      <PageHeader title={t('buy.keyHolder.title')} subtitle={t('buy.keyHolder.subtitle')} />
      <Stack gap="md" maw={900}>
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" mb="sm">
            <Text fw={600}>{t('buy.keyHolder.yourKey')}</Text>
            {mine?.enrolled ? <Badge color="teal">{t('buy.keyHolder.enrolled')}</Badge> : <Badge color="gray">{t('buy.keyHolder.notEnrolled')}</Badge>}
          </Group>
          <Alert color="yellow" variant="light" mb="sm">
            {t('buy.keyHolder.warning')}
          </Alert>
          <Stack gap="xs" maw={420}>
            <PasswordInput label={t('buy.keyHolder.passphrase')} value={p1} onChange={(e) => setP1(e.currentTarget.value)} data-testid="enrol-passphrase" />
            <PasswordInput label={t('buy.keyHolder.repeat')} value={p2} onChange={(e) => setP2(e.currentTarget.value)} error={error} data-testid="enrol-passphrase-repeat" />
            {progress !== null ? <Progress value={progress * 100} animated /> : null}
            <Button leftSection={<IconKey size={16} />} onClick={() => enrol.mutate()} loading={enrol.isPending} disabled={!!error || !p1 || p1 !== p2} data-testid="enrol">
              {mine?.enrolled ? t('buy.keyHolder.replace') : t('buy.keyHolder.enrol')}
            </Button>
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text fw={600} mb="sm">
            {t('buy.keyHolder.others')}
          </Text>
          {holders.error ? (
            <ErrorView error={holders.error} compact />
          ) : !holders.data ? (
            <ListSkeleton rows={3} />
          ) : (
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {holders.data.items.map((h) => (
                  <Table.Tr key={h.userId}>
                    <Table.Td>{h.name}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {h.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{h.enrolled ? <Badge color="teal" variant="light">{t('buy.keyHolder.enrolled')}</Badge> : <Badge color="gray" variant="light">{t('buy.keyHolder.notEnrolled')}</Badge>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
    </>
  );
}

// Publication with the key holders' ceremony, in this browser: one X25519
// opening key per envelope, its secret split k-of-n (Shamir) and each share
// sealed to a named holder's own key; the secret is wiped here. Only the public
// key, the sealed shares and the fingerprint go to the server.
import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconLoader2, IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { envelopesOf } from '../../../../domain/buy/tender';
import { createTenderKey } from '../../../../domain/sealing/tender-key';
import type { Tender } from '../../../api/buy';
import { api, call, newIdempotencyKey } from '../../../api/http';
import { ErrorView } from '../../../components/states';

export function PublishModal({ tender, onClose }: { tender: Tender; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [step, setStep] = useState(0);
  const run = useMutation({
    mutationFn: async () => {
      setStep(1);
      const holders = await call(api.GET('/api/v1/key-holders'));
      const named = tender.keyHolders.map((h) => {
        const rec = holders.items.find((x) => x.userId === h.userId)?.record;
        if (!rec) throw new Error(t('buy.publish.notEnrolled', { name: h.name }));
        return { userId: h.userId, publicKey: rec.publicKey };
      });
      setStep(2);
      const keys = [];
      for (const envelope of envelopesOf(tender.envelopes)) keys.push(await createTenderKey({ tenderId: tender.id, envelope, holders: named, threshold: tender.keyThreshold }));
      setStep(3);
      return call(api.POST('/api/v1/tenders/{id}/publish', { params: { path: { id: tender.id } }, body: { keys }, headers: { 'idempotency-key': newIdempotencyKey() } }));
    },
    onSuccess: (data) => {
      setStep(4);
      qc.setQueryData(['tender', tender.id], data);
      void qc.invalidateQueries({ queryKey: ['tenders'] });
      void qc.invalidateQueries({ queryKey: ['project'] });
    },
    onError: () => setStep(0),
  });
  const steps = [t('buy.publish.step1'), t('buy.publish.step2', { k: tender.keyThreshold, n: tender.keyHolders.length }), t('buy.publish.step3')];
  return (
    <Modal opened onClose={onClose} title={t('buy.publish.title', { number: tender.number })} size="lg">
      <Stack>
        <Text size="sm">{t('buy.publish.explain')}</Text>
        <List spacing="xs" size="sm" center>
          {steps.map((s, i) => (
            <List.Item key={s} icon={<ThemeIcon size={22} radius="xl" color={step > i + 1 || step === 4 ? 'teal' : step === i + 1 ? 'blue' : 'gray'} variant="light">{step > i + 1 || step === 4 ? <IconCheck size={13} /> : step === i + 1 ? <IconLoader2 size={13} /> : <IconLock size={13} />}</ThemeIcon>}>
              {s}
            </List.Item>
          ))}
        </List>
        {run.error ? <ErrorView error={run.error} compact /> : null}
        {step === 4 && run.data ? (
          <Alert color="teal" title={t('buy.publish.done')}>
            {run.data.keys.map((k) => (
              <Text key={k.envelope} size="sm" ff="monospace">
                {k.fingerprint}
              </Text>
            ))}
            <Text size="xs" mt={4}>
              {t('buy.publish.doneHint')}
            </Text>
          </Alert>
        ) : null}
        <Group justify="flex-end">
          {step === 4 ? (
            <Button onClick={onClose}>{t('common.close')}</Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose} disabled={run.isPending}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => run.mutate()} loading={run.isPending} data-testid="confirm-publish">
                {t('buy.publish.confirm')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

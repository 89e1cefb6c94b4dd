// Moving an opportunity's stage by hand, from the board (drag or "Move to…") or
// the opportunity page. A move backwards is a real event in the customer's
// process (budget cut, failed tender): it asks for the reason first.
import { useCallback, useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/http';
import { invalidateOpportunity } from '../api/queries';
import { useLocale } from '../i18n';
import { applyFieldErrors, notifyError, notifySuccess } from '../lib/problems';

export interface MoveRequest {
  id: string;
  accountId?: string;
  title: string;
  fromIndex: number;
  toIndex: number;
  toStage: string;
  toStageName: string;
}

export function useStageMove(opts: { onOptimistic?: (r: MoveRequest) => void; onSettled?: () => void } = {}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const [pending, setPending] = useState<MoveRequest | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (v: { req: MoveRequest; reason?: string }) =>
      call(api.POST('/api/v1/opportunities/{id}/stage', { params: { path: { id: v.req.id } }, body: { stage: v.req.toStage, ...(v.reason ? { reason: v.reason } : {}) } })),
    onSuccess: (data, v) => {
      qc.setQueryData(['opportunity', v.req.id], data);
      notifySuccess(t('pipeline.moved', { stage: v.req.toStageName }));
      setPending(null);
      setReason('');
    },
    onError: (e, v) => {
      const needsReason = applyFieldErrors(e, (f, m) => (f === 'reason' ? setReasonError(m) : undefined), locale).handled > 0;
      if (needsReason) {
        setPending(v.req);
        return;
      }
      notifyError(t, e);
    },
    onSettled: (_d, _e, v) => {
      invalidateOpportunity(qc, v.req.id, v.req.accountId);
      opts.onSettled?.();
    },
  });

  const request = useCallback(
    (r: MoveRequest) => {
      if (r.toIndex === r.fromIndex) return;
      setReasonError(null);
      if (r.toIndex < r.fromIndex) {
        setReason('');
        setPending(r);
        return;
      }
      opts.onOptimistic?.(r);
      mutation.mutate({ req: r });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [mutation.mutate, opts.onOptimistic],
  );

  const confirmBack = () => {
    if (!pending) return;
    if (!reason.trim()) {
      setReasonError(t('validation.reasonRequired'));
      return;
    }
    opts.onOptimistic?.(pending);
    mutation.mutate({ req: pending, reason: reason.trim() });
  };

  const modal = (
    <Modal
      opened={!!pending}
      onClose={() => {
        if (!mutation.isPending) setPending(null);
      }}
      title={<Text fw={650}>{pending ? t('pipeline.moveBackTitle', { stage: pending.toStageName }) : ''}</Text>}
      size="md"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          confirmBack();
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('pipeline.moveBackBody')}
          </Text>
          {pending ? (
            <Text size="sm" fw={600}>
              {pending.title}
            </Text>
          ) : null}
          <Textarea
            label={t('pipeline.reason')}
            placeholder={t('pipeline.reasonPlaceholder')}
            required
            autosize
            minRows={3}
            data-autofocus
            value={reason}
            error={reasonError}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setReasonError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) confirmBack();
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)} disabled={mutation.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={mutation.isPending}>
              {t('pipeline.moveBack')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );

  return { request, modal, isPending: mutation.isPending };
}

// What a manager does with a published lot: award it to the candidate next in
// rank (a tie waits for the committee's recorded choice among the tied), take a
// candidate out (declined, disqualified) with the reason, or re-tender the lot
// once a candidate is out. Each write carries an Idempotency-Key.
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconGavel, IconRepeat } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatExactAmount } from '../../../../domain/format';
import { applyAwardState, awardActions, type AwardCandidate, type AwardLot, type AwardState } from '../../../api/award';
import { useLocale } from '../../../i18n';
import { notifyError, notifySuccess, reportFormError } from '../../../lib/problems';
import { ConfirmButton } from '../../evaluation/shared';

/** Awards the lot: to the next candidate, or to the committee's choice among those tied. */
export function AwardLotButton({ a, lot, blocked }: { a: AwardState; lot: AwardLot; blocked: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const tie = lot.next.kind === 'tie';
  const [choice, setChoice] = useState<string | null>(null);
  const winner = lot.candidates.find((c) => c.bidId === (tie ? choice : lot.next.bidIds[0]));
  const award = useMutation({
    mutationFn: () => awardActions.award(a.tenderId, lot.lotKey, tie && choice ? { tieChoice: choice } : {}),
    onSuccess: (d) => {
      applyAwardState(qc, a.tenderId, d);
      notifySuccess(t('evaluation.award.action.awarded', { key: lot.lotKey, bidder: winner?.bidder ?? '' }));
    },
    onError: (e) => notifyError(t, e),
  });
  const tied = lot.candidates.filter((c) => lot.next.bidIds.includes(c.bidId));
  return (
    <Group gap="xs" align="flex-end">
      {tie ? (
        <Select
          size="xs"
          label={t('evaluation.award.next.tieChoice')}
          data={tied.map((c) => ({ value: c.bidId, label: `${c.bidder} (${t('evaluation.award.lot.rankN', { rank: c.rank })})` }))}
          value={choice}
          onChange={setChoice}
          w={280}
          data-testid="tie-choice"
        />
      ) : null}
      <ConfirmButton
        label={t('evaluation.award.action.award')}
        title={t('evaluation.award.action.awardTitle', { key: lot.lotKey })}
        message={t('evaluation.award.action.awardConfirm', { key: lot.lotKey, bidder: winner?.bidder ?? '', amount: formatExactAmount(winner?.price, a.currency, locale) })}
        onConfirm={() => award.mutate()}
        loading={award.isPending}
        disabled={blocked || !winner}
        color="green"
        leftSection={<IconGavel size={16} />}
        testId="award-lot"
      />
    </Group>
  );
}

/** A reason, then the write: the modal shared by "candidate out" and "re-tender". */
function ReasonModal({ title, hint, submit, color, onSubmit, pending, onClose, error }: { title: string; hint: string; submit: string; color: string; onSubmit: (reason: string) => void; pending: boolean; onClose: () => void; error?: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <Text size="sm">{hint}</Text>
        <Textarea label={t('evaluation.award.action.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} required autosize minRows={2} data-autofocus data-testid="award-reason" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={color} onClick={() => onSubmit(reason.trim())} loading={pending} disabled={!reason.trim()} data-testid="award-reason-submit">
            {submit}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function OutModal({ a, lot, candidate, onClose }: { a: AwardState; lot: AwardLot; candidate: AwardCandidate; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const [error, setError] = useState<string>();
  const out = useMutation({
    mutationFn: (reason: string) => awardActions.out(a.tenderId, lot.lotKey, { bidId: candidate.bidId, reason }),
    onSuccess: (d) => {
      applyAwardState(qc, a.tenderId, d);
      notifySuccess(t('evaluation.award.action.outDone', { bidder: candidate.bidder }));
      onClose();
    },
    onError: (e) => reportFormError(t, locale, e, (p, m) => p === 'reason' && setError(m)),
  });
  return (
    <ReasonModal
      title={t('evaluation.award.action.outTitle', { bidder: candidate.bidder, key: lot.lotKey })}
      hint={t('evaluation.award.action.outHint')}
      submit={t('evaluation.award.action.outSubmit')}
      color="orange"
      onSubmit={(reason) => out.mutate(reason)}
      pending={out.isPending}
      onClose={onClose}
      error={error}
    />
  );
}

export function RetenderButton({ a, lot }: { a: AwardState; lot: AwardLot }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<string>();
  const retender = useMutation({
    mutationFn: (reason: string) => awardActions.retender(a.tenderId, lot.lotKey, { reason }),
    onSuccess: (d) => {
      applyAwardState(qc, a.tenderId, d);
      notifySuccess(t('evaluation.award.action.retenderDone', { key: lot.lotKey }));
      setOpened(false);
    },
    onError: (e) => reportFormError(t, locale, e, (p, m) => p === 'reason' && setError(m)),
  });
  return (
    <>
      <Button variant="light" color="orange" leftSection={<IconRepeat size={16} />} onClick={() => setOpened(true)} data-testid="retender-lot">
        {t('evaluation.award.action.retender')}
      </Button>
      {opened ? (
        <ReasonModal
          title={t('evaluation.award.action.retenderTitle', { key: lot.lotKey })}
          hint={t('evaluation.award.action.retenderHint')}
          submit={t('evaluation.award.action.retenderSubmit')}
          color="orange"
          onSubmit={(reason) => retender.mutate(reason)}
          pending={retender.isPending}
          onClose={() => setOpened(false)}
          error={error}
        />
      ) : null}
    </>
  );
}

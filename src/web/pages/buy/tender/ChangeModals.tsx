// Changes after publication: an amendment (recorded, everyone concerned told,
// the deadline pushed where the regime requires) and a cancellation with its
// reason. Both need the reason people will read.
import { useState } from 'react';
import { Alert, Button, Checkbox, FileInput, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Tender } from '../../../api/buy';
import { invalidateTender } from '../../../api/buy';
import { api, call, newIdempotencyKey } from '../../../api/http';
import { fileToBase64 } from '../../../components/buy';
import { useLocale } from '../../../i18n';
import { reportFormError } from '../../../lib/problems';
import { toIso, toLocal } from '../tender-form';

export function AmendModal({ tender, onClose }: { tender: Tender; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [material, setMaterial] = useState(false);
  const [deadline, setDeadline] = useState(toLocal(tender.timeline.deadline));
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async () =>
      call(
        api.POST('/api/v1/tenders/{id}/amendments', {
          params: { path: { id: tender.id } },
          body: {
            reason,
            material: material || files.length > 0,
            ...(toLocal(tender.timeline.deadline) !== deadline ? { deadline: toIso(deadline) } : {}),
            documents: await Promise.all(files.map(async (f) => ({ name: f.name, mediaType: f.type || 'application/octet-stream', data: await fileToBase64(f) }))),
          },
          headers: { 'idempotency-key': newIdempotencyKey() },
        }),
      ),
    onSuccess: (d) => {
      qc.setQueryData(['tender', tender.id], d);
      invalidateTender(qc, tender.id);
      onClose();
    },
    onError: (e) => reportFormError(t, locale, e, (p, m) => setErrors((x) => ({ ...x, [p]: m }))),
  });
  return (
    <Modal opened onClose={onClose} title={t('buy.amend.title')} size="lg">
      <Stack>
        <Textarea label={t('buy.amend.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} required autosize minRows={2} />
        <Checkbox label={t('buy.amend.material')} description={t('buy.amend.materialHint')} checked={material || files.length > 0} onChange={(e) => setMaterial(e.currentTarget.checked)} error={errors.material} />
        <FileInput label={t('buy.amend.documents')} multiple value={files} onChange={setFiles} clearable />
        <TextInput type="datetime-local" label={t('buy.tenders.deadline')} value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} error={errors.deadline} description={t('buy.amend.deadlineHint')} />
        <Alert color="blue" variant="light">
          <Text size="sm">{t('buy.amend.notice')}</Text>
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('buy.amend.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function CancelModal({ tender, onClose }: { tender: Tender; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: () => call(api.POST('/api/v1/tenders/{id}/cancel', { params: { path: { id: tender.id } }, body: { reason }, headers: { 'idempotency-key': newIdempotencyKey() } })),
    onSuccess: (d) => {
      qc.setQueryData(['tender', tender.id], d);
      invalidateTender(qc, tender.id);
      onClose();
    },
    onError: (e) => reportFormError(t, locale, e, (_p, m) => setError(m)),
  });
  return (
    <Modal opened onClose={onClose} title={t('buy.cancel.title', { number: tender.number })}>
      <Stack>
        <Text size="sm">{t('buy.cancel.explain')}</Text>
        <Textarea label={t('buy.cancel.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} required autosize minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => save.mutate()} loading={save.isPending}>
            {t('buy.cancel.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

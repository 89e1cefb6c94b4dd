// Publishing the candidates (中标候选人公示), once every member has signed the
// report: the publication period in days — at least the legal minimum under the
// legal regimes — after which, with every objection answered, lots are awarded.
import { useState } from 'react';
import { Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyAwardState, awardActions, type AwardState } from '../../../api/award';
import { Card } from '../../../components/tender-view';
import { useLocale } from '../../../i18n';
import { reportFormError, notifySuccess } from '../../../lib/problems';
import { useFormat } from '../../../lib/useFormat';
import { ConfirmButton } from '../../evaluation/shared';

const DAY = 86_400_000;

export function PublishCard({ a }: { a: AwardState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useFormat();
  const qc = useQueryClient();
  const [days, setDays] = useState<number | string>(Math.max(3, a.minPublicationDays));
  const [error, setError] = useState<string>();
  const n = typeof days === 'number' ? days : Number.NaN;
  const valid = Number.isInteger(n) && n >= a.minPublicationDays && n <= 30;
  const publish = useMutation({
    mutationFn: () => awardActions.publish(a.tenderId, { days: n }),
    onSuccess: (d) => {
      applyAwardState(qc, a.tenderId, d);
      notifySuccess(t('evaluation.award.publish.done'));
    },
    onError: (e) => reportFormError(t, locale, e, (p, m) => p === 'days' && setError(m)),
  });
  return (
    <Card title={t('evaluation.award.publish.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('evaluation.award.publish.hint')}
        </Text>
        <Group align="flex-end" justify="space-between" gap="sm">
          <NumberInput
            label={t('evaluation.award.publish.days')}
            description={a.minPublicationDays ? t('evaluation.award.publish.minimum', { count: a.minPublicationDays }) : t('evaluation.award.publish.noMinimum')}
            value={days}
            onChange={(v) => {
              setDays(v);
              setError(undefined);
            }}
            min={a.minPublicationDays}
            max={30}
            allowDecimal={false}
            error={error}
            w={260}
            data-testid="publish-days"
          />
          <Stack gap={4} align="flex-end">
            {valid ? (
              <Text size="xs" c="dimmed">
                {t('evaluation.award.publish.until', { until: f.dateTime(new Date(new Date(a.serverTime).getTime() + n * DAY)) })}
              </Text>
            ) : null}
            <ConfirmButton
              label={t('evaluation.award.publish.submit')}
              title={t('evaluation.award.publish.title')}
              message={t('evaluation.award.publish.confirm', { count: valid ? n : 0 })}
              onConfirm={() => publish.mutate()}
              loading={publish.isPending}
              disabled={!valid}
              leftSection={<IconSpeakerphone size={16} />}
              testId="publish-candidates"
            />
          </Stack>
        </Group>
      </Stack>
    </Card>
  );
}

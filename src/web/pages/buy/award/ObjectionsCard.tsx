// The bidders' objections to the published candidates (异议): the grounds, when
// each was filed, and the buyer's answer (答复). An unanswered objection holds
// every award back; a manager answers it here, once.
import { useState } from 'react';
import { Alert, Badge, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconMessageReply } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyAwardState, awardActions, type AwardObjection, type AwardState } from '../../../api/award';
import { EmptyText } from '../../../components/states';
import { Card } from '../../../components/tender-view';
import { useLocale } from '../../../i18n';
import { notifySuccess, reportFormError } from '../../../lib/problems';
import { useFormat } from '../../../lib/useFormat';
import { ConfirmButton } from '../../evaluation/shared';

function AnswerForm({ a, o }: { a: AwardState; o: AwardObjection }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string>();
  const send = useMutation({
    mutationFn: () => awardActions.answer(a.tenderId, o.id, answer.trim()),
    onSuccess: (d) => {
      applyAwardState(qc, a.tenderId, d);
      notifySuccess(t('evaluation.award.objections.answerDone'));
    },
    onError: (e) => reportFormError(t, locale, e, (p, m) => p === 'answer' && setError(m)),
  });
  return (
    <Stack gap="xs">
      <Textarea
        label={t('evaluation.award.objections.answer')}
        description={t('evaluation.award.objections.answerHint')}
        value={answer}
        onChange={(e) => {
          setAnswer(e.currentTarget.value);
          setError(undefined);
        }}
        error={error}
        autosize
        minRows={2}
        data-testid="objection-answer"
      />
      <Group justify="flex-end">
        <ConfirmButton
          label={t('evaluation.award.objections.answerSubmit')}
          title={t('evaluation.award.objections.answerSubmit')}
          message={t('evaluation.award.objections.answerConfirm', { objector: o.objector })}
          onConfirm={() => send.mutate()}
          loading={send.isPending}
          disabled={!answer.trim()}
          leftSection={<IconMessageReply size={16} />}
          testId="objection-answer-submit"
        />
      </Group>
    </Stack>
  );
}

export function ObjectionsCard({ a, manage }: { a: AwardState; manage: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const open = a.objections.filter((o) => !o.answeredAt).length;
  return (
    <Card title={t('evaluation.award.objections.title')} right={open ? <Badge color="red">{open}</Badge> : null}>
      {a.objections.length === 0 ? (
        <EmptyText>{t('evaluation.award.objections.none')}</EmptyText>
      ) : (
        <Stack gap="sm" data-testid="objections">
          {open ? (
            <Alert color="red" variant="light">
              {t('evaluation.award.objections.open', { count: open })}
            </Alert>
          ) : null}
          {a.objections.map((o) => (
            <Paper key={o.id} withBorder p="sm" radius="md">
              <Group justify="space-between" mb={4}>
                <Text size="xs" c="dimmed">
                  {t('evaluation.award.objections.filedBy', { objector: o.objector, when: f.dateTime(o.filedAt) })}
                </Text>
                {o.answeredAt ? null : (
                  <Badge size="xs" color="red" variant="light" style={{ textTransform: 'none' }}>
                    {t('evaluation.award.objections.awaiting')}
                  </Badge>
                )}
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} mb="xs">
                {o.grounds}
              </Text>
              {o.answeredAt ? (
                <Paper p="xs" radius="sm" bg="gray.0">
                  <Text size="xs" c="dimmed">
                    {t('evaluation.award.objections.answeredAt', { when: f.dateTime(o.answeredAt) })}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {o.answer}
                  </Text>
                </Paper>
              ) : manage ? (
                <AnswerForm a={a} o={o} />
              ) : null}
            </Paper>
          ))}
        </Stack>
      )}
    </Card>
  );
}

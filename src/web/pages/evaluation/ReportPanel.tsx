// The evaluation report (评标报告): what was computed and stored when scoring
// (or screening) closed, identified by its SHA-256; every member signs it, or
// signs with a dissent (保留意见); the last signature makes it final. The
// printable export opens in a new tab, in Chinese or in English.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconPrinter, IconSignature } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyEvaluationState, evaluationActions, reportHtmlUrl, useEvaluationReport, type EvaluationReport, type EvaluationState } from '../../api/evaluation';
import { Amount, Hash } from '../../components/buy';
import { Loaded } from '../../components/states';
import { Card } from '../../components/tender-view';
import { notifyError, notifySuccess } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';
import { ConfirmButton, Figure } from './shared';

function SignActions({ s, sha256 }: { s: EvaluationState; sha256: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [dissenting, setDissenting] = useState(false);
  const [dissent, setDissent] = useState('');
  const sign = useMutation({
    mutationFn: (withDissent: boolean) => evaluationActions.sign(s.tenderId, withDissent ? { dissent: dissent.trim() } : {}),
    onSuccess: (d) => {
      setDissenting(false);
      applyEvaluationState(qc, s.tenderId, d);
      notifySuccess(t('evaluation.report.signedDone'));
    },
    onError: (e) => notifyError(t, e),
  });
  return (
    <Group gap="xs">
      <ConfirmButton
        label={t('evaluation.report.sign')}
        title={t('evaluation.report.sign')}
        message={
          <Stack gap="xs">
            <Text size="sm">{t('evaluation.report.signConfirm')}</Text>
            <Hash value={sha256} short={64} />
          </Stack>
        }
        onConfirm={() => sign.mutate(false)}
        loading={sign.isPending && sign.variables === false}
        leftSection={<IconSignature size={16} />}
        testId="report-sign"
      />
      <Button variant="light" color="orange" onClick={() => setDissenting(true)} data-testid="report-dissent">
        {t('evaluation.report.signDissent')}
      </Button>
      <Modal opened={dissenting} onClose={() => setDissenting(false)} title={t('evaluation.report.signDissent')} size="lg">
        <Stack>
          <Text size="sm">{t('evaluation.report.dissentHint')}</Text>
          <Textarea label={t('evaluation.report.dissent')} value={dissent} onChange={(e) => setDissent(e.currentTarget.value)} autosize minRows={4} maxLength={8000} required data-testid="report-dissent-text" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDissenting(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" onClick={() => sign.mutate(true)} loading={sign.isPending && sign.variables === true} disabled={!dissent.trim()} data-testid="report-dissent-submit">
              {t('evaluation.report.signWithDissent')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}

function Summary({ r, currency }: { r: EvaluationReport['report']; currency: string }) {
  const { t } = useTranslation();
  const failed = r.bids.filter((b) => !b.compliance.passed);
  return (
    <Card title={t('evaluation.report.summary')}>
      <Stack gap="md">
        {failed.length ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('evaluation.report.failedBids')}
            </Text>
            {failed.map((b) => (
              <Text key={b.bidId} size="sm">
                {b.bidder}: {b.compliance.failed.map((f) => t('evaluation.report.failedReason', { key: f.key, text: f.text, reason: f.reason })).join(t('evaluation.listSeparator'))}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm">{t('evaluation.report.allCompliant')}</Text>
        )}
        {r.lots.map((l) => (
          <div key={l.lotKey}>
            <Text size="sm" fw={600} mb={4}>
              {t('evaluation.results.lot', { key: l.lotKey, name: l.name })}
              {l.basePrice ? (
                <Text span size="xs" c="dimmed" ml="xs">
                  {t('evaluation.report.basePrice')} <Amount value={l.basePrice} currency={currency} size="xs" />
                </Text>
              ) : null}
            </Text>
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {l.ranking.map((b) => (
                  <Table.Tr key={b.bidId}>
                    <Table.Td w={90}>{b.rank ? t('evaluation.results.rankN', { rank: b.rank }) : '—'}</Table.Td>
                    <Table.Td>{b.bidder}</Table.Td>
                    {r.method === 'comprehensive' ? (
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {b.total ?? '—'}
                      </Table.Td>
                    ) : null}
                    <Table.Td ta="right">
                      <Amount value={b.price} currency={currency} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

function ReportView({ s, r }: { s: EvaluationState; r: EvaluationReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const maySign = !!s.me && !s.me.signed && s.phase === 'report';
  return (
    <Stack gap="md">
      <Card
        title={t('evaluation.report.title')}
        right={
          <Badge color={r.final ? 'teal' : 'orange'} variant="light" style={{ textTransform: 'none' }} data-testid="report-status">
            {r.final ? t('evaluation.report.final') : t('evaluation.report.awaiting')}
          </Badge>
        }
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Figure label={t('evaluation.report.sha256')}>
              <Hash value={r.sha256} label={t('evaluation.report.sha256')} />
            </Figure>
            <Figure label={t('evaluation.report.generatedAt')}>{f.dateTime(r.report.generatedAt)}</Figure>
            <Figure label={t('evaluation.report.criteriaHash')}>
              <Hash value={r.report.criteriaHash} label={t('evaluation.report.criteriaHash')} />
            </Figure>
          </SimpleGrid>
          <Group gap="xs">
            <Text size="sm">{t('evaluation.report.export')}</Text>
            <Button component="a" href={reportHtmlUrl(s.tenderId, 'zh-CN')} target="_blank" rel="noopener" size="xs" variant="default" leftSection={<IconPrinter size={14} />} data-testid="report-html-zh">
              {t('evaluation.report.exportZh')}
            </Button>
            <Button component="a" href={reportHtmlUrl(s.tenderId, 'en')} target="_blank" rel="noopener" size="xs" variant="default" leftSection={<IconPrinter size={14} />} data-testid="report-html-en">
              {t('evaluation.report.exportEn')}
            </Button>
          </Group>
          {maySign ? (
            <Alert color="orange" variant="light">
              <Stack gap="xs">
                <Text size="sm">{t('evaluation.report.signHint')}</Text>
                <SignActions s={s} sha256={r.sha256} />
              </Stack>
            </Alert>
          ) : s.me?.signed ? (
            <Text size="sm" c="teal">
              {s.me.dissent ? t('evaluation.report.youDissented') : t('evaluation.report.youSigned')}
            </Text>
          ) : null}
        </Stack>
      </Card>
      <Card title={t('evaluation.report.signatures')}>
        <Table verticalSpacing="xs" data-testid="report-signatures">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluation.member.name')}</Table.Th>
              <Table.Th>{t('evaluation.report.signedAt')}</Table.Th>
              <Table.Th>{t('evaluation.report.dissent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.signatures.map((x) => (
              <Table.Tr key={x.userId}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {x.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {x.signedAt ? (
                    <Text size="sm">{f.dateTime(x.signedAt)}</Text>
                  ) : (
                    <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
                      {t('evaluation.report.notSigned')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={x.dissent ? 'orange' : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                    {x.dissent ?? (x.signedAt ? t('evaluation.report.noDissent') : '—')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Summary r={r.report} currency={s.currency} />
    </Stack>
  );
}

export function ReportPanel({ s }: { s: EvaluationState }) {
  const report = useEvaluationReport(s.tenderId, true);
  return <Loaded query={report}>{(r) => <ReportView s={s} r={r} />}</Loaded>;
}

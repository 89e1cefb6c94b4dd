// The committee: who sits on it (the buyer's representatives and the experts
// drawn, the chair), each member's progress, what keeps its composition from
// the regime's rules; for the buyer's managers, forming it (CommitteeManage),
// recording the chair the committee chose (staff or expert) and replacing a
// member with the reason recorded.
import { useState } from 'react';
import { Alert, Button, Grid, Group, List, Modal, Progress, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCrown, IconReplace } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyEvaluationState, evaluationActions, type EvaluationMember, type EvaluationState } from '../../api/evaluation';
import { useMembers } from '../../api/queries';
import { Card } from '../../components/tender-view';
import { EmptyText } from '../../components/states';
import { useLocale } from '../../i18n';
import { notifyError, notifySuccess, reportFormError } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';
import { CommitteeManage, DrawLog } from './CommitteeManage';
import { Figure, MemberStatusBadge, RoleBadges, Tick } from './shared';

const REPLACEABLE: EvaluationState['phase'][] = ['committee', 'screening', 'scoring'];

function ProgressCard({ s }: { s: EvaluationState }) {
  const { t } = useTranslation();
  const { active, declared, screeningMissing, sheetsSubmitted, signed } = s.progress;
  const share = (n: number) => (active ? (n / active) * 100 : 0);
  return (
    <Card title={t('evaluation.committee.progress')}>
      <Stack gap="sm">
        <Figure label={t('evaluation.committee.declared')}>
          {declared} / {active}
          <Progress value={share(declared)} size="sm" color="teal" mt={4} />
        </Figure>
        {s.phase !== 'committee' ? <Figure label={t('evaluation.committee.screeningMissing')}>{screeningMissing}</Figure> : null}
        {s.method === 'comprehensive' ? (
          <Figure label={t('evaluation.committee.sheetsSubmitted')}>
            {sheetsSubmitted} / {active}
            <Progress value={share(sheetsSubmitted)} size="sm" color="indigo" mt={4} />
          </Figure>
        ) : null}
        <Figure label={t('evaluation.committee.signed')}>
          {signed} / {active}
          <Progress value={share(signed)} size="sm" color="orange" mt={4} />
        </Figure>
      </Stack>
    </Card>
  );
}

/** Records the chair the committee chose: this member, in place of any other. */
function ChairButton({ s, m }: { s: EvaluationState; m: EvaluationMember }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const chair = useMutation({
    mutationFn: () => evaluationActions.setChair(s.tenderId, m.id),
    onSuccess: (d) => {
      applyEvaluationState(qc, s.tenderId, d);
      notifySuccess(t('evaluation.chair.done', { name: m.name }));
    },
    onError: (e) => notifyError(t, e),
  });
  return (
    <Button size="compact-xs" variant="subtle" color="grape" leftSection={<IconCrown size={13} />} onClick={() => chair.mutate()} loading={chair.isPending} title={t('evaluation.chair.hint')} data-testid="make-chair">
      {t('evaluation.chair.make')}
    </Button>
  );
}

function MembersTable({ s, onReplace }: { s: EvaluationState; onReplace: (m: EvaluationMember) => void }) {
  const { t } = useTranslation();
  const mayReplace = s.canManage && REPLACEABLE.includes(s.phase);
  const mayChair = s.canManage && s.phase === 'committee';
  if (!s.members.length) return <EmptyText>{t('evaluation.committee.noMembers')}</EmptyText>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" data-testid="committee-members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('evaluation.member.name')}</Table.Th>
            <Table.Th>{t('evaluation.member.role')}</Table.Th>
            <Table.Th>{t('evaluation.member.statusLabel')}</Table.Th>
            <Table.Th ta="center">{t('evaluation.member.declared')}</Table.Th>
            {s.method === 'comprehensive' ? <Table.Th ta="center">{t('evaluation.member.sheets')}</Table.Th> : null}
            <Table.Th ta="center">{t('evaluation.member.signed')}</Table.Th>
            {mayReplace || mayChair ? <Table.Th /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.members.map((m) => (
            <Table.Tr key={m.id} style={m.status === 'active' ? undefined : { opacity: 0.6 }}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {m.name}
                  {m.id === s.me?.memberId ? ` ${t('evaluation.member.you')}` : ''}
                </Text>
                {m.email ? (
                  <Text size="xs" c="dimmed">
                    {m.email}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <RoleBadges kind={m.kind} chair={m.chair} field={m.field} />
              </Table.Td>
              <Table.Td>
                <MemberStatusBadge m={m} />
              </Table.Td>
              <Table.Td ta="center">
                <Tick ok={m.declared} label={t(m.declared ? 'common.yes' : 'common.no')} />
              </Table.Td>
              {s.method === 'comprehensive' ? (
                <Table.Td ta="center">
                  <Tick ok={m.sheetsSubmitted} label={t(m.sheetsSubmitted ? 'common.yes' : 'common.no')} />
                </Table.Td>
              ) : null}
              <Table.Td ta="center">
                <Group gap={4} justify="center" wrap="nowrap">
                  <Tick ok={m.signed} label={t(m.signed ? 'common.yes' : 'common.no')} />
                  {m.dissent ? (
                    <Text size="xs" c="orange" title={m.dissent}>
                      {t('evaluation.member.dissent')}
                    </Text>
                  ) : null}
                </Group>
              </Table.Td>
              {mayReplace || mayChair ? (
                <Table.Td ta="right">
                  {m.status === 'active' ? (
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {mayChair && !m.chair ? <ChairButton s={s} m={m} /> : null}
                      {mayReplace ? (
                        <Button size="compact-xs" variant="subtle" color="orange" leftSection={<IconReplace size={13} />} onClick={() => onReplace(m)} data-testid="replace-member">
                          {t('evaluation.replace.button')}
                        </Button>
                      ) : null}
                    </Group>
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Replacing a member: the reason is recorded; an expert is replaced by a new draw in their field, staff by the person named. */
function ReplaceModal({ s, member, onClose }: { s: EvaluationState; member: EvaluationMember; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const staff = useMembers();
  const [reason, setReason] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const [field, setField] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onCommittee = new Set(s.members.map((m) => m.userId));
  const options = (staff.data?.items ?? []).filter((p) => !onCommittee.has(p.userId)).map((p) => ({ value: p.userId, label: p.name }));
  const expert = member.kind === 'expert';
  const replace = useMutation({
    mutationFn: () => evaluationActions.replace(s.tenderId, member.id, { reason, ...(expert ? (member.field ? {} : { field }) : { userId: userId ?? undefined }) }),
    onSuccess: (d) => {
      applyEvaluationState(qc, s.tenderId, d);
      notifySuccess(t('evaluation.replace.done', { name: member.name }));
      onClose();
    },
    onError: (e) => reportFormError(t, locale, e, (p, m) => setErrors((x) => ({ ...x, [p]: m }))),
  });
  const ready = reason.trim() && (expert ? member.field || field.trim() : userId);
  return (
    <Modal opened onClose={onClose} title={t('evaluation.replace.title', { name: member.name })} size="lg">
      <Stack>
        <Textarea label={t('evaluation.replace.reason')} description={t('evaluation.replace.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} required autosize minRows={2} data-testid="replace-reason" />
        {expert ? (
          member.field ? (
            <Alert color="blue" variant="light">
              {t('evaluation.replace.expertRedraw', { field: member.field })}
            </Alert>
          ) : (
            <TextInput label={t('evaluation.draw.field')} value={field} onChange={(e) => setField(e.currentTarget.value)} error={errors.field} required />
          )
        ) : (
          <Select label={t('evaluation.replace.successor')} data={options} value={userId} onChange={setUserId} searchable error={errors.userId} required nothingFoundMessage={t('common.none')} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" onClick={() => replace.mutate()} loading={replace.isPending} disabled={!ready} data-testid="replace-submit">
            {t('evaluation.replace.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function CommitteePanel({ s }: { s: EvaluationState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useFormat();
  const [replacing, setReplacing] = useState<EvaluationMember | null>(null);
  const active = s.members.filter((m) => m.status === 'active');
  const experts = active.filter((m) => m.kind === 'expert').length;
  return (
    <Stack gap="md">
      {s.composition.length ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('evaluation.committee.compositionTitle')} data-testid="composition-issues">
          <List size="sm">
            {s.composition.map((c, i) => (
              <List.Item key={i}>{c[locale]}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card title={t('evaluation.committee.members')} right={<Text size="xs" c="dimmed">{t('evaluation.committee.counts', { active: active.length, experts })}</Text>}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="sm">
              <Figure label={t('evaluation.committee.minMembers')}>{s.minMembers || t('evaluation.committee.regimeMinimum')}</Figure>
              <Figure label={t('evaluation.committee.expertsToDraw')}>{s.expertsToDraw}</Figure>
              <Figure label={t('evaluation.committee.convenedAt')}>{s.convenedAt ? f.dateTime(s.convenedAt) : t('evaluation.committee.notConvened')}</Figure>
            </SimpleGrid>
            <MembersTable s={s} onReplace={setReplacing} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <ProgressCard s={s} />
        </Grid.Col>
      </Grid>
      {s.canManage && s.phase === 'committee' ? <CommitteeManage s={s} /> : null}
      <DrawLog s={s} />
      {replacing ? <ReplaceModal s={s} member={replacing} onClose={() => setReplacing(null)} /> : null}
    </Stack>
  );
}

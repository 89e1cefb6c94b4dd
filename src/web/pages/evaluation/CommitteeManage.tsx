// Forming the committee (the buyer's managers, while it is formed): appoint the
// buyer's representatives (and a chair among them; any member, an expert too,
// is made chair from the members' table), draw experts from the pool by field
// and count (as many as the server says are still to draw), convene once the
// composition holds. The draw log shows every draw with its seed, and replays
// it here, in the browser, to check it.
import { useState } from 'react';
import { Autocomplete, Badge, Button, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconDice, IconUsersGroup } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { replayDraw } from '../../../domain/buy/committee';
import { applyEvaluationState, evaluationActions, useExpertPool, type EvaluationDraw, type EvaluationState } from '../../api/evaluation';
import { useMembers } from '../../api/queries';
import { Hash } from '../../components/buy';
import { EmptyText } from '../../components/states';
import { Card } from '../../components/tender-view';
import { useLocale } from '../../i18n';
import { applyFieldErrors, notifyError, notifySuccess } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';
import { ConfirmButton } from './shared';

function AppointCard({ s }: { s: EvaluationState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const people = useMembers();
  const current = s.members.filter((m) => m.kind === 'buyer' && m.status === 'active' && m.source === 'appointed');
  // An expert the committee chose as chair stays chair: the representatives are then saved without one.
  const expertChair = s.members.find((m) => m.kind === 'expert' && m.status === 'active' && m.chair);
  const [staff, setStaff] = useState<string[]>(current.map((m) => m.userId));
  const [chair, setChair] = useState<string | null>(current.find((m) => m.chair)?.userId ?? null);
  const [minMembers, setMinMembers] = useState<number | string>(s.minMembers || '');
  const [error, setError] = useState<string | null>(null);
  // Experts and former members cannot be appointed as staff.
  const taken = new Set(s.members.filter((m) => m.kind === 'expert' || m.status !== 'active').map((m) => m.userId));
  const options = (people.data?.items ?? []).filter((p) => !taken.has(p.userId)).map((p) => ({ value: p.userId, label: p.name }));
  const nameOf = (userId: string) => people.data?.items.find((p) => p.userId === userId)?.name ?? userId;
  const save = useMutation({
    mutationFn: () => evaluationActions.setCommittee(s.tenderId, { staff: staff.map((userId) => ({ userId, chair: !expertChair && userId === chair })), ...(typeof minMembers === 'number' ? { minMembers } : {}) }),
    onSuccess: (d) => {
      setError(null);
      applyEvaluationState(qc, s.tenderId, d);
      notifySuccess(t('evaluation.appoint.saved'));
    },
    onError: (e) => {
      const messages: string[] = [];
      const { handled } = applyFieldErrors(e, (field, message) => {
        const i = /^staff\.(\d+)/.exec(field)?.[1];
        messages.push(i !== undefined && staff[Number(i)] ? `${nameOf(staff[Number(i)]!)}: ${message}` : message);
      }, locale);
      if (handled) setError(messages.join(' · '));
      else notifyError(t, e);
    },
  });
  return (
    <Card title={t('evaluation.appoint.title')}>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('evaluation.appoint.hint')}
        </Text>
        <MultiSelect
          label={t('evaluation.appoint.staff')}
          data={options}
          value={staff}
          onChange={(v) => {
            setStaff(v);
            if (chair && !v.includes(chair)) setChair(null);
          }}
          searchable
          error={error}
          nothingFoundMessage={t('common.none')}
          data-testid="appoint-staff"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('evaluation.appoint.chair')}
            description={expertChair ? t('evaluation.appoint.chairExpert', { name: expertChair.name }) : t('evaluation.appoint.chairHint')}
            data={staff.map((u) => ({ value: u, label: nameOf(u) }))}
            value={expertChair ? null : chair}
            onChange={setChair}
            disabled={!!expertChair}
            clearable
            data-testid="appoint-chair"
          />
          <NumberInput label={t('evaluation.appoint.minMembers')} description={t('evaluation.appoint.minMembersHint')} value={minMembers} onChange={setMinMembers} min={0} max={25} allowDecimal={false} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="appoint-save">
            {t('evaluation.appoint.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function DrawCard({ s }: { s: EvaluationState }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const pool = useExpertPool(true);
  const suggested = s.expertsToDraw;
  const [field, setField] = useState('');
  const [count, setCount] = useState<number | string>(Math.max(1, suggested));
  const experts = (pool.data?.items ?? []).filter((x) => x.active);
  const fields = [...new Set(experts.flatMap((x) => x.fields))].sort((a, b) => a.localeCompare(b));
  const onCommittee = new Set(s.members.map((m) => m.userId));
  const eligible = field ? experts.filter((x) => x.fields.includes(field) && !onCommittee.has(x.userId)).length : null;
  const draw = useMutation({
    mutationFn: () => evaluationActions.draw(s.tenderId, { field: field.trim(), count: Number(count) }),
    onSuccess: (d) => {
      applyEvaluationState(qc, s.tenderId, d);
      notifySuccess(t('evaluation.draw.done'));
    },
    onError: (e) => notifyError(t, e),
  });
  return (
    <Card title={t('evaluation.draw.title')}>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('evaluation.draw.hint')}
        </Text>
        {suggested > 0 ? (
          <Badge variant="light" color="blue" style={{ textTransform: 'none' }}>
            {t('evaluation.draw.suggested', { count: suggested })}
          </Badge>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Autocomplete label={t('evaluation.draw.field')} data={fields} value={field} onChange={setField} description={eligible === null ? t('evaluation.draw.fieldHint') : t('evaluation.draw.eligible', { count: eligible })} data-testid="draw-field" />
          <NumberInput label={t('evaluation.draw.count')} value={count} onChange={setCount} min={1} max={20} allowDecimal={false} data-testid="draw-count" />
        </SimpleGrid>
        <Group justify="flex-end">
          <ConfirmButton
            label={t('evaluation.draw.submit')}
            title={t('evaluation.draw.confirmTitle')}
            message={t('evaluation.draw.confirm', { count: Number(count) || 0, field: field.trim() })}
            onConfirm={() => draw.mutate()}
            loading={draw.isPending}
            disabled={!field.trim() || !(Number(count) >= 1)}
            leftSection={<IconDice size={16} />}
            testId="draw-submit"
          />
        </Group>
      </Stack>
    </Card>
  );
}

export function CommitteeManage({ s }: { s: EvaluationState }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const chairs = s.members.filter((m) => m.status === 'active' && m.chair).length;
  const appointed = s.members
    .filter((m) => m.kind === 'buyer' && m.status === 'active')
    .map((m) => `${m.userId}:${m.chair}`)
    .join(',');
  const convene = useMutation({
    mutationFn: () => evaluationActions.convene(s.tenderId),
    onSuccess: (d) => {
      applyEvaluationState(qc, s.tenderId, d);
      notifySuccess(t('evaluation.convene.done'));
    },
    onError: (e) => notifyError(t, e),
  });
  const blocked = s.composition.length > 0 ? t('evaluation.convene.blockedComposition') : chairs !== 1 ? t('evaluation.convene.blockedChair') : null;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {/* A new form whenever the appointed staff change on the server (a save, a replacement). */}
        <AppointCard key={appointed} s={s} />
        {/* The count starts at what is still to draw, again after each draw. */}
        <DrawCard key={s.expertsToDraw} s={s} />
      </SimpleGrid>
      <Card title={t('evaluation.convene.title')}>
        <Group justify="space-between" align="center">
          <Text size="sm" c={blocked ? 'orange' : undefined} style={{ flex: 1 }}>
            {blocked ?? t('evaluation.convene.hint')}
          </Text>
          <ConfirmButton
            label={t('evaluation.convene.submit')}
            title={t('evaluation.convene.title')}
            message={t('evaluation.convene.confirm')}
            onConfirm={() => convene.mutate()}
            loading={convene.isPending}
            disabled={!!blocked}
            leftSection={<IconUsersGroup size={16} />}
            testId="convene"
          />
        </Group>
      </Card>
    </Stack>
  );
}

/** Replays a logged draw from its seed and candidates (and the pool as it was): it must give who was drawn. */
function ReplayButton({ d }: { d: EvaluationDraw }) {
  const { t } = useTranslation();
  const [ok, setOk] = useState<boolean | null>(null);
  if (ok !== null) {
    return (
      <Badge color={ok ? 'teal' : 'red'} variant="light" style={{ textTransform: 'none' }} data-testid="replay-result">
        {ok ? t('evaluation.draws.replayOk') : t('evaluation.draws.replayFailed')}
      </Badge>
    );
  }
  return (
    <Button size="compact-xs" variant="light" onClick={() => setOk(replayDraw(d, d.pool))} data-testid="replay-draw">
      {t('evaluation.draws.replay')}
    </Button>
  );
}

export function DrawLog({ s }: { s: EvaluationState }) {
  const { t } = useTranslation();
  const f = useFormat();
  const name = (userId: string) => s.members.find((m) => m.userId === userId)?.name ?? userId.slice(0, 8);
  const memberName = (memberId: string) => s.members.find((m) => m.id === memberId)?.name ?? memberId.slice(0, 8);
  return (
    <Card title={t('evaluation.draws.title')} right={<Text size="xs" c="dimmed">{t('evaluation.draws.hint')}</Text>}>
      {s.draws.length === 0 ? (
        <EmptyText>{t('evaluation.draws.none')}</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="xs" data-testid="draw-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evaluation.draws.at')}</Table.Th>
                <Table.Th>{t('evaluation.draw.field')}</Table.Th>
                <Table.Th>{t('evaluation.draws.drawn')}</Table.Th>
                <Table.Th>{t('evaluation.draws.candidates')}</Table.Th>
                <Table.Th>{t('evaluation.draws.seed')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.draws.map((d) => (
                <Table.Tr key={`${d.at}-${d.seed}`}>
                  <Table.Td>
                    <Text size="xs">{f.dateTime(d.at)}</Text>
                    {d.replaces ? (
                      <Text size="xs" c="orange">
                        {t('evaluation.draws.replaces', { name: memberName(d.replaces) })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.field}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.drawn.map(name).join(t('evaluation.listSeparator'))}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {t('evaluation.draws.candidatesCount', { count: d.candidates.length, excluded: d.exclude.length })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Hash value={d.seed} label={t('evaluation.draws.seed')} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <ReplayButton d={d} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

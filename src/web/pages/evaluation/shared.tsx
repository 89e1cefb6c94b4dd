// What the evaluation screens share: the phase (its label from the domain, its
// badge, the steps a tender goes through), the signed-in member's next to-do,
// and small badges for the committee's members.
import { useState, type ReactNode } from 'react';
import { Badge, Button, Group, Modal, Paper, Stack, Stepper, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EVALUATION_PHASE_LABELS, EVALUATION_PHASES } from '../../../domain/buy/evaluation';
import type { EvaluationMember, EvaluationPhase, EvaluationState } from '../../api/evaluation';
import { useLocale } from '../../i18n';

const PHASE_COLORS: Record<EvaluationPhase, string> = {
  committee: 'gray',
  screening: 'blue',
  scoring: 'indigo',
  prices: 'violet',
  report: 'orange',
  final: 'teal',
  publicized: 'cyan',
  awarded: 'green',
};

export const phaseIndex = (p: EvaluationPhase) => EVALUATION_PHASES.indexOf(p);
/** The phase is `p` or later. */
export const reached = (phase: EvaluationPhase, p: EvaluationPhase) => phaseIndex(phase) >= phaseIndex(p);

export function usePhaseLabel() {
  const locale = useLocale();
  return (p: EvaluationPhase) => EVALUATION_PHASE_LABELS[p][locale];
}

export function PhaseBadge({ phase }: { phase: EvaluationPhase }) {
  const label = usePhaseLabel();
  return (
    <Badge variant="light" color={PHASE_COLORS[phase]} style={{ textTransform: 'none' }} data-testid="evaluation-phase">
      {label(phase)}
    </Badge>
  );
}

/** The phases this tender goes through: scoring only under comprehensive scoring, the price envelopes only with two. */
export function phaseSteps(s: Pick<EvaluationState, 'method' | 'envelopes'>): EvaluationPhase[] {
  return EVALUATION_PHASES.filter((p) => (p !== 'scoring' || s.method === 'comprehensive') && (p !== 'prices' || s.envelopes === 'two'));
}

export function PhaseStepper({ s }: { s: EvaluationState }) {
  const label = usePhaseLabel();
  const steps = phaseSteps(s);
  const at = steps.indexOf(s.phase);
  // The last step reached is done, not in progress.
  const active = s.phase === 'awarded' ? steps.length : at;
  return (
    <Paper withBorder p="md" radius="md">
      <Stepper active={active} size="xs" iconSize={24} allowNextStepsSelect={false}>
        {steps.map((p) => (
          <Stepper.Step key={p} label={label(p)} />
        ))}
      </Stepper>
    </Paper>
  );
}

export type ToDo = 'declare' | 'screen' | 'score' | 'sign';

/** What a member does next, from their seat and the phase (null: nothing, or waiting for others). */
export function toDo(m: { declared: boolean; sheetsSubmitted: boolean; signed: boolean }, phase: EvaluationPhase): ToDo | null {
  if (!m.declared && !reached(phase, 'report')) return 'declare';
  if (phase === 'screening') return 'screen';
  if (phase === 'scoring' && !m.sheetsSubmitted) return 'score';
  if (phase === 'report' && !m.signed) return 'sign';
  return null;
}

const TODO_COLORS: Record<ToDo, string> = { declare: 'red', screen: 'blue', score: 'indigo', sign: 'orange' };

export function ToDoBadge({ todo }: { todo: ToDo | null }) {
  const { t } = useTranslation();
  if (!todo) {
    return (
      <Text size="xs" c="dimmed">
        {t('evaluation.todo.none')}
      </Text>
    );
  }
  return (
    <Badge color={TODO_COLORS[todo]} variant="filled" style={{ textTransform: 'none' }} data-testid="evaluation-todo">
      {t(`evaluation.todo.${todo}`)}
    </Badge>
  );
}

/** The member's role: the chair, the buyer's representative, an expert (with the field drawn in). */
export function RoleBadges({ kind, chair, field }: { kind: 'buyer' | 'expert'; chair: boolean; field?: string | null }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      {chair ? (
        <Badge color="grape" variant="filled" size="sm" style={{ textTransform: 'none' }}>
          {t('evaluation.member.chair')}
        </Badge>
      ) : null}
      <Badge color={kind === 'expert' ? 'blue' : 'gray'} variant="light" size="sm" style={{ textTransform: 'none' }}>
        {t(`evaluation.member.kind.${kind}`)}
      </Badge>
      {field ? (
        <Badge color="blue" variant="outline" size="sm" style={{ textTransform: 'none' }}>
          {field}
        </Badge>
      ) : null}
    </Group>
  );
}

const STATUS_COLORS: Record<EvaluationMember['status'], string> = { active: 'teal', conflicted: 'red', replaced: 'gray' };

export function MemberStatusBadge({ m }: { m: Pick<EvaluationMember, 'status' | 'replacedReason'> }) {
  const { t } = useTranslation();
  const badge = (
    <Badge color={STATUS_COLORS[m.status]} variant="light" size="sm" style={{ textTransform: 'none' }}>
      {t(`evaluation.member.status.${m.status}`)}
    </Badge>
  );
  return m.replacedReason ? (
    <Tooltip label={t('evaluation.member.replacedBecause', { reason: m.replacedReason })} multiline maw={360}>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

/** A yes/no cell: a tick, or a dash. */
export function Tick({ ok, label }: { ok: boolean; label: string }) {
  return (
    <ThemeIcon size={20} radius="xl" variant="light" color={ok ? 'teal' : 'gray'} aria-label={label} title={label}>
      {ok ? <IconCheck size={12} /> : <IconMinus size={12} />}
    </ThemeIcon>
  );
}

/** A labelled figure of the committee's progress. */
export function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} component="div">
        {children}
      </Text>
    </div>
  );
}

/** A button for a step that cannot be undone: it asks first, saying what follows. */
export function ConfirmButton({
  label,
  title,
  message,
  onConfirm,
  loading,
  disabled,
  color,
  variant,
  leftSection,
  testId,
}: {
  label: string;
  title: string;
  message: ReactNode;
  onConfirm: () => void;
  loading?: boolean;
  disabled?: boolean;
  color?: string;
  variant?: string;
  leftSection?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button color={color} variant={variant} leftSection={leftSection} onClick={() => setOpened(true)} disabled={disabled} loading={loading} data-testid={testId}>
        {label}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={title}>
        <Stack>
          <Text size="sm" component="div">
            {message}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color={color}
              onClick={() => {
                setOpened(false);
                onConfirm();
              }}
              data-testid={testId ? `${testId}-confirm` : undefined}
            >
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

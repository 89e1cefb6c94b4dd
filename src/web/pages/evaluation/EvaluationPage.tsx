// The evaluation committee's workspace (评标, issue 8) for one opened tender: the
// phase it is at, and a tab for each part of the work — the committee (formed by
// the buyer), the declaration of conflicts (before any bid is seen), the bids
// and their screening, my score sheet, the results, the report to sign. Which
// tabs show, and what they let one do, follow the phase and the caller's seat:
// the server decides; the page only does not offer what it would refuse. The
// comparison table sets the bids side by side; once the result is final, the
// buyer's staff go on to the award.
import { Alert, Anchor, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconInfoCircle, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useEvaluation, type EvaluationState } from '../../api/evaluation';
import { PageHeader } from '../../components/PageHeader';
import { CardsSkeleton, ErrorView } from '../../components/states';
import { useBuyLabels } from '../../lib/buyLabels';
import { CommitteePanel } from './CommitteePanel';
import { ComparisonPanel } from './ComparisonPanel';
import { DeclarationPanel } from './DeclarationPanel';
import { ReportPanel } from './ReportPanel';
import { ResultsPanel } from './ResultsPanel';
import { ScreeningPanel } from './ScreeningPanel';
import { SheetPanel } from './SheetPanel';
import { PhaseBadge, PhaseStepper, reached, toDo } from './shared';

const TABS = ['committee', 'declaration', 'bids', 'sheets', 'comparison', 'results', 'report'] as const;
type Tab = (typeof TABS)[number];

/** The tabs the caller may use now: no bid before one's declaration; sheets under comprehensive scoring; the report once computed. */
function tabsOf(s: EvaluationState): Tab[] {
  const mayRead = s.me ? s.me.declared : true;
  const out: Tab[] = ['committee'];
  if (s.me && !s.me.declared) out.push('declaration');
  if (mayRead && reached(s.phase, 'screening')) out.push('bids');
  if (mayRead && s.method === 'comprehensive' && reached(s.phase, 'scoring')) out.push('sheets');
  if (mayRead && reached(s.phase, 'screening')) out.push('comparison');
  if (s.results) out.push('results');
  if (mayRead && reached(s.phase, 'report')) out.push('report');
  return out;
}

/** Where the work of the phase is. */
function defaultTab(s: EvaluationState, tabs: Tab[]): Tab {
  const want: Tab = s.me && !s.me.declared ? 'declaration' : s.phase === 'screening' || s.phase === 'prices' ? 'bids' : s.phase === 'scoring' ? 'sheets' : s.phase === 'report' ? 'report' : s.phase === 'committee' ? 'committee' : 'results';
  return tabs.includes(want) ? want : 'committee';
}

/** One sentence on what the caller does now. */
function NextStep({ s }: { s: EvaluationState }) {
  const { t } = useTranslation();
  const todo = s.me ? toDo(s.me, s.phase) : null;
  let text: string | null = todo ? t(`evaluation.next.${todo}`) : null;
  if (s.me?.chair && s.phase === 'screening') text = `${text ?? ''} ${t('evaluation.next.chairScreening')}`.trim();
  if (s.me?.chair && s.phase === 'scoring' && s.me.sheetsSubmitted) text = t('evaluation.next.chairScoring');
  if (!text && s.canManage && s.phase === 'committee') text = t('evaluation.next.manage');
  if (!text && s.phase === 'prices') text = t('evaluation.next.prices');
  if (!text && s.me && !reached(s.phase, 'final')) text = t('evaluation.next.wait');
  if (!text) return null;
  // The price envelopes open on the opening page, with the key holders (the buyer's staff).
  const toOpening = s.phase === 'prices' && (!s.me || s.me.kind === 'buyer');
  return (
    <Alert color={todo === 'declare' ? 'red' : 'blue'} variant="light" icon={<IconInfoCircle size={18} />} data-testid="evaluation-next">
      {text}
      {toOpening ? (
        <Anchor component={Link} to={`/buy/tenders/${s.tenderId}/opening`} size="sm" ml="xs">
          {t('evaluation.next.goOpening')}
        </Anchor>
      ) : null}
    </Alert>
  );
}

export default function EvaluationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const l = useBuyLabels();
  const [params, setParams] = useSearchParams();
  const q = useEvaluation(id);
  if (q.error) return <ErrorView error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <CardsSkeleton />;
  const s = q.data;
  const tabs = tabsOf(s);
  const asked = params.get('tab') as Tab | null;
  const tab = asked && tabs.includes(asked) ? asked : defaultTab(s, tabs);
  // Staff of the buyer not on the committee come from the tender; members from their list.
  const back = s.me ? { to: '/evaluations', label: t('evaluation.mine.title') } : { to: `/buy/tenders/${s.tenderId}`, label: <>{s.number} {s.title}</> };
  // The award is the buyer's: its staff, on the committee or not (experts sit for other organizations).
  const toAward = reached(s.phase, 'final') && (!s.me || s.me.kind === 'buyer');
  return (
    <>
      <PageHeader
        back={back}
        title={t('evaluation.page.title', { title: s.title })}
        subtitle={
          <Group gap="xs">
            <Text span ff="monospace">
              {s.number}
            </Text>
            <PhaseBadge phase={s.phase} />
            <Text span>
              {s.buyerName} · {l.regime(s.regime)} · {l.evaluationMethod(s.method)} · {l.envelopeMode(s.envelopes)}
            </Text>
          </Group>
        }
        actions={
          toAward ? (
            <Button leftSection={<IconTrophy size={16} />} component={Link} to={`/buy/tenders/${s.tenderId}/award`} data-testid="go-award">
              {t('evaluation.award.button')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="md">
        <PhaseStepper s={s} />
        <NextStep s={s} />
        <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {}, { replace: true })} keepMounted={false}>
          <Tabs.List mb="md">
            {tabs.map((x) => (
              <Tabs.Tab key={x} value={x} data-testid={`evaluation-tab-${x}`} color={x === 'declaration' ? 'red' : undefined}>
                {t(x === 'sheets' && !s.me ? 'evaluation.tabs.sheetsAll' : `evaluation.tabs.${x}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="committee">
            <CommitteePanel s={s} />
          </Tabs.Panel>
          <Tabs.Panel value="declaration">
            <DeclarationPanel s={s} />
          </Tabs.Panel>
          <Tabs.Panel value="bids">
            <ScreeningPanel s={s} />
          </Tabs.Panel>
          <Tabs.Panel value="sheets">
            <SheetPanel s={s} />
          </Tabs.Panel>
          <Tabs.Panel value="comparison">
            <ComparisonPanel s={s} />
          </Tabs.Panel>
          <Tabs.Panel value="results">
            <ResultsPanel s={s} />
          </Tabs.Panel>
          <Tabs.Panel value="report">
            <ReportPanel s={s} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}

// Small pieces of the award screens: a lot's status, the savings figures (the
// award page's card and the buyer's dashboard strip), a percentage from the
// server's decimal string.
import { Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconPigMoney } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AwardLot } from '../../../api/award';
import { Amount } from '../../../components/buy';
import { useFormat } from '../../../lib/useFormat';
import { Figure } from '../../evaluation/shared';

const STATUS_COLORS: Record<AwardLot['status'], string> = { pending: 'gray', publicized: 'cyan', awarded: 'green', retender: 'orange' };

export function LotStatusBadge({ status }: { status: AwardLot['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} style={{ textTransform: 'none' }} data-testid="lot-status">
      {t(`evaluation.award.status.${status}`)}
    </Badge>
  );
}

/** "12.50" (percent, two decimals) → "12.5%". */
export function usePercent() {
  const f = useFormat();
  return (percent: string) => `${f.number(Number(percent), 2)}%`;
}

export interface SavingsFiguresProps {
  currency: string;
  budget: string;
  awarded: string;
  amount: string;
  percent: string;
}

/** Budget, awarded value, savings and their rate, exact amounts in the UI language. */
export function SavingsFigures({ currency, budget, awarded, amount, percent }: SavingsFiguresProps) {
  const { t } = useTranslation();
  const pct = usePercent();
  const negative = amount.startsWith('-');
  return (
    <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs" data-testid="savings">
      <Figure label={t('evaluation.award.savings.budget')}>
        <Amount value={budget} currency={currency} fw={600} />
      </Figure>
      <Figure label={t('evaluation.award.savings.awarded')}>
        <Amount value={awarded} currency={currency} fw={600} />
      </Figure>
      <Figure label={t('evaluation.award.savings.amount')}>
        <Text span c={negative ? 'red' : 'teal.8'} fw={700}>
          <Amount value={amount} currency={currency} fw={700} />
        </Text>
      </Figure>
      <Figure label={t('evaluation.award.savings.percent')}>
        <Text span c={negative ? 'red' : 'teal.8'} fw={700}>
          {pct(percent)}
        </Text>
      </Figure>
    </SimpleGrid>
  );
}

export function SavingsCard(props: SavingsFiguresProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Group gap="xs" mb="sm">
        <IconPigMoney size={18} color="var(--mantine-color-teal-7)" />
        <Text fw={700}>{t('evaluation.award.savings.title')}</Text>
      </Group>
      <SavingsFigures {...props} />
    </Paper>
  );
}

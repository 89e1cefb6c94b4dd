// The buyer's savings (节约资金) on its awarded tenders, a compact strip per
// currency over the project board: how many tenders, the budget, the awarded
// value, the savings and their rate. Nothing shows before a first award.
import { Badge, Group, Paper, Text } from '@mantine/core';
import { IconPigMoney } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSavings } from '../../api/award';
import { useFormat } from '../../lib/useFormat';
import { usePercent } from './award/parts';

export function SavingsStrip() {
  const { t } = useTranslation();
  const f = useFormat();
  const pct = usePercent();
  const q = useSavings();
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Group gap="sm" mb="md" data-testid="savings-strip">
      {items.map((s) => {
        const negative = s.amount.startsWith('-');
        return (
          <Paper key={s.currency} withBorder radius="md" px="md" py="xs" bg="white">
            <Group gap="md" wrap="nowrap">
              <IconPigMoney size={26} stroke={1.5} color="var(--mantine-color-teal-7)" />
              <div>
                <Text size="xs" c="dimmed">
                  {t('evaluation.award.savings.strip', { currency: s.currency })}
                </Text>
                <Group gap="xs" align="baseline">
                  <Text fw={700} size="lg" c={negative ? 'red' : 'teal.8'}>
                    {f.money(Number(s.amount), s.currency)}
                  </Text>
                  <Badge variant="light" color={negative ? 'red' : 'teal'}>
                    {pct(s.percent)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {t('evaluation.award.savings.tenders', { count: s.tenders })} · {t('evaluation.award.savings.budget')} {f.money(Number(s.budget), s.currency)} · {t('evaluation.award.savings.awarded')} {f.money(Number(s.awarded), s.currency)}
                </Text>
              </div>
            </Group>
          </Paper>
        );
      })}
    </Group>
  );
}

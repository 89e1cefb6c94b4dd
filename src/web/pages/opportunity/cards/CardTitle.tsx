// The title row every card of the opportunity page shares.
import { Group, Text } from '@mantine/core';

export function CardTitle({ children, right, id }: { children: React.ReactNode; right?: React.ReactNode; id?: string }) {
  return (
    <Group justify="space-between" mb="sm" wrap="nowrap">
      <Text fw={650} id={id} component="h2" size="md" m={0}>
        {children}
      </Text>
      {right}
    </Group>
  );
}

// ---------------------------------------------------------------------------
// Buying center: roles × attitude

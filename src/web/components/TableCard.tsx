// A list's table in a card: header row on grey, horizontal scroll below a
// minimum width, rows that open their record when clicked (links inside keep
// their own behaviour).
import type { ReactNode } from 'react';
import { Paper, Table } from '@mantine/core';

export function TableCard({ minWidth = 760, head, children }: { minWidth?: number; head: { label: ReactNode; right?: boolean }[]; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }} bg="white">
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing="sm">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {head.map((h, i) => (
                <Table.Th key={i} ta={h.right ? 'right' : undefined}>
                  {h.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Opens a row's record on click, unless the click was on a link inside it. */
export const rowLink = (go: () => void) => (e: React.MouseEvent) => {
  if (!(e.target as HTMLElement).closest('a')) go();
};

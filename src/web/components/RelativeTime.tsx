import { Text, Tooltip, type TextProps } from '@mantine/core';
import { useFormat } from '../lib/useFormat';

/** "3 days ago" with the full date and time on hover. */
export function RelativeTime({ value, ...props }: { value: string | null | undefined } & TextProps) {
  const f = useFormat();
  if (!value) return <Text span {...props}>—</Text>;
  return (
    <Tooltip label={f.dateTime(value)}>
      <Text span {...props}>
        <time dateTime={value}>{f.relative(value)}</time>
      </Text>
    </Tooltip>
  );
}

// The Mantine theme: one accent (indigo), calm greys, compact radius, fonts that
// cover Latin and Chinese. Status colors: red = high risk, orange = medium,
// yellow = low / warning, teal = good, violet = inferred (evidence).
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const brand: MantineColorsTuple = ['#eef2ff', '#e0e7ff', '#c7d2fe', '#a5b4fc', '#818cf8', '#6366f1', '#4f46e5', '#4338ca', '#3730a3', '#312e81'];

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 6,
  colors: { brand },
  fontFamily:
    'Inter, "Inter Variable", -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  headings: {
    fontFamily:
      'Inter, "Inter Variable", -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
    fontWeight: '650',
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Modal: { defaultProps: { radius: 'md', centered: true, overlayProps: { backgroundOpacity: 0.35, blur: 2 } } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 200, multiline: true, maw: 320 } },
    Badge: { defaultProps: { radius: 'sm' } },
  },
});

export const STAGE_COLORS = { set: 'brand', inferred: 'violet' } as const;
export const SEVERITY_COLORS: Record<string, string> = { high: 'red', medium: 'orange', low: 'yellow' };
export const ATTITUDE_COLORS: Record<string, string> = { supporter: 'teal', neutral: 'gray', opponent: 'red' };
export const OUTCOME_COLORS: Record<string, string> = { open: 'blue', won: 'teal', lost: 'red', abandoned: 'gray' };

/** How evidence is known: firm kinds in strong colours, what was only said in grey. */
export const EVIDENCE_KIND_COLORS = { documentary: 'teal', public_record: 'blue', observed: 'indigo', stated: 'gray' } as const;

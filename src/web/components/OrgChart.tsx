// Reports-to chart of an account's contacts (ECharts tree). Contacts without a
// manager hang under the account itself; colors show the attitude to us.
import { useEffect, useMemo, useRef } from 'react';
import { Box } from '@mantine/core';
import * as echarts from 'echarts/core';
import { TreeChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Contact } from '../api/queries';
import type { LabelSet } from '../lib/labels';

echarts.use([TreeChart, TooltipComponent, CanvasRenderer]);

const ATTITUDE_HEX: Record<string, string> = { supporter: '#12b886', neutral: '#868e96', opponent: '#fa5252' };
const FONT = 'Inter, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

interface Node {
  name: string;
  value?: string;
  children: Node[];
  itemStyle?: Record<string, unknown>;
  label?: Record<string, unknown>;
  tooltip?: Record<string, unknown>;
  collapsed?: boolean;
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function buildTree(accountName: string, contacts: Contact[], labels: LabelSet): { root: Node; depth: number; width: number } {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const kids = new Map<string | null, Contact[]>();
  for (const c of contacts) {
    // A manager outside the list (or a cycle) makes the contact a root.
    const parent = c.reportsToId && byId.has(c.reportsToId) ? c.reportsToId : null;
    const list = kids.get(parent) ?? [];
    list.push(c);
    kids.set(parent, list);
  }
  const seen = new Set<string>();
  let depth = 1;
  let width = 0;
  const node = (c: Contact, level: number): Node => {
    seen.add(c.id);
    depth = Math.max(depth, level);
    const children = (kids.get(c.id) ?? []).filter((k) => !seen.has(k.id)).map((k) => node(k, level + 1));
    if (!children.length) width++;
    const roles = c.buyingRoles.map((r) => labels.buyingRole(r)).join(' · ');
    const lines = [c.title, roles].filter(Boolean) as string[];
    return {
      name: `${c.isCoach ? '★ ' : ''}${c.name}`,
      value: lines.join('\n'),
      children,
      itemStyle: { color: ATTITUDE_HEX[c.attitude] ?? '#868e96', borderColor: ATTITUDE_HEX[c.attitude] ?? '#868e96' },
      tooltip: {
        formatter: () =>
          [
            `<b>${escapeHtml(c.name)}</b>`,
            c.title ? escapeHtml(c.title) : '',
            c.department ? escapeHtml(c.department) : '',
            roles ? escapeHtml(roles) : '',
            `${escapeHtml(labels.attitude(c.attitude))} · ${c.influence}/5`,
            c.isCoach ? `★ ${escapeHtml(labels.coach)}` : '',
          ]
            .filter(Boolean)
            .join('<br/>'),
      },
    };
  };
  const roots = (kids.get(null) ?? []).map((c) => node(c, 2));
  // Contacts left over sit in a cycle: show them as roots too.
  for (const c of contacts) if (!seen.has(c.id)) roots.push(node(c, 2));
  return {
    root: {
      name: accountName,
      children: roots,
      itemStyle: { color: '#4f46e5', borderColor: '#4f46e5' },
      label: { fontWeight: 700, fontSize: 13, backgroundColor: '#eef2ff', padding: [6, 10], borderRadius: 6 },
    },
    depth,
    width: Math.max(width, 1),
  };
}

export function OrgChart({ accountName, contacts, labels, ariaLabel }: { accountName: string; contacts: Contact[]; labels: LabelSet; ariaLabel: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const tree = useMemo(() => buildTree(accountName, contacts, labels), [accountName, contacts, labels]);
  const height = Math.max(260, tree.depth * 110 + 40);

  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const ro = new ResizeObserver(() => chart.current?.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        textStyle: { fontFamily: FONT },
        tooltip: { trigger: 'item', triggerOn: 'mousemove', textStyle: { fontFamily: FONT, fontSize: 12 } },
        series: [
          {
            type: 'tree',
            data: [tree.root],
            orient: 'TB',
            top: 30,
            bottom: 60,
            left: 40,
            right: 40,
            symbol: 'circle',
            symbolSize: 12,
            edgeShape: 'polyline',
            edgeForkPosition: '50%',
            initialTreeDepth: -1,
            expandAndCollapse: false,
            roam: false,
            lineStyle: { color: '#ced4da', width: 1.5 },
            label: {
              position: 'bottom',
              distance: 8,
              verticalAlign: 'top',
              align: 'center',
              fontSize: 12,
              color: '#212529',
              fontFamily: FONT,
              lineHeight: 16,
              formatter: (p: { name: string; value?: string }) => (p.value ? `{n|${p.name}}\n{d|${p.value}}` : `{n|${p.name}}`),
              rich: { n: { fontWeight: 600, fontSize: 12, color: '#212529', fontFamily: FONT, lineHeight: 16 }, d: { fontSize: 11, color: '#868e96', fontFamily: FONT, lineHeight: 14 } },
            },
            leaves: { label: { position: 'bottom', verticalAlign: 'top', align: 'center' } },
            animationDuration: 300,
            animationDurationUpdate: 300,
          },
        ],
      },
      true,
    );
    chart.current?.resize();
  }, [tree]);

  return <Box ref={ref} h={height} w="100%" role="img" aria-label={ariaLabel} data-testid="org-chart" />;
}

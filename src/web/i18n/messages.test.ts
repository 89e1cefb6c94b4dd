// The two UI languages stay in step: the same keys (the types check that too),
// the same interpolation variables, and Chinese that is actually translated.
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('UI messages', () => {
  const e = flatten(en as unknown as Tree);
  const z = flatten(zhCN as unknown as Tree);

  it('has the same keys in both languages', () => {
    expect([...z.keys()].sort()).toEqual([...e.keys()].sort());
  });

  it('uses the same interpolation variables in both languages', () => {
    for (const [k, v] of e) expect({ key: k, vars: vars(z.get(k) ?? '') }).toEqual({ key: k, vars: vars(v) });
  });

  it('translates every sentence into Chinese', () => {
    // Identical strings are allowed only for names and pure placeholders.
    const same = [...e].filter(([k, v]) => z.get(k) === v && /[a-z]{3}/i.test(v.replace(/\{\{\w+\}\}/g, '')) && k !== 'app.name' && k !== 'activity.system');
    expect(same).toEqual([]);
  });
});

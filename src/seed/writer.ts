// Bulk writing for the demo-data generator: rows are collected column by column
// and written with multi-row `insert … select … from unnest($1::uuid[], …)`
// statements of up to BATCH rows. Statements are pipelined on one connection
// (the next chunk is generated while PostgreSQL writes the previous one).
import type pg from 'pg';

export const BATCH = 5_000;

/** Column types the generator writes. Array and jsonb columns travel as text and are cast. */
export type ColType = 'uuid' | 'text' | 'timestamptz' | 'date' | 'bool' | 'int4' | 'int2' | 'float4' | 'numeric' | 'uuid[]' | 'text[]' | 'jsonb';

export interface TableSpec {
  table: string;
  columns: readonly (readonly [name: string, type: ColType])[];
}

function quoteTextElement(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A PostgreSQL array literal for uuid[] (elements need no quoting). */
export function uuidArrayLiteral(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

/** A PostgreSQL array literal for text[]. */
export function textArrayLiteral(items: readonly string[]): string {
  return `{${items.map(quoteTextElement).join(',')}}`;
}

function encode(type: ColType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'uuid[]':
      return uuidArrayLiteral(v as string[]);
    case 'text[]':
      return textArrayLiteral(v as string[]);
    case 'jsonb':
      return JSON.stringify(v);
    case 'timestamptz':
      return v instanceof Date ? v.toISOString() : v;
    default:
      return v;
  }
}

/** Rows of one table, kept as columns. */
export class TableBuffer {
  readonly cols: unknown[][];
  private readonly sqlText: string;
  constructor(readonly spec: TableSpec) {
    this.cols = spec.columns.map(() => []);
    const names = spec.columns.map(([n]) => `"${n}"`).join(', ');
    const params = spec.columns
      .map(([, t], i) => `$${i + 1}::${t === 'uuid[]' || t === 'text[]' || t === 'jsonb' ? 'text' : t}[]`)
      .join(', ');
    const aliases = spec.columns.map((_, i) => `c${i}`).join(', ');
    const select = spec.columns
      .map(([, t], i) => (t === 'uuid[]' || t === 'text[]' || t === 'jsonb' ? `c${i}::${t}` : `c${i}`))
      .join(', ');
    this.sqlText = `insert into "${spec.table}" (${names}) select ${select} from unnest(${params}) as u(${aliases})`;
  }

  get length(): number {
    return this.cols[0]!.length;
  }

  /** Appends one row; values in the order of the spec's columns. */
  add(...values: unknown[]): void {
    const cs = this.spec.columns;
    for (let i = 0; i < cs.length; i++) this.cols[i]!.push(encode(cs[i]![1], values[i]));
  }

  /** Takes the rows out as statements of up to `batch` rows each. */
  drain(batch = BATCH): { text: string; values: unknown[][]; rows: number }[] {
    const n = this.length;
    const out: { text: string; values: unknown[][]; rows: number }[] = [];
    for (let start = 0; start < n; start += batch) {
      const end = Math.min(n, start + batch);
      out.push({ text: this.sqlText, values: this.cols.map((c) => c.slice(start, end)), rows: end - start });
    }
    for (const c of this.cols) c.length = 0;
    return out;
  }
}

/**
 * Sends statements on one client without waiting for each: they run one after
 * another in order, so parents written before children satisfy the foreign
 * keys. At most `maxInFlight` statements wait at once (memory stays bounded).
 */
export class Pipeline {
  private inflight: Promise<unknown>[] = [];
  private failure: unknown = null;
  rows = 0;
  constructor(
    private client: pg.Client | pg.PoolClient,
    private maxInFlight = 6,
  ) {}

  async send(text: string, values?: unknown[]): Promise<void> {
    if (this.failure) throw this.failure;
    // Chained, not stacked on the client (pg deprecates concurrent queries): the
    // next statement starts when the previous one ends, while we generate more.
    const prev = this.inflight[this.inflight.length - 1] ?? Promise.resolve();
    const p = prev
      .then(() => (this.failure ? undefined : this.client.query(text, values)))
      .catch((e: unknown) => {
        this.failure ??= e;
      });
    this.inflight.push(p);
    while (this.inflight.length > this.maxInFlight) await this.inflight.shift();
    if (this.failure) throw this.failure;
  }

  /** Writes the buffers in the order given (parents first). */
  async flush(buffers: readonly TableBuffer[]): Promise<number> {
    let n = 0;
    for (const b of buffers) {
      for (const s of b.drain()) {
        await this.send(s.text, s.values);
        n += s.rows;
      }
    }
    this.rows += n;
    return n;
  }

  /** Waits for everything sent so far. */
  async drain(): Promise<void> {
    while (this.inflight.length) await this.inflight.shift();
    if (this.failure) throw this.failure;
  }
}

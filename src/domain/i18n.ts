// Both languages are first-class: every label and message exists in zh-CN and en.
// A Message keeps a stable machine code and its parameters (for clients that
// render it themselves) beside its text already rendered in both languages.

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type Text = Record<Locale, string>;

export type MessageParams = Record<string, string | number>;

export interface Message {
  code: string;
  params: MessageParams;
  text: Text;
}

/** A catalog maps message codes to templates with `{param}` placeholders in both languages. */
export type Catalog<K extends string = string> = Readonly<Record<K, Text>>;

/**
 * Display values for placeholders that differ by language (stage names, labels).
 * They are used for rendering only; `params` keeps the machine value (e.g. the stage key).
 */
export type DisplayParams = Record<string, Text>;

/**
 * `{name}` is replaced by the value; `{name|one|other}` by `one` when the value
 * is 1 and `other` otherwise (English plurals: "1 contact", "3 contacts").
 */
const PLACEHOLDER = /\{([A-Za-z0-9_.]+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

function plural(value: string | number, one: string, other: string): string {
  return Number(value) === 1 ? one : other;
}

/** Replaces `{name}` placeholders; a placeholder with no value is left as written. */
export function formatTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string, one: string | undefined, other: string | undefined) => {
    const v = values[name];
    if (v === undefined) return whole;
    return one !== undefined ? plural(v, one, other!) : String(v);
  });
}

// Templates are split once into literal text and placeholder names, so that
// rendering (called in hot loops such as stage inference) needs no regex.
type Part = string | { name: string; forms?: readonly [string, string] };
const COMPILED = new Map<string, readonly Part[]>();

function compile(template: string): readonly Part[] {
  let parts = COMPILED.get(template);
  if (!parts) {
    const out: Part[] = [];
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      out.push(template.slice(last, m.index), m[2] !== undefined ? { name: m[1]!, forms: [m[2], m[3]!] } : { name: m[1]! });
      last = m.index + m[0].length;
    }
    out.push(template.slice(last));
    parts = out;
    COMPILED.set(template, parts);
  }
  return parts;
}

function render(template: string, locale: Locale, params: MessageParams, display: DisplayParams | undefined): string {
  let s = '';
  for (const part of compile(template)) {
    if (typeof part === 'string') {
      s += part;
      continue;
    }
    const shown = display?.[part.name];
    const v = params[part.name];
    if (part.forms) s += v === undefined ? `{${part.name}}` : plural(v, part.forms[0], part.forms[1]);
    else if (shown !== undefined) s += shown[locale];
    else s += v === undefined ? `{${part.name}}` : String(v);
  }
  return s;
}

/** Builds a Message from a catalog entry, rendering both languages. */
export function buildMessage<K extends string>(
  catalog: Catalog<K>,
  code: K,
  params: MessageParams = {},
  display?: DisplayParams,
): Message {
  const t = catalog[code];
  return {
    code,
    params,
    text: { 'zh-CN': render(t['zh-CN'], 'zh-CN', params, display), en: render(t.en, 'en', params, display) },
  };
}

/** A message builder bound to one catalog: `const msg = messageFactory(CATALOG); msg('x.y', {n: 1})`. */
export function messageFactory<K extends string>(catalog: Catalog<K>) {
  return (code: K, params: MessageParams = {}, display?: DisplayParams): Message => buildMessage(catalog, code, params, display);
}

/** Identity helper that checks a catalog's shape at compile time. */
export function defineCatalog<K extends string>(catalog: Record<K, Text>): Catalog<K> {
  return catalog;
}

export function text(zh: string, en: string): Text {
  return { 'zh-CN': zh, en };
}

/** The text of one language. */
export function localize(t: Text, locale: Locale): string {
  return t[locale];
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

/** Joins texts per language: 、 in Chinese, ", " in English. */
export function joinTexts(items: readonly Text[]): Text {
  return { 'zh-CN': items.map((t) => t['zh-CN']).join('、'), en: items.map((t) => t.en).join(', ') };
}

/** Formats a date as YYYY-MM-DD (UTC), the same in both languages. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

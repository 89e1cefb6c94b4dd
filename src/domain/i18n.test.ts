import { describe, expect, it } from 'vitest';
import {
  buildMessage,
  defineCatalog,
  formatTemplate,
  isLocale,
  isoDate,
  joinTexts,
  LOCALES,
  localize,
  messageFactory,
  text,
} from './i18n';

const CATALOG = defineCatalog({
  'x.hello': { 'zh-CN': '你好，{name}！共 {n} 条', en: 'Hello, {name}! {n} {n|item|items}' },
  'x.stage': { 'zh-CN': '阶段「{stage}」', en: 'stage "{stage}"' },
  'x.plain': { 'zh-CN': '无参数', en: 'no params' },
});

describe('formatTemplate', () => {
  it('replaces placeholders with strings and numbers', () => {
    expect(formatTemplate('{a} + {b} = {c}', { a: 1, b: 'two', c: 3 })).toBe('1 + two = 3');
  });
  it('leaves placeholders without a value as written', () => {
    expect(formatTemplate('{a} and {missing}', { a: 'x' })).toBe('x and {missing}');
  });
  it('replaces every occurrence', () => {
    expect(formatTemplate('{a}{a}', { a: 0 })).toBe('00');
  });
  it('picks the singular form for 1 and the plural form otherwise', () => {
    const t = '{n} {n|contact|contacts}';
    expect(formatTemplate(t, { n: 1 })).toBe('1 contact');
    expect(formatTemplate(t, { n: 0 })).toBe('0 contacts');
    expect(formatTemplate(t, { n: 3 })).toBe('3 contacts');
    expect(formatTemplate('{n|one|other}', {})).toBe('{n|one|other}');
  });
});

describe('buildMessage', () => {
  it('renders both languages and keeps code and params', () => {
    const m = buildMessage(CATALOG, 'x.hello', { name: 'Li', n: 2 });
    expect(m).toEqual({
      code: 'x.hello',
      params: { name: 'Li', n: 2 },
      text: { 'zh-CN': '你好，Li！共 2 条', en: 'Hello, Li! 2 items' },
    });
  });
  it('uses display values per language while params keep the machine value', () => {
    const m = buildMessage(CATALOG, 'x.stage', { stage: 'need' }, { stage: { 'zh-CN': '需求', en: 'Need' } });
    expect(m.params).toEqual({ stage: 'need' });
    expect(m.text).toEqual({ 'zh-CN': '阶段「需求」', en: 'stage "Need"' });
  });
  it('defaults to no params and leaves unfilled placeholders visible', () => {
    expect(buildMessage(CATALOG, 'x.plain')).toEqual({ code: 'x.plain', params: {}, text: { 'zh-CN': '无参数', en: 'no params' } });
    expect(buildMessage(CATALOG, 'x.stage').text.en).toBe('stage "{stage}"');
  });
  it('messageFactory binds a catalog', () => {
    const msg = messageFactory(CATALOG);
    expect(msg('x.hello', { name: 'A', n: 1 }).text.en).toBe('Hello, A! 1 item');
    expect(msg('x.hello', { name: 'A' }).text.en).toBe('Hello, A! {n} {n}');
    expect(msg('x.plain').params).toEqual({});
    expect(msg('x.stage', { stage: 's' }, { stage: text('阶', 'St') }).text['zh-CN']).toBe('阶段「阶」');
  });
});

describe('helpers', () => {
  it('text, localize, isLocale', () => {
    const t = text('中', 'en');
    expect(t).toEqual({ 'zh-CN': '中', en: 'en' });
    expect(localize(t, 'zh-CN')).toBe('中');
    expect(localize(t, 'en')).toBe('en');
    expect(LOCALES).toEqual(['zh-CN', 'en']);
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
  it('joinTexts uses 、 in Chinese and a comma in English', () => {
    expect(joinTexts([text('预算', 'budget'), text('决策时间', 'decision date')])).toEqual({ 'zh-CN': '预算、决策时间', en: 'budget, decision date' });
    expect(joinTexts([])).toEqual({ 'zh-CN': '', en: '' });
  });
  it('isoDate formats in UTC', () => {
    expect(isoDate(new Date('2024-03-05T23:30:00Z'))).toBe('2024-03-05');
  });
});

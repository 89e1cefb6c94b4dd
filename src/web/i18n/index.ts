// i18next set up with the two first-class languages. The language comes from
// localStorage (the switch in the header remembers it), else from the browser.
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';
import type { Locale } from '../../domain/format';

export const LANGUAGE_KEY = 'procura.language';
export const LOCALES: Locale[] = ['zh-CN', 'en'];

export function detectLanguage(): Locale {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    if (stored === 'zh-CN' || stored === 'en') return stored;
  } catch {
    /* storage unavailable */
  }
  const langs = typeof navigator !== 'undefined' ? (navigator.languages?.length ? navigator.languages : [navigator.language]) : [];
  for (const l of langs) {
    const lower = (l ?? '').toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function initI18n(lng: Locale = detectLanguage()) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      lng,
      fallbackLng: 'en',
      supportedLngs: ['zh-CN', 'en'],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  applyDocumentLanguage(lng);
  return i18n;
}

function applyDocumentLanguage(lng: Locale) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

export async function setLanguage(lng: Locale) {
  try {
    localStorage.setItem(LANGUAGE_KEY, lng);
  } catch {
    /* storage unavailable */
  }
  applyDocumentLanguage(lng);
  await i18n.changeLanguage(lng);
}

/** The current UI locale ('zh-CN' | 'en'). */
export function useLocale(): Locale {
  const { i18n: inst } = useTranslation();
  return inst.language === 'zh-CN' ? 'zh-CN' : 'en';
}

export { i18n };

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../format';
import { en, id, messagesEn, type Key } from './dict';

export type { Key } from './dict';
export type Vars = Record<string, string | number>;

const dictionaries: Record<Lang, Record<Key, string>> = { id, en };
export const LANG_STORAGE_KEY = 'kader.lang';

/** Fills `{name}` placeholders. Pure: used by the hook and by tests. */
export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translate(lang: Lang, key: Key, vars?: Vars): string {
  return interpolate(dictionaries[lang][key] ?? id[key] ?? key, vars);
}

/** Is `key` a dictionary key? For labels built from data (`state.${x}`, `history.${type}`). */
export function hasKey(key: string): key is Key {
  return Object.hasOwn(id, key);
}

/** A label for a key built from data, falling back to the raw value when there is none. */
export function translateDynamic(lang: Lang, key: string, fallback: string): string {
  return hasKey(key) ? translate(lang, key) : fallback;
}

/** Indonesian messages from schemas and the server, translated where known in the English UI. */
export function translateMessage(lang: Lang, message: string): string {
  return lang === 'en' ? (messagesEn[message] ?? message) : message;
}

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export type I18n = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: Key, vars?: Vars) => string;
  /** label from a key built from data: `td('state.' + s, s)` */
  td: (key: string, fallback: string) => string;
  /** an Indonesian message from a schema or the server */
  tm: (message: string) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      td: (key, fallback) => translateDynamic(lang, key, fallback),
      tm: (message) => translateMessage(lang, message),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

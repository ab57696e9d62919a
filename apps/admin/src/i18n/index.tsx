import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { issueMessage, type Params, renderMessage } from '@kader/workflow/display';
import type { $ZodIssue } from 'zod/v4/core';
import type { Lang } from '@kader/workflow';
import { en, id, type Key } from './dict';

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

/** A message to render: from the server (`reason`, `params`, its Indonesian `message`) or a schema. */
export type MessageLike = { reason?: string; params?: Params; message?: string };

/**
 * A catalogue message in a language. An id this build does not know shows the server's own
 * sentence; a refusal that names the actions allowed now says them after its message.
 */
export function translateServerMessage(
  lang: Lang,
  m: MessageLike & { allowedEvents?: string[] | null; machine?: string },
): string {
  const rendered = m.reason ? renderMessage(lang, { reason: m.reason, params: m.params ?? {} }) : null;
  // an id this build does not know: the server's sentence, which already names the allowed actions
  if (rendered === null) return m.message ?? '';
  const main = rendered;
  if (!m.allowedEvents) return main;
  const allowed = renderMessage(lang, {
    reason: 'ALLOWED_NOW',
    params: { events: m.allowedEvents, machine: m.machine ?? 'recruitment' },
  });
  return `${main} ${allowed}`;
}

/**
 * Pseudo-locale: English with every catalogue string marked, so a test can find text on screen that
 * came from anywhere else. Switched on by `localStorage['kader.pseudo'] = '1'` (tests only).
 */
export const PSEUDO_OPEN = '\u27e6';
export const PSEUDO_CLOSE = '\u27e7';
export const PSEUDO_STORAGE_KEY = 'kader.pseudo';
const mark = (s: string) => (s ? `${PSEUDO_OPEN}${s}${PSEUDO_CLOSE}` : s);

function readPseudo(): boolean {
  try {
    return localStorage.getItem(PSEUDO_STORAGE_KEY) === '1';
  } catch {
    return false;
  }
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
  /** a catalogue message from the server (`kaderError(e)`, a field of it) or one built here */
  tmsg: (m: MessageLike & { allowedEvents?: string[] | null; machine?: string }) => string;
  /** a schema issue found in the browser */
  tissue: (issue: $ZodIssue) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);
  const [pseudo] = useState(readPseudo);
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
  const value = useMemo<I18n>(() => {
    const wrap = pseudo && lang === 'en' ? mark : (s: string) => s;
    return {
      lang,
      setLang,
      t: (key, vars) => wrap(translate(lang, key, vars)),
      td: (key, fallback) => (hasKey(key) ? wrap(translate(lang, key)) : fallback),
      tmsg: (m) => wrap(translateServerMessage(lang, m)),
      tissue: (issue) => wrap(translateServerMessage(lang, issueMessage(issue))),
    };
  }, [lang, setLang, pseudo]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

import { useMemo, useSyncExternalStore } from 'react';
import { z } from 'zod/mini';

import type enAuth from '@/locales/en/auth.json';
import type enCommon from '@/locales/en/common.json';
import type enDictionaries from '@/locales/en/dictionaries.json';
import type enEvents from '@/locales/en/events.json';
import type enInsights from '@/locales/en/insights.json';
import type enObjects from '@/locales/en/objects.json';
import type enProfile from '@/locales/en/profile.json';

import { STARTUP_NAMESPACES } from './startup-namespaces';

/** The shape every language's translations have (English is the reference). */
export type Translations = {
  common: typeof enCommon;
  auth: typeof enAuth;
  dictionaries: typeof enDictionaries;
  events: typeof enEvents;
  insights: typeof enInsights;
  objects: typeof enObjects;
  profile: typeof enProfile;
};
export type Namespace = keyof Translations;

export const uiLanguages = ['en', 'ru'] as const;
export type UiLanguage = (typeof uiLanguages)[number];
export const FALLBACK_LANGUAGE: UiLanguage = 'en';

// Each language's files are their own small chunks, loaded when chosen.
const translationFiles = import.meta.glob<{ default: object }>(
  '../locales/*/*.json',
);

/** A plural form's suffix in a key, as in `deleted_one`, `deleted_few`. */
type PluralSuffix = `_${Intl.LDMLPluralRule}`;

/** The keys of a translation file: dotted paths, plural forms as one key. */
type Keys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K extends `${infer Base}${PluralSuffix}` ? Base : K}`
    : Keys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * What `t` takes with namespaces `N`: the first one's keys as they are,
 * and any of them as `namespace:key`.
 */
export type TranslationKey<N extends readonly Namespace[]> =
  | Keys<Translations[N[0]]>
  | { [Name in N[number]]: `${Name}:${Keys<Translations[Name]>}` }[N[number]];

/** Values for a text's `{{blanks}}`; a `count` also picks the plural form. */
export type TranslationValues = { count?: number } & Record<string, unknown>;

export type TFunction<N extends readonly Namespace[] = ['common']> = (
  key: TranslationKey<N>,
  values?: TranslationValues,
) => string;

/** Each loaded file, by `language/namespace`. */
const loaded = new Map<string, unknown>();
/** Every namespace asked for so far, loaded again when the language changes. */
const wanted = new Set<Namespace>();
let current: UiLanguage = FALLBACK_LANGUAGE;
const listeners = new Set<() => void>();
const pluralRules = new Map<UiLanguage, Intl.PluralRules>();

function text(language: UiLanguage, namespace: string, path: string) {
  let node = loaded.get(`${language}/${namespace}`);
  for (const part of path.split('.')) {
    node =
      node && typeof node === 'object'
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

function pluralOf(language: UiLanguage, count: number) {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

/**
 * A key's text in `language`: looked up in `namespace:` when the
 * key names one, else in each of `namespaces` in turn; with a `count`, its
 * plural form first; `{{name}}` filled from `values`. A key with no text is
 * shown as it is (the locale tests keep every key translated).
 */
function translate(
  language: UiLanguage,
  namespaces: readonly string[],
  key: string,
  values?: TranslationValues,
): string {
  const colon = key.indexOf(':');
  const [spaces, path] =
    colon > 0
      ? [[key.slice(0, colon)], key.slice(colon + 1)]
      : [namespaces, key];
  const count = values?.count;
  const paths =
    typeof count === 'number'
      ? [`${path}_${pluralOf(language, count)}`, path]
      : [path];
  for (const namespace of spaces) {
    for (const candidate of paths) {
      const found = text(language, namespace, candidate);
      if (found === undefined) continue;
      if (!values) return found;
      return found.replace(/\{\{(\w+)\}\}/g, (blank, name: string) =>
        name in values ? String(values[name]) : blank,
      );
    }
  }
  return key;
}

async function load(language: UiLanguage, namespaces: Iterable<Namespace>) {
  await Promise.all(
    [...namespaces].map(async (namespace) => {
      const id = `${language}/${namespace}`;
      if (loaded.has(id)) return;
      const file = translationFiles[`../locales/${id}.json`];
      if (!file) throw new Error(`No translation ${id}`);
      loaded.set(id, (await file()).default);
    }),
  );
}

async function switchTo(language: UiLanguage) {
  // A route may ask for more while these load (see `loadTranslations`).
  while ([...wanted].some((name) => !loaded.has(`${language}/${name}`))) {
    await load(language, wanted);
  }
  if (typeof document !== 'undefined') {
    // Not when prerendering at build time.
    document.documentElement.lang = language;
    document.cookie = `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`;
  }
  if (language === current) return;
  current = language;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const currentLanguage = () => current;

/** The UI language of the moment, and `t` for code outside components. */
export const i18n = {
  get language(): UiLanguage {
    return current;
  },
  t: ((key, values) =>
    translate(current, ['common'], key, values)) as TFunction<
    ['common', ...Namespace[]]
  >,
};

/**
 * `t` over a component's namespaces (`common` when none is named), and the
 * component rendered again in the new language when it changes.
 */
export function useTranslation<
  const N extends Namespace | readonly Namespace[] = 'common',
>(namespaces?: N) {
  const language = useSyncExternalStore(
    subscribe,
    currentLanguage,
    currentLanguage,
  );
  const names = String(namespaces ?? 'common');
  // A new `t` in each language, so that text memoised with it is made again.
  const t = useMemo(
    () => (key: string, values?: TranslationValues) =>
      translate(language, names.split(','), key, values),
    [names, language],
  );
  return {
    t: t as TFunction<N extends Namespace ? [N] : N>,
    i18n,
  };
}

const STORAGE_KEY = 'smartcomm.language';

/** The UI language for a BCP 47 tag, or null when there is no translation. */
export function uiLanguageFor(tag: string): UiLanguage | null {
  const base = tag.toLowerCase().split('-')[0];
  return uiLanguages.find((language) => language === base) ?? null;
}

/**
 * The cookie that tells the server which language's prerendered pages to
 * send (deploy/nginx.conf); without it the server goes by Accept-Language,
 * the same list of languages the browser gives here.
 */
export const LANGUAGE_COOKIE = 'smartcomm_language';

/**
 * The language this browser chose before (kept in storage, and in the
 * cookie the server reads too), or else its first one we have.
 */
export function initialLanguage(): UiLanguage {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be unavailable; fall through to the browser's languages.
  }
  const cookie = new RegExp(`(?:^|; )${LANGUAGE_COOKIE}=([^;]*)`).exec(
    document.cookie,
  )?.[1];
  const candidates = [stored, cookie, ...navigator.languages].filter(
    (tag): tag is string => Boolean(tag),
  );
  for (const tag of candidates) {
    const language = uiLanguageFor(tag);
    if (language) return language;
  }
  return FALLBACK_LANGUAGE;
}

/** Switches the UI language now and remembers it for the next visit. */
export async function setUiLanguage(tag: string): Promise<void> {
  const language = uiLanguageFor(tag) ?? FALLBACK_LANGUAGE;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but still switched.
  }
  await switchTo(language);
}

// Validation messages of every schema come from the translations, in the
// language of the moment the form is checked.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === ''
          ? i18n.t('common:validation.required')
          : i18n.t('common:validation.invalid');
      case 'too_small':
        if (issue.origin === 'string') {
          return Number(issue.minimum) <= 1
            ? i18n.t('common:validation.required')
            : i18n.t('common:validation.tooShort', {
                count: Number(issue.minimum),
              });
        }
        return issue.inclusive
          ? i18n.t('common:validation.atLeast', { min: Number(issue.minimum) })
          : i18n.t('common:validation.greaterThan', {
              min: Number(issue.minimum),
            });
      case 'too_big':
        return issue.origin === 'string'
          ? i18n.t('common:validation.tooLong', {
              count: Number(issue.maximum),
            })
          : i18n.t('common:validation.atMost', { max: Number(issue.maximum) });
      case 'invalid_format':
        if (issue.format === 'email') return i18n.t('common:validation.email');
        if (issue.format === 'date') return i18n.t('common:validation.date');
        return i18n.t('common:validation.invalid');
      default:
        return i18n.t('common:validation.invalid');
    }
  },
});

/**
 * Loads a page's translations in the current language. Rejects when one
 * could not be fetched (offline, say), so that the page says so and tries
 * again on Retry, rather than showing raw keys.
 */
export async function loadTranslations(
  namespaces: readonly Namespace[],
): Promise<void> {
  // Again in the new language when it changed meanwhile; `switchTo` loads
  // them itself once they are `wanted`.
  let language: UiLanguage;
  do {
    language = current;
    await load(language, namespaces);
  } while (language !== current);
  for (const name of namespaces) wanted.add(name);
}

/**
 * Loads the first language's translations (by default the one this browser
 * chose) and makes it the language; render once it resolves.
 */
export async function initI18n(
  language: UiLanguage = initialLanguage(),
): Promise<void> {
  for (const name of STARTUP_NAMESPACES) wanted.add(name);
  await switchTo(language);
}

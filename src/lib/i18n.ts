import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
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

const startupNamespaces: Namespace[] = [...STARTUP_NAMESPACES];

export const uiLanguages = ['en', 'ru'] as const;
export type UiLanguage = (typeof uiLanguages)[number];
export const FALLBACK_LANGUAGE: UiLanguage = 'en';

// Each language's files are their own small chunks, loaded when chosen.
const translationFiles = import.meta.glob<{ default: object }>(
  '../locales/*/*.json',
);

const lazyTranslations: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, namespace, callback) => {
    const load = translationFiles[`../locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`No translation ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default as ResourceKey),
      (error: unknown) => callback(error as Error, false),
    );
  },
};

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
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  if (typeof document === 'undefined') return; // prerendering at build time
  document.documentElement.lang = language;
  document.cookie = `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`;
});

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
 * again, rather than i18next keeping the failure and showing raw keys.
 */
export async function loadTranslations(
  namespaces: readonly Namespace[],
): Promise<void> {
  const language = i18n.resolvedLanguage ?? i18n.language;
  const missing = () =>
    namespaces.filter((name) => !i18n.hasResourceBundle(language, name));
  if (missing().length === 0) return;
  await i18n.reloadResources(language, missing());
  const still = missing();
  if (still.length > 0) {
    throw new Error(`Translations not loaded: ${still.join(', ')}`);
  }
}

/**
 * Loads the first language's translations (by default the one this browser
 * chose); render once it resolves.
 */
export async function initI18n(
  language: UiLanguage = initialLanguage(),
): Promise<void> {
  if (i18n.isInitialized) return;
  await i18n
    .use(lazyTranslations)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: FALLBACK_LANGUAGE,
      supportedLngs: uiLanguages,
      ns: startupNamespaces,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
}

export { i18n };

import { createContext, useContext, useMemo } from 'react';

import { useTranslation, FALLBACK_LANGUAGE, uiLanguageFor } from '@/lib/i18n';

import {
  formatDate,
  formatMoney,
  formatNumber,
  signedMoney,
  type Currency,
} from './format';

/**
 * How numbers are written for the signed-in user: the locale of their
 * profile's language (BCP 47) and their currency (ISO 4217, with the
 * dictionary's symbol). Amounts are labelled with the currency, never
 * converted.
 */
export type LocaleSettings = {
  locale: string | undefined;
  currency: Currency | undefined;
};

/** The profile language's tag, canonical; its UI language's when Intl cannot read it. */
function languageTag(languageCode: string, language: string): string {
  // The dictionary's tag comes from the server: one Intl cannot read would
  // make every amount and date on screen throw.
  try {
    return Intl.getCanonicalLocales(languageCode)[0] ?? language;
  } catch {
    return language;
  }
}

/**
 * The locale amounts and dates are written in, from the profile's language
 * and country together: an English-speaking owner in Germany gets
 * 20/04/2026 and 1.234,50 (en-DE), a Russian-speaking one 20.04.2026. The
 * language is the profile's when the UI speaks it, else the fallback the UI
 * is shown in (so a page never mixes two languages, and browsers with thin
 * data for a language never print raw patterns such as "2024 M03 17").
 * Where Intl has no data for the language in that country (English in
 * Belarus), the language's world-wide form (en-001: day first) is used
 * rather than its US one.
 */
export function formattingLocale(
  languageCode: string,
  countryCode?: string,
): string {
  // Asking Intl costs a formatter's set-up, and the answer never changes.
  const key = `${languageCode}|${countryCode ?? ''}`;
  let locale = resolvedLocales.get(key);
  if (locale === undefined) {
    locale = resolveFormattingLocale(languageCode, countryCode);
    resolvedLocales.set(key, locale);
  }
  return locale;
}

const resolvedLocales = new Map<string, string>();

function resolveFormattingLocale(
  languageCode: string,
  countryCode: string | undefined,
): string {
  const language = uiLanguageFor(languageCode) ?? FALLBACK_LANGUAGE;
  const tag =
    language === uiLanguageFor(languageCode)
      ? languageTag(languageCode, language)
      : language;
  if (!countryCode) return tag;
  try {
    const regional = new Intl.Locale(tag, { region: countryCode }).toString();
    // A number formatter knows the same locales as a date formatter (the
    // same for every language and region tried), at a fraction of the cost.
    const resolved = new Intl.NumberFormat(regional).resolvedOptions();
    if (new Intl.Locale(resolved.locale).region === countryCode) {
      return regional;
    }
  } catch {
    // Not a region Intl knows: the language alone.
    return tag;
  }
  return language === 'en' ? 'en-001' : tag;
}

const LocaleSettingsContext = createContext<LocaleSettings>({
  locale: undefined,
  currency: undefined,
});

export const LocaleSettingsProvider = LocaleSettingsContext.Provider;

/** The one way screens format money, dates and numbers. */
export function useFormat() {
  const { i18n } = useTranslation();
  const settings = useContext(LocaleSettingsContext);
  const locale = settings.locale ?? i18n.language ?? 'en';
  const { currency } = settings;
  return useMemo(() => {
    const money = (amount: number) => formatMoney(amount, currency, locale);
    return {
      locale,
      currency,
      money,
      /** With its sign spelled out: "+1 200 ₽", "−300 ₽". */
      signedMoney: (amount: number) => signedMoney(amount, money),
      compactMoney: (amount: number) =>
        formatMoney(amount, currency, locale, true),
      date: (iso: string) => formatDate(iso, locale),
      month: (month: string, style: 'month' | 'shortMonth' = 'month') =>
        formatDate(month, locale, style),
      number: (value: number, fractionDigits?: number) =>
        formatNumber(value, locale, fractionDigits),
    };
  }, [locale, currency]);
}

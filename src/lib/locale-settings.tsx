import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import {
  formatDate,
  formatMoney,
  formatNumber,
  signedMoney,
  type Currency,
} from './format';
import { FALLBACK_LANGUAGE, uiLanguageFor } from './i18n';

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

/**
 * The locale amounts and dates are written in for a profile language: that
 * language when the UI speaks it, else the fallback the UI is shown in (so
 * a page never mixes two languages, and browsers with thin data for a
 * language never print raw patterns such as "2024 M03 17").
 */
export function formattingLocale(languageCode: string): string {
  const language = uiLanguageFor(languageCode);
  if (!language) return FALLBACK_LANGUAGE;
  // The dictionary's tag comes from the server: one Intl cannot read would
  // make every amount and date on screen throw.
  try {
    return Intl.getCanonicalLocales(languageCode)[0] ?? language;
  } catch {
    return language;
  }
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
  const locale = settings.locale ?? i18n.resolvedLanguage ?? 'en';
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

import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { formatDate, formatMoney, formatNumber } from './format';

/**
 * How numbers are written for the signed-in user: the locale of their
 * profile's language (BCP 47) and their currency (ISO 4217). Amounts are
 * labelled with the currency, never converted.
 */
export type LocaleSettings = {
  locale: string | undefined;
  currency: string | undefined;
};

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
  return useMemo(
    () => ({
      locale,
      currency,
      money: (amount: number) => formatMoney(amount, currency, locale),
      date: (iso: string) => formatDate(iso, locale),
      number: (value: number, fractionDigits?: number) =>
        formatNumber(value, locale, fractionDigits),
    }),
    [locale, currency],
  );
}

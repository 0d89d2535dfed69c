import { useMemo } from 'react';
import { z } from 'zod/mini';

import { useTranslation } from '@/lib/i18n';
import { useFormat } from '@/lib/locale-settings';
import { todayIso } from '@/utils/calendar-date';
import { datePattern, formatDateText, parseDateText } from '@/utils/date-text';

/**
 * Dates as people type them: in the numeric order of the formatting locale
 * (the profile's language and country: 26.11.2026, 11/26/2026) or as
 * YYYY-MM-DD. Every date field, bound or not, reads and writes them here.
 */
export function useDateText() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  return useMemo(() => {
    const pattern = datePattern(locale, {
      day: t('dateParts.day'),
      month: t('dateParts.month'),
      year: t('dateParts.year'),
    });
    const invalid = t('validation.dateLike', {
      example: formatDateText(todayIso(), locale),
    });
    const parse = (text: string) => parseDateText(text, locale);
    /** A form field's text as YYYY-MM-DD, or its problem. */
    const schema = z.pipe(
      z.string(),
      z.transform((text: string, ctx) => {
        const problem = text.trim() === '' ? t('validation.required') : invalid;
        const iso = parse(text);
        if (iso !== null) return iso;
        ctx.issues.push({ code: 'custom', message: problem, input: text });
        return z.NEVER;
      }),
    );
    return {
      pattern,
      hint: t('dateField.hint', { pattern }),
      invalid,
      parse,
      format: (iso: string) => formatDateText(iso, locale),
      schema,
    };
  }, [locale, t]);
}

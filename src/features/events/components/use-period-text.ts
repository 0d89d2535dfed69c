import { useTranslation } from '@/lib/i18n';
import { useFormat } from '@/lib/locale-settings';

import type { EventFilters } from '../api/queries';

/** The dates a filter covers, in words: "All time", "1 Jan – 31 Mar 2026". */
export function usePeriodText(filters: EventFilters): string {
  const { t } = useTranslation('events');
  const format = useFormat();
  const { date_from: from, date_to: to } = filters;
  if (from && to) {
    return t('periodText.range', {
      from: format.date(from),
      to: format.date(to),
    });
  }
  if (from) return t('periodText.from', { from: format.date(from) });
  if (to) return t('periodText.to', { to: format.date(to) });
  return t('periodText.all');
}

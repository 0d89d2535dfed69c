import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Event, PropertyObject } from '@/api/generated';
import { Skeleton } from '@/components/ui/spinner';
import { formatDate, formatRelativeDays } from '@/lib/format';
import { useFormat } from '@/lib/locale-settings';
import { cn } from '@/utils/cn';
import { daysBetween } from '@/utils/calendar-date';

import { eventAmounts } from '../utils/upcoming';

/** An event's property; null when it is not the user's (any more), undefined while loading. */
export type FindProperty = (id: number) => PropertyObject | null | undefined;

/** "Tomorrow · Tue, 3 Mar": how far away, then the date. */
export function DayHeading({ date, today }: { date: string; today: string }) {
  const { locale } = useFormat();
  const relative = formatRelativeDays(daysBetween(today, date), locale);
  return (
    <h4 className="mt-3 mb-1 flex flex-wrap items-baseline gap-x-2 text-sm">
      <span
        className={cn(
          'font-medium',
          date === today && 'rounded bg-info-soft px-1.5 text-fg',
        )}
      >
        {relative.charAt(0).toLocaleUpperCase(locale) + relative.slice(1)}
      </span>
      <time dateTime={date} className="text-fg-muted">
        {formatDate(date, locale, 'withWeekday')}
      </time>
    </h4>
  );
}

export function DueItem({
  event,
  object,
}: {
  event: Event;
  object: PropertyObject | null | undefined;
}) {
  const { t } = useTranslation('insights');
  const format = useFormat();
  const amounts = eventAmounts(event);
  return (
    // Narrow, the property's name takes the whole first line; wide, the
    // amounts stand beside name and description.
    <li className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 border-t border-border py-2 first:border-t-0">
      <p className="col-span-2 truncate font-medium @md:col-span-1" dir="auto">
        {object === undefined ? (
          <Skeleton className="my-1 h-4 w-32" />
        ) : object ? (
          <Link to={`/objects/${object.id}`} className="hover:underline">
            {object.name}
          </Link>
        ) : (
          t('upcoming.unknownObject')
        )}
      </p>
      <p
        className="min-w-0 truncate text-sm text-fg-muted @md:col-start-1 @md:row-start-2"
        dir="auto"
        title={event.description || undefined}
      >
        {event.description || t('upcoming.noDescription')}
      </p>
      <div className="text-right text-sm @md:col-start-2 @md:row-span-2 @md:row-start-1">
        {amounts.length === 0 ? (
          <p className="text-fg-muted">{t('upcoming.noAmount')}</p>
        ) : (
          amounts.map((amount) => (
            <p key={amount.kind} className="whitespace-nowrap">
              <span className="text-xs text-fg-muted">
                {t(`upcoming.${amount.kind}`)}
              </span>{' '}
              <span
                className={cn(
                  'tabular font-medium',
                  amount.kind === 'income' ? 'text-income' : 'text-expense',
                )}
              >
                {format.signedMoney(amount.value)}
              </span>
            </p>
          ))
        )}
      </div>
    </li>
  );
}

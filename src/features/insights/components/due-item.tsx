import { Link } from 'react-router';

import { useTranslation } from '@/lib/i18n';
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

/** Where an event opens: the transactions page, with it in its dialog. */
export type EventHref = (event: Event) => string;

// The item's one link reaches over the whole item (its ::after), so it
// opens on a click anywhere and is a single stop for the keyboard.
const itemLinkClass =
  "min-w-0 after:absolute after:inset-0 after:rounded-md after:content-[''] hover:after:bg-fg/4 focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-focus";

/** A payment due: its property and description open the event; its amounts beside. */
export function DueItem({
  event,
  object,
  href,
}: {
  event: Event;
  object: PropertyObject | null | undefined;
  href: string;
}) {
  const { t } = useTranslation('insights');
  const format = useFormat();
  const amounts = eventAmounts(event);
  return (
    <li className="relative grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-3 border-t border-border py-2 first:border-t-0">
      <Link to={href} className={itemLinkClass}>
        <span className="block truncate font-medium" dir="auto">
          {object === undefined ? (
            <Skeleton className="my-1 h-4 w-32" />
          ) : object ? (
            object.name
          ) : (
            t('upcoming.unknownObject')
          )}
        </span>{' '}
        <span
          className="block truncate text-sm text-fg-muted"
          dir="auto"
          title={event.description || undefined}
        >
          {event.description || t('upcoming.noDescription')}
        </span>
      </Link>
      <div className="text-right text-sm">
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

import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';

import { useTranslation } from '@/lib/i18n';
import type { Event } from '@/api/generated';
import { Button } from '@/components/ui/button';
import { formatDate, formatRelativeDays } from '@/lib/format';
import { useFormat } from '@/lib/locale-settings';
import { cn } from '@/utils/cn';
import { ChevronBackIcon, ChevronForwardIcon } from '@/components/ui/icons';
import { daysBetween } from '@/utils/calendar-date';

import {
  addMonths,
  clampDate,
  firstDayOfWeek,
  monthWeeks,
  moveByKey,
  weekOf,
} from '../utils/calendar';
import { dueWindow } from '../utils/upcoming';
import {
  DayHeading,
  DueItem,
  type EventHref,
  type FindProperty,
} from './due-item';

type DueCalendarProps = {
  /** The window's events in any order; undefined while loading. */
  events: readonly Event[] | undefined;
  today: string;
  findProperty: FindProperty;
  eventHref: EventHref;
};

/**
 * The window's events on a month grid: days with events are marked with
 * how many bring money in (+) and take it out (−); the chosen day's events
 * are listed beside it. Keys as in the WAI-ARIA date grid: arrows by day
 * and week, Home/End to the week's ends, Page Up/Down by month.
 */
export function DueCalendar({
  events,
  today,
  findProperty,
  eventHref,
}: DueCalendarProps) {
  const { t } = useTranslation('insights');
  const format = useFormat();
  const { locale } = format;
  const range = dueWindow(today);
  const [selected, setSelected] = useState(today);
  const month = selected.slice(0, 7);
  const firstDay = firstDayOfWeek(locale);
  const weeks = monthWeeks(month, firstDay);
  const monthId = useId();
  const hintId = useId();
  const gridRef = useRef<HTMLTableElement>(null);
  const focusSelected = useRef(false);

  const byDate = useMemo(() => {
    const map = new Map<string, Event[]>();
    for (const event of events ?? []) {
      const list = map.get(event.notification_date) ?? [];
      list.push(event);
      map.set(event.notification_date, list);
    }
    for (const list of map.values()) list.sort((a, b) => a.id - b.id);
    return map;
  }, [events]);

  // A key that moves to another month renders the new grid first.
  useEffect(() => {
    if (!focusSelected.current) return;
    focusSelected.current = false;
    gridRef.current
      ?.querySelector<HTMLButtonElement>(`[data-date="${selected}"]`)
      ?.focus();
  }, [selected]);

  const onKeyDown = (event: KeyboardEvent) => {
    const next = moveByKey(selected, event.key, firstDay);
    if (!next) return;
    event.preventDefault();
    focusSelected.current = true;
    setSelected(clampDate(next, range));
  };

  const toMonth = (months: number) =>
    setSelected(clampDate(addMonths(selected, months), range));

  const dayEvents = byDate.get(selected) ?? [];
  return (
    <div className="grid gap-x-6 gap-y-4 @3xl:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
      <div>
        <div className="mb-2 flex items-center justify-between gap-2">
          <Button
            variant="ghost"
            size="icon"
            aria-label={t('upcoming.calendar.previous')}
            disabled={month <= range.from.slice(0, 7)}
            onClick={() => toMonth(-1)}
          >
            <ChevronBackIcon className="size-4 rtl:-scale-x-100" />
          </Button>
          <h3 id={monthId} className="font-semibold" aria-live="polite">
            {formatDate(month, locale, 'month')}
          </h3>
          <Button
            variant="ghost"
            size="icon"
            aria-label={t('upcoming.calendar.next')}
            disabled={month >= range.to.slice(0, 7)}
            onClick={() => toMonth(1)}
          >
            <ChevronForwardIcon className="size-4 rtl:-scale-x-100" />
          </Button>
        </div>
        <table
          ref={gridRef}
          role="grid"
          aria-labelledby={monthId}
          aria-describedby={hintId}
          aria-busy={events === undefined}
          className="w-full table-fixed border-collapse text-center"
          onKeyDown={onKeyDown}
        >
          <thead>
            <tr>
              {weekOf(today, firstDay).map((date) => (
                <th
                  key={date}
                  scope="col"
                  className="pb-1 text-xs font-medium text-fg-muted"
                >
                  {formatDate(date, locale, 'weekday')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.find(Boolean)}>
                {week.map((date, index) => (
                  <td
                    key={date ?? `blank-${index}`}
                    role="gridcell"
                    aria-selected={date ? date === selected : undefined}
                    className="p-0.5"
                  >
                    {date && (
                      <Day
                        date={date}
                        today={today}
                        inWindow={date >= range.from && date <= range.to}
                        selected={date === selected}
                        events={events && (byDate.get(date) ?? [])}
                        onSelect={() => setSelected(date)}
                      />
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-fg-muted">
          {t('upcoming.calendar.legend')}
        </p>
        <p id={hintId} className="sr-only">
          {t('upcoming.calendar.keys')}
        </p>
      </div>
      <div className="min-w-0">
        <DayHeading date={selected} today={today} />
        {events === undefined ? null : dayEvents.length === 0 ? (
          <p className="text-sm text-fg-muted">{t('upcoming.calendar.none')}</p>
        ) : (
          <ul>
            {dayEvents.map((event) => (
              <DueItem
                key={event.id}
                event={event}
                object={findProperty(event.object_id)}
                href={eventHref(event)}
              />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

type DayProps = {
  date: string;
  today: string;
  /** Only the window's days have their events loaded. */
  inWindow: boolean;
  selected: boolean;
  /** Undefined while loading. */
  events: readonly Event[] | undefined;
  onSelect: () => void;
};

function Day({ date, today, inWindow, selected, events, onSelect }: DayProps) {
  const { t } = useTranslation('insights');
  const format = useFormat();
  const day = Number(date.slice(8));
  if (!inWindow) {
    return (
      <span className="flex h-11 items-start justify-center pt-1 text-sm text-fg-muted">
        {day}
      </span>
    );
  }
  const incoming = events?.filter((event) => event.income > 0).length ?? 0;
  const outgoing = events?.filter((event) => event.expense > 0).length ?? 0;
  const count = events?.length ?? 0;
  return (
    <button
      type="button"
      data-date={date}
      tabIndex={selected ? 0 : -1}
      aria-current={date === today ? 'date' : undefined}
      aria-label={t('upcoming.calendar.day', {
        date: formatDate(date, format.locale, 'full'),
        relative: formatRelativeDays(daysBetween(today, date), format.locale),
        payments: t('upcoming.count', {
          count,
          formatted: format.number(count, 0),
        }),
      })}
      onClick={onSelect}
      className={cn(
        'flex h-11 w-full flex-col items-center justify-start rounded-md pt-1 text-sm leading-tight',
        selected ? 'bg-primary text-on-primary' : 'hover:bg-surface-muted',
        !selected && date === today && 'ring-2 ring-primary ring-inset',
        count > 0 && 'font-semibold',
      )}
    >
      {day}
      {count > 0 && (
        <span
          aria-hidden="true"
          className="tabular mt-0.5 flex gap-1 text-[0.6875rem] leading-none font-medium"
        >
          {incoming > 0 && (
            <span className={cn(!selected && 'text-income')}>+{incoming}</span>
          )}
          {outgoing > 0 && (
            <span className={cn(!selected && 'text-expense')}>−{outgoing}</span>
          )}
          {incoming + outgoing === 0 && <span>•</span>}
        </span>
      )}
    </button>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import type { Event, PropertyObject } from '@/api/generated';
import { QueryError } from '@/components/errors/query-error';
import { Button } from '@/components/ui/button';
import { CalendarIcon } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/spinner';
import { ViewSwitch } from '@/components/ui/view-switch';
import { monthOf } from '@/ledger/months';
import { useRefreshOnFocus } from '@/ledger/refresh';
import { useFormat } from '@/lib/locale-settings';
import { downloadFile } from '@/utils/download';
import { cn } from '@/utils/cn';
import { todayIso } from '@/utils/calendar-date';

import { insightQueries } from '../api/upcoming';
import { upcomingCalendar } from '../utils/ics';
import { dueWindow, groupByDate, splitDue } from '../utils/upcoming';
import { Card } from './card';
import { DueCalendar } from './due-calendar';
import {
  DayHeading,
  DueItem,
  type EventHref,
  type FindProperty,
} from './due-item';

/** Events a list shows before "Show all". */
const LIST_LIMIT = 8;

/**
 * What is due in the next 30 days and what fell due in the past 30, from
 * the events' dates, with a download of the upcoming ones for a phone's
 * calendar. Today counts as upcoming.
 */
export function UpcomingPayments({
  objects,
  eventHref,
}: {
  objects: readonly PropertyObject[] | undefined;
  eventHref: EventHref;
}) {
  const { t } = useTranslation(['insights', 'common']);
  const format = useFormat();
  const today = todayIso();
  const select = useCallback(
    (events: Event[]) => splitDue(events, today),
    [today],
  );
  const due = useQuery({ ...insightQueries.upcoming(today), select });
  // Back in the window: what another device saved in these months.
  const client = useQueryClient();
  useRefreshOnFocus(
    () => {
      const { from, to } = dueWindow(today);
      return [from, today, to].map(monthOf);
    },
    () => void client.invalidateQueries({ queryKey: insightQueries.all() }),
  );
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const headingId = useId();
  const nothingId = useId();

  const byId = useMemo(
    () => objects && new Map(objects.map((object) => [object.id, object])),
    [objects],
  );
  const findProperty = useCallback<FindProperty>(
    (id) => byId && (byId.get(id) ?? null),
    [byId],
  );

  const upcoming = due.data?.upcoming;
  const overdue = due.data?.overdue;
  const all = useMemo(
    () => overdue && upcoming && [...overdue, ...upcoming],
    [overdue, upcoming],
  );
  const nothingUpcoming = upcoming?.length === 0;
  const download = () => {
    if (!upcoming || !byId) return;
    const ics = upcomingCalendar(upcoming, {
      now: new Date(),
      object: (id) => byId.get(id),
      money: format.money,
      labels: {
        income: t('upcoming.income'),
        expense: t('upcoming.expense'),
        unknownObject: t('upcoming.unknownObject'),
      },
    });
    downloadFile(
      `smartcomm-upcoming-${today}.ics`,
      ics,
      'text/calendar;charset=utf-8',
    );
  };

  return (
    <Card
      labelledBy={headingId}
      className="@container"
      title={
        <h2 id={headingId} className="font-semibold">
          {t('upcoming.title')}
        </h2>
      }
      actions={
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <ViewSwitch
            label={t('upcoming.view.label')}
            value={view}
            onChange={setView}
            options={[
              { value: 'list', label: t('upcoming.view.list') },
              { value: 'calendar', label: t('upcoming.view.calendar') },
            ]}
          />
          {nothingUpcoming && (
            <p id={nothingId} className="text-sm text-fg-muted">
              {t('upcoming.ics.nothing')}
            </p>
          )}
          <Button
            variant="secondary"
            size="sm"
            onClick={download}
            disabled={!upcoming?.length || !byId}
            aria-describedby={nothingUpcoming ? nothingId : undefined}
          >
            <CalendarIcon />
            {t('upcoming.ics.download')}
          </Button>
        </div>
      }
    >
      {due.isError ? (
        <QueryError error={due.error} onRetry={() => void due.refetch()} />
      ) : view === 'calendar' ? (
        <DueCalendar
          events={all}
          today={today}
          findProperty={findProperty}
          eventHref={eventHref}
        />
      ) : (
        <div className="grid gap-x-6 gap-y-4 @3xl:grid-cols-2">
          <DueList
            title={t('upcoming.next.title')}
            events={upcoming}
            today={today}
            findProperty={findProperty}
            eventHref={eventHref}
            empty={
              <>
                <p className="font-medium">{t('upcoming.next.empty')}</p>
                <p className="mt-1 text-sm text-fg-muted">
                  {t('upcoming.next.emptyHint')}{' '}
                  <Link to="/events" className="text-primary underline">
                    {t('upcoming.next.addEvent')}
                  </Link>
                </p>
              </>
            }
          />
          <DueList
            title={t('upcoming.recent.title')}
            hint={t('upcoming.recent.hint')}
            events={overdue}
            today={today}
            findProperty={findProperty}
            eventHref={eventHref}
            empty={
              <p className="text-sm text-fg-muted">
                {t('upcoming.recent.empty')}
              </p>
            }
            className="border-t border-border pt-4 @3xl:border-t-0 @3xl:border-l @3xl:pt-0 @3xl:pl-6"
          />
        </div>
      )}
    </Card>
  );
}

type DueListProps = {
  title: string;
  hint?: string;
  /** In the order to show; undefined while loading. */
  events: readonly Event[] | undefined;
  today: string;
  findProperty: FindProperty;
  eventHref: EventHref;
  empty: ReactNode;
  className?: string;
};

function DueList({
  title,
  hint,
  events,
  today,
  findProperty,
  eventHref,
  empty,
  className,
}: DueListProps) {
  const { t } = useTranslation('insights');
  const format = useFormat();
  const [expanded, setExpanded] = useState(false);
  const headingId = useId();
  const listId = useId();
  const shown = events && (expanded ? events : events.slice(0, LIST_LIMIT));
  const count = events?.length;
  return (
    <section aria-labelledby={headingId} className={className}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h3 id={headingId} className="font-semibold">
          {title}
        </h3>
        <p className="tabular min-h-5 text-sm text-fg-muted">
          {count !== undefined &&
            t('upcoming.count', { count, formatted: format.number(count, 0) })}
        </p>
      </div>
      {hint && <p className="mt-0.5 text-sm text-fg-muted">{hint}</p>}
      {shown === undefined ? (
        <DueListSkeleton />
      ) : shown.length === 0 ? (
        <div className="mt-3">{empty}</div>
      ) : (
        <ol id={listId} className="mt-1">
          {groupByDate(shown).map((group) => (
            <li key={group.date}>
              <DayHeading date={group.date} today={today} />
              <ul>
                {group.events.map((event) => (
                  <DueItem
                    key={event.id}
                    event={event}
                    object={findProperty(event.object_id)}
                    href={eventHref(event)}
                  />
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {count !== undefined && count > LIST_LIMIT && (
        <Button
          variant="ghost"
          size="sm"
          className="mt-2 -ml-3 text-primary"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded
            ? t('upcoming.showFewer')
            : t('upcoming.showAll', {
                count,
                formatted: format.number(count, 0),
              })}
        </Button>
      )}
    </section>
  );
}

/** A full list's shape: LIST_LIMIT rows in a few days, then "Show all". */
function DueListSkeleton() {
  return (
    <div aria-hidden="true" className="mt-1">
      {[3, 3, 2].map((rows, group) => (
        <div key={group}>
          <div className="mt-3 mb-1 flex h-5 items-center gap-2">
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-4 w-24" />
          </div>
          {Array.from({ length: rows }, (_, row) => (
            <div
              key={row}
              className={cn(
                'grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 py-2',
                row > 0 && 'border-t border-border',
              )}
            >
              <div className="col-span-2 flex h-6 items-center @md:col-span-1">
                <Skeleton className="h-4 w-36" />
              </div>
              <div className="flex h-5 items-center @md:col-start-1 @md:row-start-2">
                <Skeleton className={cn('h-3.5', row ? 'w-28' : 'w-44')} />
              </div>
              <div className="flex h-5 items-center @md:col-start-2 @md:row-start-1">
                <Skeleton className="h-4 w-24" />
              </div>
            </div>
          ))}
        </div>
      ))}
      <div className="mt-2 h-8" />
    </div>
  );
}

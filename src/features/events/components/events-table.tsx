import {
  defaultRangeExtractor,
  useWindowVirtualizer,
  type Range,
} from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
  type Ref,
} from 'react';
import { useTranslation } from 'react-i18next';

import type { Event } from '@/api/generated';
import { Skeleton, Spinner } from '@/components/ui/spinner';
import { useFormat } from '@/lib/locale-settings';
import { cn } from '@/utils/cn';
import { matchIn, type RowSort, type SortKey } from '../utils/row-view';
import { signedMoney } from '@/components/ui/signed-money';

/** Rows have fixed heights, so nothing is measured while scrolling. */
// A card has a line for the property, unless all rows are of one.
const ROW_HEIGHT = { table: 44, card: 80, cardWithoutObject: 62 } as const;
const OVERSCAN = 8;
const SKELETON_ROWS = 10;

// From md up a table; below it (phones) each row is a card.
const WIDE = '(min-width: 768px)';

let wideQuery: MediaQueryList | null | undefined;
function wideMedia(): MediaQueryList | null {
  // Without matchMedia (jsdom) there is no query: the table layout.
  wideQuery ??= window.matchMedia?.(WIDE) ?? null;
  return wideQuery;
}

function subscribeToWidth(onChange: () => void) {
  const query = wideMedia();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

function useWideLayout(): boolean {
  return useSyncExternalStore(
    subscribeToWidth,
    () => wideMedia()?.matches ?? true,
  );
}

// Placeholders that no translation contains, to split a text around them.
const MARK = ['\u0000a\u0000', '\u0000b\u0000'] as const;

/** A translated text with one or two blanks, filled without i18next. */
function fill(text: string) {
  return (first: string, second = '') =>
    text.replace(MARK[0], first).replace(MARK[1], second);
}

/**
 * Everything a row says, made once per table rather than per row: rows
 * mount by the dozen while scrolling, and translating and formatting in
 * each of them costs more than the rest of the row.
 */
function useRowText() {
  const { t } = useTranslation('events');
  const format = useFormat();
  return useMemo(() => {
    const dates = new Map<string, string>();
    return {
      date: (iso: string) => {
        let text = dates.get(iso);
        if (text === undefined) {
          text = format.date(iso);
          dates.set(iso, text);
        }
        return text;
      },
      money: format.money,
      signed: (amount: number) => signedMoney(amount, format.money),
      income: t('columns.income'),
      expense: t('columns.expense'),
      noDescription: t('table.noDescription'),
      saving: t('table.saving'),
      rowName: fill(
        t('actions.rowName', { date: MARK[0], description: MARK[1] }),
      ),
      edit: fill(t('actions.edit', { name: MARK[0] })),
    };
  }, [t, format]);
}

type RowText = ReturnType<typeof useRowText>;

const columns = {
  withObject:
    'md:grid-cols-[9.5rem_minmax(7rem,15rem)_minmax(0,1fr)_11rem_11rem_11rem]',
  withoutObject: 'md:grid-cols-[9.5rem_minmax(0,1fr)_11rem_11rem_11rem]',
};

// The amount columns fit the largest amount the form takes
// (+999 999 999 999 ₽), so no figure spills into its neighbour.

// One row, two layouts: a grid line of the table from md up, a three-line
// card below it (description and amount, date, property).
const rowClass =
  'grid grid-cols-[minmax(0,1fr)_auto] content-center gap-x-3 border-b border-border px-4 text-sm md:items-center md:gap-0 md:px-0';
const cellClass = 'min-w-0 md:px-3';
const place = {
  description: 'max-md:col-start-1 max-md:row-start-1 max-md:font-medium',
  date: 'max-md:col-start-1 max-md:row-start-2 max-md:text-xs max-md:text-fg-muted',
  object:
    'max-md:col-start-1 max-md:row-start-3 max-md:text-xs max-md:text-fg-muted',
  first: 'max-md:col-start-2 max-md:row-start-1 max-md:font-medium',
  second: 'max-md:col-start-2 max-md:row-start-2 max-md:text-xs',
};

export type EventsTableProps = {
  /** The loaded rows, in list order; undefined while the first page loads. */
  events: readonly Event[] | undefined;
  /** A property's name; undefined while the properties load. */
  objectName: (id: number) => string | undefined;
  /** Off on a property's own page, where every row is of that property. */
  showObject?: boolean;
  /** Rows of the previous filter are shown while the new one loads. */
  busy?: boolean;
  /** All rows of the filter when known, for screen readers. */
  rowCount?: number;
  /** Opens an event; each row is one button for it. */
  onEdit?: (event: Event) => void;
  /** Under the rows: Load more, the end of the list, or an error. */
  footer?: ReactNode;
  /** The order of the rows; the column headings sort by their column. */
  sort?: RowSort;
  onSort?: (sort: RowSort) => void;
  /** Each row's running balance in date order, once every row is known. */
  balance?: ReadonlyMap<number, number> | undefined;
  /** A folded search to mark in the descriptions. */
  query?: string;
  /** Lets the page scroll a row into view ("go to month"). */
  handle?: Ref<EventsTableHandle>;
};

export type EventsTableHandle = {
  /** Scrolls the row at `index` to the top and gives its button focus. */
  showRow: (index: number) => void;
};

/**
 * The ledger's rows, virtualised against the page's own scroll: only the
 * rows in view (and a few around them) are in the DOM, whatever the count.
 * Screen readers get a table with its full row count and each row's index.
 */
export function EventsTable({
  events,
  objectName,
  showObject = true,
  busy = false,
  rowCount,
  onEdit,
  footer,
  sort,
  onSort,
  balance,
  query = '',
  handle,
}: EventsTableProps) {
  const { t } = useTranslation('events');
  const text = useRowText();
  const wide = useWideLayout();
  const rowHeight = wide
    ? ROW_HEIGHT.table
    : showObject
      ? ROW_HEIGHT.card
      : ROW_HEIGHT.cardWithoutObject;
  const layout = showObject ? columns.withObject : columns.withoutObject;

  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const loaded = events !== undefined;
  // The rows start below filters and totals whose height can change.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const measure = () =>
      setScrollMargin(body.getBoundingClientRect().top + window.scrollY);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [loaded]);

  // A focused row stays rendered when it scrolls away, so focus is not lost.
  const focusedIndex = useRef<number | null>(null);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const focused = focusedIndex.current;
    if (focused === null || focused >= range.count) return indexes;
    if (indexes.includes(focused)) return indexes;
    return [...indexes, focused].sort((a, b) => a - b);
  }, []);
  const getItemKey = useCallback(
    (index: number) => events?.[index]?.id ?? index,
    [events],
  );

  const virtualizer = useWindowVirtualizer({
    count: events?.length ?? 0,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey,
    rangeExtractor,
    // Rows for a new scroll position render in React's own task, not inside
    // the scroll event: no single long task while scrolling fast.
    useFlushSync: false,
  });
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  // The row takes focus once the scroll has rendered it.
  const [focusAfterScroll, setFocusAfterScroll] = useState<number | null>(null);
  useImperativeHandle(
    handle,
    () => ({
      showRow: (index) => {
        virtualizer.scrollToIndex(index, { align: 'start' });
        setFocusAfterScroll(index);
      },
    }),
    [virtualizer],
  );

  const header = (
    <div role="rowgroup" className="sticky top-14 z-10 max-md:hidden">
      <div
        role="row"
        aria-rowindex={1}
        className={cn(
          'grid rounded-t-lg border-b border-border bg-surface-muted text-left text-sm text-fg-muted',
          layout,
        )}
      >
        <SortHeader column="date" sort={sort} onSort={onSort}>
          {t('columns.date')}
        </SortHeader>
        {showObject && (
          <SortHeader column="object" sort={sort} onSort={onSort}>
            {t('columns.object')}
          </SortHeader>
        )}
        <div role="columnheader" className="px-3 py-2 font-medium">
          {t('columns.description')}
        </div>
        <SortHeader column="income" sort={sort} onSort={onSort} end>
          {t('columns.income')}
        </SortHeader>
        <SortHeader column="expense" sort={sort} onSort={onSort} end>
          {t('columns.expense')}
        </SortHeader>
        <div role="columnheader" className="px-3 py-2 text-right font-medium">
          {t('columns.balance')}
        </div>
      </div>
    </div>
  );

  return (
    <>
      <div
        role="table"
        aria-label={t('table.label')}
        aria-rowcount={
          events === undefined ? -1 : (rowCount ?? events.length) + 1
        }
        aria-busy={busy || events === undefined}
        className="rounded-lg border border-border bg-surface"
      >
        {header}
        {events === undefined ? (
          <div role="rowgroup">
            {Array.from({ length: SKELETON_ROWS }, (_, index) => (
              <SkeletonRow
                key={index}
                index={index}
                height={rowHeight}
                className={layout}
                showObject={showObject}
              />
            ))}
          </div>
        ) : (
          <div
            ref={bodyRef}
            role="rowgroup"
            className={cn(
              'relative [contain:strict] [overflow-anchor:none] transition-opacity',
              busy && 'opacity-60',
            )}
            style={{ height: virtualizer.getTotalSize() }}
            onFocus={(event) => {
              setFocusAfterScroll(null);
              const row = (event.target as HTMLElement).closest('[data-index]');
              focusedIndex.current = row
                ? Number(row.getAttribute('data-index'))
                : null;
            }}
            onBlur={() => {
              focusedIndex.current = null;
            }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const event = events[item.index];
              if (!event) return null;
              return (
                <EventRow
                  key={item.key}
                  event={event}
                  index={item.index}
                  top={item.start - scrollMargin}
                  height={rowHeight}
                  className={layout}
                  objectName={
                    showObject ? objectName(event.object_id) : undefined
                  }
                  showObject={showObject}
                  text={text}
                  onEdit={onEdit}
                  balance={balance?.get(event.id)}
                  query={query}
                  focus={item.index === focusAfterScroll}
                />
              );
            })}
          </div>
        )}
      </div>
      {footer}
    </>
  );
}

type EventRowProps = {
  event: Event;
  index: number;
  top: number;
  height: number;
  className: string;
  objectName: string | undefined;
  showObject: boolean;
  text: RowText;
  onEdit: ((event: Event) => void) | undefined;
  balance: number | undefined;
  query: string;
  /** Takes focus once rendered ("go to month"). */
  focus: boolean;
};

// The row's one button reaches over the whole row (its ::after), so the
// row opens on a click anywhere and is a single stop for the keyboard.
const rowButtonClass =
  "block w-full truncate text-start after:absolute after:inset-0 after:content-[''] hover:after:bg-fg/4 focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-focus";

/**
 * One event. Kept lean (no hooks, a handful of elements): rows mount by
 * the dozen on every flick of the wheel.
 */
const EventRow = memo(function EventRow({
  event,
  index,
  top,
  height,
  className,
  objectName,
  showObject,
  text,
  onEdit,
  balance,
  query,
  focus,
}: EventRowProps) {
  const date = text.date(event.notification_date);
  const description = event.description ? (
    <Marked text={event.description} query={query} />
  ) : (
    <span className="text-fg-muted">{text.noDescription}</span>
  );
  // On a card, the one amount there is goes on the first line.
  const expenseFirst = event.income === 0;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      className={cn(
        rowClass,
        className,
        'absolute top-0 left-0 w-full [contain:strict]',
      )}
      style={{ height, transform: `translateY(${top}px)` }}
    >
      <div
        role="cell"
        className={cn(cellClass, place.date, 'tabular truncate')}
      >
        {date}
      </div>
      {showObject && (
        <div
          role="cell"
          className={cn(cellClass, place.object, 'truncate')}
          dir="auto"
        >
          {objectName ?? <Skeleton className="h-4 w-24" />}
        </div>
      )}
      <div role="cell" className={cn(cellClass, place.description)} dir="auto">
        {event.id < 0 ? (
          // Not saved yet: nothing to open.
          <span className="flex items-center gap-2">
            <Spinner className="size-3 shrink-0 text-fg-muted" />
            <span className="truncate">{description}</span>
            <span className="sr-only">{text.saving}</span>
          </span>
        ) : (
          <button
            ref={focus ? focusOnMount : undefined}
            type="button"
            className={rowButtonClass}
            title={event.description || undefined}
            aria-label={text.edit(
              event.description ? text.rowName(date, event.description) : date,
            )}
            onClick={() => onEdit?.(event)}
          >
            {description}
          </button>
        )}
      </div>
      <AmountCell
        sign="+"
        label={text.income}
        amount={event.income}
        money={text.money}
        className={cn('text-income', place.first)}
      />
      <AmountCell
        sign="−"
        label={text.expense}
        amount={event.expense}
        money={text.money}
        className={cn(
          'text-expense',
          expenseFirst ? place.first : place.second,
        )}
      />
      <div
        role="cell"
        className={cn(
          cellClass,
          'tabular text-right whitespace-nowrap max-md:hidden',
          balance !== undefined && balance < 0 && 'text-expense',
        )}
      >
        {balance !== undefined && text.signed(balance)}
      </div>
    </div>
  );
});

const focusOnMount = (button: HTMLButtonElement | null) =>
  button?.focus({ preventScroll: true });

/** A description with the search's match marked. */
function Marked({ text, query }: { text: string; query: string }) {
  const match = matchIn(text, query);
  if (!match) return text;
  return (
    <>
      {text.slice(0, match.start)}
      <mark className="rounded-sm bg-warning-soft text-fg">
        {text.slice(match.start, match.end)}
      </mark>
      {text.slice(match.end)}
    </>
  );
}

/**
 * A column heading that sorts by its column: the first press sorts it the
 * way an owner looks first (newest dates, largest amounts, names A to Z),
 * the next the other way. Only the sorted column says how (`aria-sort`).
 */
function SortHeader({
  column,
  sort,
  onSort,
  end = false,
  children,
}: {
  column: SortKey;
  sort: RowSort | undefined;
  onSort: ((sort: RowSort) => void) | undefined;
  end?: boolean;
  children: ReactNode;
}) {
  const active = sort?.key === column;
  const firstDescending = column !== 'object';
  const descending = active ? sort.descending : firstDescending;
  return (
    <div
      role="columnheader"
      aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}
      className="px-1.5 py-1 font-medium"
    >
      <button
        type="button"
        disabled={!onSort}
        onClick={() =>
          onSort?.({
            key: column,
            descending: active ? !sort.descending : firstDescending,
          })
        }
        className={cn(
          'flex w-full items-center gap-1 rounded px-1.5 py-1 hover:bg-surface hover:text-fg disabled:hover:bg-transparent',
          end && 'flex-row-reverse text-right',
          active && 'text-fg',
        )}
      >
        {children}
        <span aria-hidden="true" className={cn(!active && 'invisible')}>
          {descending ? '↓' : '↑'}
        </span>
      </button>
    </div>
  );
}

function AmountCell({
  sign,
  label,
  amount,
  money,
  className,
}: {
  sign: string;
  label: string;
  amount: number;
  money: (amount: number) => string;
  className: string;
}) {
  return (
    <div
      role="cell"
      className={cn(
        cellClass,
        'tabular text-right whitespace-nowrap',
        amount === 0 ? 'max-md:hidden' : className,
      )}
    >
      {amount > 0 && (
        <>
          {/* Cards have no column headings; a screen reader hears the kind. */}
          <span className="sr-only md:hidden">{label} </span>
          {sign}
          {money(amount)}
        </>
      )}
    </div>
  );
}

function SkeletonRow({
  index,
  height,
  className,
  showObject,
}: {
  index: number;
  height: number;
  className: string;
  showObject: boolean;
}) {
  // Varied widths read as text rather than as a grid of bars.
  const width = ['w-3/4', 'w-1/2', 'w-2/3', 'w-5/6'][index % 4];
  return (
    <div
      role="row"
      aria-hidden="true"
      className={cn(rowClass, className)}
      style={{ height }}
    >
      <div className={cn(cellClass, place.date)}>
        <Skeleton className="h-4 w-20" />
      </div>
      {showObject && (
        <div className={cn(cellClass, place.object)}>
          <Skeleton className="h-4 w-28" />
        </div>
      )}
      <div className={cn(cellClass, place.description)}>
        <Skeleton className={cn('h-4', width)} />
      </div>
      <div className={cn(cellClass, place.first)}>
        <Skeleton className="ml-auto h-4 w-20" />
      </div>
      <div className={cn(cellClass, 'max-md:hidden')} />
    </div>
  );
}

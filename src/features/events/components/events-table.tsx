import {
  defaultRangeExtractor,
  useWindowVirtualizer,
  type Range,
} from '@tanstack/react-virtual';
import {
  useCallback,
  useDeferredValue,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type Ref,
} from 'react';

import { useTranslation } from '@/lib/i18n';
import type { Event } from '@/api/generated';
import { useOutboxMarks } from '@/lib/outbox';
import { cn } from '@/utils/cn';

import type { RowSort } from '../utils/row-view';
import { EventRow, SkeletonRow, useRowText } from './event-row';
import { SortHeader } from './sort-header';
import { useTableLayout } from './table-layout';
import type { Selection } from './use-selection';

const OVERSCAN = 8;
const SKELETON_ROWS = 10;

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
  /** D on a row: a new event like it, dated today. */
  onDuplicate?: (event: Event) => void;
  /** While rows are being selected: a check per row and one for all. */
  selection?: Selection | undefined;
  /** Under the rows: Load more, the end of the list, or an error. */
  footer?: ReactNode;
  /** The order of the rows; the column headings sort by their column. */
  sort?: RowSort;
  onSort?: (sort: RowSort) => void;
  /**
   * By position in `events`: each row's running balance in date order,
   * once every row is known.
   */
  balance?: Float64Array | undefined;
  /** A folded search to mark in the descriptions. */
  query?: string;
  /** Lets the page scroll a row into view ("go to month"). */
  handle?: Ref<EventsTableHandle>;
};

export type EventsTableHandle = {
  /** Scrolls the row at `index` to the top and gives its button focus. */
  showRow: (index: number) => void;
  /** The rows on screen now (and the few rendered around them). */
  shownRows: () => Event[];
};

/**
 * The ledger's rows, virtualised against the page's own scroll: only the
 * rows in view (and a few around them) are in the DOM, whatever the count.
 * Screen readers get a table with its full row count and each row's index.
 *
 * New rows (a filter's, a search's, a sort's) render as a transition: React
 * renders them in slices while the page stays responsive, and the rows on
 * screen stay (marked busy) until the new ones are ready.
 */
export function EventsTable({
  events: givenEvents,
  objectName,
  showObject = true,
  busy = false,
  rowCount,
  onEdit,
  onDuplicate,
  selection,
  footer,
  sort,
  onSort,
  balance: givenBalance,
  query: givenQuery = '',
  handle,
}: EventsTableProps) {
  const { t } = useTranslation('events');
  const text = useRowText();
  const outbox = useOutboxMarks();
  const selecting = selection?.active === true;
  const { rowHeight, columns: layout } = useTableLayout(showObject, selecting);
  const events = useDeferredValue(givenEvents);
  const balance = useDeferredValue(givenBalance);
  const query = useDeferredValue(givenQuery);
  const pending = events !== givenEvents;

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
      shownRows: () =>
        virtualizer
          .getVirtualItems()
          .flatMap((item) => events?.[item.index] ?? []),
    }),
    [virtualizer, events],
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
        {selecting && (
          <div
            role="columnheader"
            className="flex items-center justify-center px-3"
          >
            <SelectAllCheck selection={selection} total={events?.length} />
          </div>
        )}
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
        aria-busy={busy || pending || events === undefined}
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
              (busy || pending) && 'opacity-60',
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
                  onDuplicate={onDuplicate}
                  selected={selecting ? selection.ids.has(event.id) : undefined}
                  onToggle={selecting ? selection.toggle : undefined}
                  balance={balance?.[item.index]}
                  query={query}
                  focus={item.index === focusAfterScroll}
                  pending={outbox.get(event.id)}
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

/** Chooses every row shown, or none; partly checked while some are. */
function SelectAllCheck({
  selection,
  total = 0,
}: {
  selection: Selection;
  total: number | undefined;
}) {
  const { t } = useTranslation('events');
  const count = selection.chosen.length;
  return (
    <input
      type="checkbox"
      className="size-4 accent-primary"
      aria-label={t('selection.all', { count: total })}
      checked={total > 0 && count === total}
      ref={(input) => {
        if (input) input.indeterminate = count > 0 && count < total;
      }}
      onChange={() =>
        count === total ? selection.clear() : selection.selectAll()
      }
    />
  );
}

import {
  useCallback,
  useDeferredValue,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Event, PropertyObject } from '@/api/generated';
import { QueryError } from '@/components/errors/query-error';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useSignedMoney } from '@/components/ui/signed-money';
import { Spinner } from '@/components/ui/spinner';
import { useOpenAddRequest } from '@/hooks/use-open-add';
import { dropDraft, useDraft } from '@/lib/drafts';
import { useFormat } from '@/lib/locale-settings';
import { PlusIcon } from '@/components/ui/icons';

import { useEvents } from '../api/queries';
import { useEventTotals } from '@/ledger/totals';
import { useDeleteEvent } from '../api/use-delete-event';
import { ALL_TIME, type FilterProblem } from '../utils/filters';
import { EventFilterBar } from './event-filter-bar';
import {
  EVENT_DRAFT,
  EventFormDialog,
  type EventDraft,
} from './event-form-dialog';
import { EventTotals } from './event-totals';
import { EventsTable, type EventsTableHandle } from './events-table';
import { ExportButton, ExportStatus } from './export-events';
import { useEventFilters } from './use-event-filters';
import { useExportEvents } from './use-export-events';
import { useShortcut } from './use-shortcut';
import { useLedgerRows } from '@/ledger/rows';
import { adjustTotals, emptyPeriodTotals } from '@/ledger/sums';
import { todayIso } from '@/lib/format';
import {
  DEFAULT_VIEW,
  foldQuery,
  isDefaultView,
  narrowsRows,
  viewRows,
} from '../utils/row-view';
import { RowViewBar, useRowView } from './row-view-bar';

export { useEventFilters } from './use-event-filters';

type EventsLedgerProps = {
  /** The user's properties; undefined while they load. */
  objects: readonly PropertyObject[] | undefined;
  /** On a property's own page: only its events, and no property filter. */
  fixedObjectId?: number;
};

type EditorState = {
  event?: Event | undefined;
  draft?: EventDraft['values'] | undefined;
} | null;

/**
 * Events with their filters (kept in the address), the period's totals, a
 * virtualised table that loads page by page, and adding, editing and
 * deleting with Undo. Shown on /events and on each property's page.
 */
export function EventsLedger({ objects, fixedObjectId }: EventsLedgerProps) {
  const { t } = useTranslation(['events', 'common']);
  const format = useFormat();
  const { filters, filter, problems, setFilter } = useEventFilters({
    fixedObjectId,
  });
  // The first screen comes by cursor, one request; then every row of the
  // filter from the index, the months the totals read.
  const events = useEvents(filters);
  const index = useLedgerRows(filters);
  // Every row of this filter; while they come, the last filter's.
  const indexed = index.isPlaceholderData ? undefined : index.data;
  const listReady = events.data !== undefined && !events.isPlaceholderData;
  const totals = useEventTotals(filters);
  // Every row of the filter, once the index or the totals have them all.
  const rowCount =
    indexed?.length ??
    (!totals.isFetching && totals.data ? totals.data.all.count : undefined);
  const { fetchNextPage } = events;
  // Never restarts a page load already on its way.
  const loadMore = useCallback(
    () => void fetchNextPage({ cancelRefetch: false }),
    [fetchNextPage],
  );
  const paged = useMemo(
    () => events.data?.pages.flatMap((page) => page.data),
    [events.data],
  );
  // Search, kind and sort need every row: answered from the index, never
  // from a part of the rows.
  const [view, setView] = useRowView();
  const shownView = useDeferredValue(view);
  const exporter = useExportEvents(filters, view, objects);
  const waiting = indexed === undefined && !isDefaultView(view);
  const hasMore =
    indexed === undefined && listReady && !waiting && events.hasNextPage;
  const askedToAdd = useOpenAddRequest();
  const [editor, setEditor] = useState<EditorState>(askedToAdd ? {} : null);
  // A form the session ended under opens again, filled, for the same user;
  // an edit once its event is among the rows.
  const kept = useDraft<EventDraft>(EVENT_DRAFT);
  const keptEvent =
    kept?.eventId == null
      ? undefined
      : (indexed ?? paged)?.find((event) => event.id === kept.eventId);
  const shownEditor =
    editor ??
    (kept && (kept.eventId === null || keptEvent)
      ? { event: keptEvent, draft: kept.values }
      : null);
  const closeEditor = () => {
    setEditor(null);
    dropDraft(EVENT_DRAFT);
  };
  const [deleting, setDeleting] = useState<Event | null>(null);
  const remove = useDeleteEvent();
  const signed = useSignedMoney();

  const names = useMemo(
    () => objects && new Map(objects.map((object) => [object.id, object.name])),
    [objects],
  );
  const unknownObject = t('unknownObject');
  const objectName = useCallback(
    (id: number) => (names ? (names.get(id) ?? unknownObject) : undefined),
    [names, unknownObject],
  );
  const viewed = useMemo(
    () =>
      index.data &&
      viewRows(
        index.data,
        shownView,
        (id) => objectName(id) ?? '',
        format.locale,
      ),
    [index.data, shownView, objectName, format.locale],
  );
  // This filter's rows from the index, else its first screen by cursor,
  // else (marked busy) what was shown before: never a mix. A view that
  // needs every row shows none until the index has them.
  const rows =
    indexed !== undefined || waiting
      ? viewed?.rows
      : listReady
        ? paged
        : (viewed?.rows ?? paged);
  // Where each month's rows begin, when the rows are in date order.
  const monthStarts = useMemo(() => {
    if (!viewed || indexed === undefined || shownView.sort.key !== 'date') {
      return undefined;
    }
    const starts = new Map<string, number>();
    viewed.rows.forEach((event, index) => {
      const month = event.notification_date.slice(0, 7);
      if (!starts.has(month)) starts.set(month, index);
    });
    return starts;
  }, [viewed, indexed, shownView.sort.key]);
  const tableRef = useRef<EventsTableHandle>(null);
  const matching = useMemo(
    () =>
      viewed && narrowsRows(shownView)
        ? adjustTotals(emptyPeriodTotals(todayIso()), viewed.rows, 1)
        : undefined,
    [viewed, shownView],
  );
  const canAdd = objects !== undefined && objects.length > 0;
  const openAdd = useCallback(() => {
    if (canAdd) setEditor({});
  }, [canAdd]);
  useShortcut(
    'n',
    openAdd,
    canAdd && shownEditor === null && deleting === null,
  );
  const onEdit = useCallback((event: Event) => setEditor({ event }), []);

  const deleteEvent = (event: Event) => {
    setDeleting(null);
    void remove(event);
  };

  const unknownObjectId =
    fixedObjectId === undefined &&
    filter.objectId !== undefined &&
    objects !== undefined &&
    !objects.some((object) => object.id === filter.objectId);
  const busy =
    indexed === undefined && ((waiting && viewed !== undefined) || !listReady);
  const narrowed =
    filter.period.preset !== 'all' || filter.objectId !== undefined;

  // Made once: the bar does not re-render while pages load.
  const addButton = useMemo(
    () => (
      <Button
        onClick={openAdd}
        disabled={!canAdd}
        aria-keyshortcuts="n"
        title={t('actions.addShortcut')}
      >
        <PlusIcon />
        {t('actions.add')}
      </Button>
    ),
    [openAdd, canAdd, t],
  );
  const exporting = exporter.state.status === 'running';
  const { start: startExport, buttonRef: exportRef } = exporter;
  const exportEmpty = (rows?.length === 0 && !busy) || rowCount === 0;
  const toolbar = useMemo(
    () => (
      <>
        <ExportButton
          ref={exportRef}
          running={exporting}
          ready={objects !== undefined}
          emptyReason={exportEmpty ? t('export.empty') : undefined}
          onExport={() => void startExport()}
        />
        {addButton}
      </>
    ),
    [exportRef, exporting, objects, exportEmpty, startExport, addButton, t],
  );

  let body: ReactNode;
  if (events.isError && !rows) {
    body = (
      <QueryError
        error={events.error}
        onRetry={() => {
          void events.refetch();
          // The totals failed with it, most likely: one Retry for both.
          if (totals.isError) void totals.refetch();
        }}
      />
    );
  } else if (rows?.length === 0 && narrowsRows(shownView)) {
    body = (
      <EmptyState title={t('view.none')}>
        <Button
          variant="secondary"
          onClick={() => setView({ ...DEFAULT_VIEW, sort: view.sort })}
        >
          {t('view.clear')}
        </Button>
      </EmptyState>
    );
  } else if (rows?.length === 0 && !busy && !hasMore) {
    body =
      objects?.length === 0 ? (
        <EmptyState
          title={t('emptyState.firstTitle')}
          body={t('emptyState.noObjectsBody')}
        >
          <Link to="/objects" className={buttonClass('primary')}>
            {t('emptyState.addObject')}
          </Link>
        </EmptyState>
      ) : (
        <EmptyState
          title={t(narrowed ? 'emptyState.title' : 'emptyState.firstTitle')}
          body={t(narrowed ? 'emptyState.body' : 'emptyState.firstBody')}
        >
          <Button onClick={openAdd} disabled={!canAdd}>
            {t('actions.add')}
          </Button>
          {narrowed && (
            <Button variant="secondary" onClick={() => setFilter(ALL_TIME)}>
              {t('emptyState.showAll')}
            </Button>
          )}
        </EmptyState>
      );
  } else {
    body = (
      <EventsTable
        events={rows}
        objectName={objectName}
        showObject={fixedObjectId === undefined}
        busy={busy || (viewed !== undefined && shownView !== view)}
        rowCount={indexed && viewed ? viewed.rows.length : rowCount}
        onEdit={onEdit}
        sort={view.sort}
        onSort={(sort) => setView({ ...view, sort })}
        balance={viewed && rows === viewed.rows ? viewed.balance : undefined}
        query={foldQuery(shownView.query)}
        handle={tableRef}
        footer={
          rows &&
          !busy && (
            <LedgerFooter
              loaded={rows.length}
              hasMore={hasMore}
              loading={events.isFetchingNextPage}
              error={events.isFetchNextPageError ? events.error : null}
              onLoadMore={loadMore}
            />
          )
        }
      />
    );
  }

  return (
    <div>
      <EventFilterBar
        filter={filter}
        onChange={setFilter}
        objects={objects}
        showObject={fixedObjectId === undefined}
      >
        {toolbar}
      </EventFilterBar>
      <ExportStatus
        state={exporter.state}
        total={rowCount}
        onCancel={exporter.cancel}
        onRetry={exporter.retry}
      />
      {(problems.length > 0 || unknownObjectId) && (
        <FilterProblems
          problems={problems}
          unknownObject={unknownObjectId}
          onReset={() => setFilter(ALL_TIME)}
        />
      )}
      <RowViewBar
        view={view}
        onChange={setView}
        months={monthStarts && [...monthStarts.keys()]}
        onJump={(month) => {
          const index = monthStarts?.get(month);
          if (index !== undefined) tableRef.current?.showRow(index);
        }}
      />
      <EventTotals filters={filters} matching={matching} />
      {waiting && (
        <p role="status" className="mb-2 text-sm text-fg-muted">
          {t('view.waiting')}
        </p>
      )}
      {body}
      {shownEditor && objects && (
        <EventFormDialog
          event={shownEditor.event}
          draft={shownEditor.draft}
          objects={objects}
          defaultObjectId={fixedObjectId ?? filter.objectId}
          onClose={closeEditor}
          onDelete={(event) => {
            closeEditor();
            setDeleting(event);
          }}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => {
          if (!open) setDeleting(null);
        }}
        title={t('delete.title')}
        description={
          deleting &&
          t('delete.body', {
            date: format.date(deleting.notification_date),
            object: objectName(deleting.object_id) ?? '',
            amount: signed(deleting.income - deleting.expense),
          })
        }
        confirmLabel={t('common:actions.delete')}
        onConfirm={() => {
          if (deleting) deleteEvent(deleting);
        }}
      />
    </div>
  );
}

function EmptyState({
  title,
  body,
  children,
}: {
  title: string;
  body?: string;
  children: ReactNode;
}) {
  return (
    <section className="rounded-lg border border-dashed border-border-strong bg-surface px-6 py-12 text-center">
      <h2 className="text-lg font-semibold">{title}</h2>
      {body && <p className="mx-auto mt-1 max-w-md text-fg-muted">{body}</p>}
      <div className="mt-5 flex flex-wrap justify-center gap-2">{children}</div>
    </section>
  );
}

function FilterProblems({
  problems,
  unknownObject,
  onReset,
}: {
  problems: readonly FilterProblem[];
  unknownObject: boolean;
  onReset: () => void;
}) {
  const { t } = useTranslation(['events', 'common']);
  const lines = problems.map((problem) =>
    problem.kind === 'range'
      ? t('problems.range', { from: problem.from, to: problem.to })
      : t(`problems.${problem.kind}`, { value: problem.value }),
  );
  if (unknownObject) lines.push(t('problems.unknownObject'));
  return (
    <Alert
      tone="warning"
      className="mb-4"
      action={
        <Button variant="secondary" size="sm" onClick={onReset}>
          {t('problems.reset')}
        </Button>
      }
    >
      <p className="font-medium">{t('problems.title')}</p>
      <ul className="mt-1 list-disc pl-5">
        {lines.map((line) => (
          <li key={line} dir="auto">
            {line}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

type LedgerFooterProps = {
  loaded: number;
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  onLoadMore: () => void;
};

// How far below the screen the next page starts to load.
const NEAR_END_PX = 1200;

/**
 * Under the rows: a Load more button that also loads by itself as it
 * nears the screen (unless the last try failed), or the end of the list.
 * One page per approach: after a page lands, the button's place is read
 * afresh, so a page that pushed it out of reach never starts another.
 */
function LedgerFooter({
  loaded,
  hasMore,
  loading,
  error,
  onLoadMore,
}: LedgerFooterProps) {
  const { t } = useTranslation(['events', 'common']);
  const format = useFormat();
  const sentinel = useRef<HTMLButtonElement>(null);
  const failed = error !== null;
  const loadIfNear = useEffectEvent(() => {
    const element = sentinel.current;
    if (!element || !hasMore || loading || failed) return;
    const { top } = element.getBoundingClientRect();
    if (top <= window.innerHeight + NEAR_END_PX) onLoadMore();
  });
  useEffect(() => {
    const element = sentinel.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry?.isIntersecting) loadIfNear();
      },
      { rootMargin: `0px 0px ${NEAR_END_PX}px 0px` },
    );
    // Observed anew once a page has landed, so the first report says
    // whether the button is still near now, not where it was before.
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, loading]);

  const count = { count: loaded, formatted: format.number(loaded, 0) };
  return (
    <div className="mt-3 flex flex-col items-center gap-3 [overflow-anchor:none]">
      {failed && (
        <div className="w-full">
          <QueryError error={error} onRetry={onLoadMore} />
        </div>
      )}
      {hasMore ? (
        <div className="flex flex-wrap items-center justify-center gap-3">
          <p className="tabular text-sm text-fg-muted" aria-live="polite">
            {t('table.loaded', count)}
          </p>
          <Button
            ref={sentinel}
            variant="secondary"
            onClick={onLoadMore}
            disabled={loading}
          >
            {loading && <Spinner />}
            {loading ? t('table.loadingMore') : t('table.loadMore')}
          </Button>
        </div>
      ) : (
        <p className="tabular text-sm text-fg-muted">{t('table.end', count)}</p>
      )}
    </div>
  );
}

import {
  lazy,
  Suspense,
  useCallback,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Link } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import type { Event, PropertyObject } from '@/api/generated';
import { QueryError } from '@/components/errors/query-error';
import { Button, buttonClass } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { PlusIcon, UploadIcon } from '@/components/ui/icons';
import { useOpenAddRequest } from '@/hooks/use-open-add';
import { usePrintHeading } from '@/hooks/use-print-heading';
import { usePrinting } from '@/hooks/use-printing';
import { monthOf } from '@/ledger/months';
import { useRefreshOnFocus } from '@/ledger/refresh';
import { foldQuery } from '@/ledger/search';
import { dropDraft, useDraft } from '@/lib/drafts';
import { useFormat } from '@/lib/locale-settings';
import { useShortcut } from '@/hooks/use-shortcut';
import { todayIso } from '@/utils/calendar-date';

import { useDeleteEventsWithUndo } from '../api/use-bulk-events';
import { ALL_TIME } from '../utils/filters';
import { DEFAULT_VIEW, narrowsRows } from '../utils/row-view';
import { DeleteEventConfirm } from './delete-event-confirm';
import { EventFilterBar } from './event-filter-bar';
import {
  EVENT_DRAFT,
  EventFormDialog,
  type EventDraft,
} from './event-form-dialog';
import { EventTotals } from './event-totals';
import { EventsTable, type EventsTableHandle } from './events-table';
import { PrintedLedger } from './printed-ledger';
import { usePeriodText } from './use-period-text';
import { ExportButton, ExportStatus } from './export-events';
import { LedgerFooter } from './ledger-footer';
import { SelectionBar } from './selection-bar';
import { EmptyState, FilterProblems } from './ledger-notices';
import { RowViewBar, useRowView } from './row-view-bar';
import { useEventFilters } from './use-event-filters';
import { useExportEvents } from './use-export-events';
import { useLedgerView } from './use-ledger-view';
import { useOpenedEvent } from './use-opened-event';
import { useSelection } from './use-selection';

// Loaded when first opened: neither is part of the ledger's first paint.
const BulkEditDialog = lazy(() =>
  import('./bulk-edit-dialog').then((module) => ({
    default: module.BulkEditDialog,
  })),
);
const ImportEventsDialog = lazy(() =>
  import('./import-events-dialog').then((module) => ({
    default: module.ImportEventsDialog,
  })),
);

export { useEventFilters } from './use-event-filters';

type EventsLedgerProps = {
  /** The user's properties; undefined while they load. */
  objects: readonly PropertyObject[] | undefined;
  /** On a property's own page: only its events, and no property filter. */
  fixedObjectId?: number;
};

type EditorState = {
  event?: Event | undefined;
  /** A new event like this one, dated today. */
  copyOf?: Event | undefined;
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
  const [view, setView] = useRowView();
  const names = useMemo(
    () => objects && new Map(objects.map((object) => [object.id, object.name])),
    [objects],
  );
  const unknownObject = t('unknownObject');
  const objectName = useCallback(
    (id: number) => (names ? (names.get(id) ?? unknownObject) : undefined),
    [names, unknownObject],
  );
  const ledger = useLedgerView(filters, view, objectName, format.locale);
  const { events, totals, rows, rowCount, busy, hasMore } = ledger;
  const exporter = useExportEvents(filters, view, objects);
  const askedToAdd = useOpenAddRequest();
  const [editor, setEditor] = useState<EditorState>(askedToAdd ? {} : null);
  // A form the session ended under opens again, filled, for the same user;
  // an edit once its event is among the rows.
  const kept = useDraft<EventDraft>(EVENT_DRAFT);
  const keptEvent =
    kept?.eventId == null
      ? undefined
      : ledger.known?.find((event) => event.id === kept.eventId);
  // An address may name an event to open (an upcoming payment's link).
  const opened = useOpenedEvent();
  const shownEditor =
    editor ??
    (kept && (kept.eventId === null || keptEvent)
      ? { event: keptEvent, draft: kept.values }
      : null) ??
    (opened.event ? { event: opened.event } : null);
  const closeEditor = () => {
    setEditor(null);
    dropDraft(EVENT_DRAFT);
    if (opened.event) opened.close();
  };
  const [deleting, setDeleting] = useState<Event | null>(null);
  const selection = useSelection(rows);
  const [bulk, setBulk] = useState<'edit' | 'delete' | null>(null);
  const [importing, setImporting] = useState(false);
  const printing = usePrinting();
  const period = usePeriodText(filters);
  usePrintHeading('period', period);
  const deleteMany = useDeleteEventsWithUndo();
  const tableRef = useRef<EventsTableHandle>(null);
  const { monthStarts } = ledger;
  const jumpTo = useCallback(
    (month: string) => {
      const at = monthStarts?.get(month);
      if (at !== undefined) tableRef.current?.showRow(at);
    },
    [monthStarts],
  );
  const months = useMemo(
    () => monthStarts && [...monthStarts.keys()],
    [monthStarts],
  );
  // Back in the window: the months on screen again, and this one (where
  // another device most likely added something), if the filter holds it.
  useRefreshOnFocus(() => {
    const today = todayIso();
    const shown = (tableRef.current?.shownRows() ?? []).map((event) =>
      monthOf(event.notification_date),
    );
    const holdsToday =
      (filters.date_from ?? today) <= today &&
      (filters.date_to ?? today) >= today;
    return holdsToday ? [...shown, monthOf(today)] : shown;
  });
  const canAdd = objects !== undefined && objects.length > 0;
  const openAdd = useCallback(() => {
    if (canAdd) setEditor({});
  }, [canAdd]);
  // The shortcut goes through the button, so the dialog gives focus back
  // to it.
  const addRef = useRef<HTMLButtonElement>(null);
  useShortcut(
    'n',
    () => {
      addRef.current?.focus();
      openAdd();
    },
    canAdd && shownEditor === null && deleting === null,
  );
  const onEdit = useCallback((event: Event) => setEditor({ event }), []);
  const onDuplicate = useCallback(
    (event: Event) => setEditor({ copyOf: event }),
    [],
  );

  const unknownObjectId =
    fixedObjectId === undefined &&
    filter.objectId !== undefined &&
    objects !== undefined &&
    !objects.some((object) => object.id === filter.objectId);
  const narrowed =
    filter.period.preset !== 'all' || filter.objectId !== undefined;

  // Made once: the bar does not re-render while pages load.
  const addButton = useMemo(
    () => (
      <Button
        ref={addRef}
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
        {!selection.active && (
          <Button
            variant="secondary"
            disabled={!rows?.length}
            onClick={selection.start}
          >
            {t('selection.start')}
          </Button>
        )}
        <Button
          variant="secondary"
          disabled={!canAdd}
          aria-label={t('import.action')}
          className="max-sm:px-3"
          onClick={() => setImporting(true)}
        >
          <UploadIcon />
          <span className="max-sm:hidden">{t('import.action')}</span>
        </Button>
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
    [
      exportRef,
      exporting,
      objects,
      exportEmpty,
      startExport,
      addButton,
      canAdd,
      t,
      selection.active,
      selection.start,
      rows?.length,
    ],
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
  } else if (rows?.length === 0 && narrowsRows(ledger.shownView)) {
    body = (
      <EmptyState title={t('view.none')}>
        <Button
          variant="secondary"
          onClick={() =>
            setView({ query: DEFAULT_VIEW.query, kind: DEFAULT_VIEW.kind })
          }
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
          {!narrowed && (
            <Button variant="secondary" onClick={() => setImporting(true)}>
              <UploadIcon />
              {t('import.fromFile')}
            </Button>
          )}
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
        busy={busy || ledger.catchingUp}
        rowCount={rowCount}
        onEdit={onEdit}
        onDuplicate={canAdd ? onDuplicate : undefined}
        selection={selection}
        sort={view.sort}
        onSort={(sort) => setView({ sort })}
        balance={ledger.balance}
        query={foldQuery(ledger.shownView.query)}
        handle={tableRef}
        footer={
          rows &&
          !busy && (
            <LedgerFooter
              loaded={rows.length}
              hasMore={hasMore}
              loading={events.isFetchingNextPage}
              error={events.isFetchNextPageError ? events.error : null}
              onLoadMore={ledger.loadMore}
            />
          )
        }
      />
    );
  }

  const complete = rowCount !== undefined && rowCount === rows?.length;
  return (
    <div>
      <p className="mb-2 hidden font-medium print:block">{period}</p>
      <div className="print:hidden">
        <EventFilterBar
          filter={filter}
          onChange={setFilter}
          objects={objects}
          showObject={fixedObjectId === undefined}
        >
          {toolbar}
        </EventFilterBar>
      </div>
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
      <div className="print:hidden">
        <RowViewBar
          view={view}
          onChange={setView}
          months={months}
          onJump={jumpTo}
        />
      </div>
      <EventTotals filters={filters} matching={ledger.matching} />
      <SelectionBar
        selection={selection}
        total={rows?.length ?? 0}
        complete={complete}
        onEdit={() => setBulk('edit')}
        onDelete={() => setBulk('delete')}
        dialogOpen={bulk !== null || shownEditor !== null || deleting !== null}
      />
      {ledger.waiting && (
        <p role="status" className="mb-2 text-sm text-fg-muted">
          {t('view.waiting')}
        </p>
      )}
      <div className="print:hidden">{body}</div>
      {printing && rows && (
        <PrintedLedger
          rows={rows}
          complete={complete}
          objectName={objectName}
          showObject={fixedObjectId === undefined}
        />
      )}
      {shownEditor && objects && (
        <EventFormDialog
          // A new dialog when an edit turns into a copy.
          key={shownEditor.copyOf ? `copy-${shownEditor.copyOf.id}` : 'open'}
          event={shownEditor.event}
          copyOf={shownEditor.copyOf}
          draft={shownEditor.draft}
          objects={objects}
          defaultObjectId={fixedObjectId ?? filter.objectId}
          onClose={closeEditor}
          onDelete={(event) => {
            closeEditor();
            setDeleting(event);
          }}
          onDuplicate={onDuplicate}
        />
      )}
      {importing && objects && (
        <Suspense>
          <ImportEventsDialog
            objects={objects}
            objectId={fixedObjectId ?? filter.objectId}
            onClose={() => setImporting(false)}
          />
        </Suspense>
      )}
      {bulk === 'edit' && objects && (
        <Suspense>
          <BulkEditDialog
            events={selection.chosen}
            objects={objects}
            onFailed={selection.keep}
            onDone={() => {
              setBulk(null);
              selection.clear();
            }}
            onClose={() => setBulk(null)}
          />
        </Suspense>
      )}
      <ConfirmDialog
        open={bulk === 'delete'}
        onOpenChange={(open) => {
          if (!open) setBulk(null);
        }}
        title={t('selection.deleteTitle', { count: selection.chosen.length })}
        description={t('selection.deleteBody', {
          income: format.signedMoney(
            selection.chosen.reduce((sum, event) => sum + event.income, 0),
          ),
          expense: format.signedMoney(
            -selection.chosen.reduce((sum, event) => sum + event.expense, 0),
          ),
        })}
        confirmLabel={t('selection.deleteConfirm', {
          count: selection.chosen.length,
        })}
        onConfirm={() => {
          void deleteMany(selection.chosen);
          selection.clear();
          setBulk(null);
        }}
      />
      <DeleteEventConfirm
        event={deleting}
        objectName={objectName}
        onClose={() => setDeleting(null)}
      />
    </div>
  );
}

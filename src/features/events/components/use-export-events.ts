import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';

import { useTranslation } from '@/lib/i18n';
import type { Event, PropertyObject } from '@/api/generated';
import { showToast } from '@/components/ui/toaster';
import { inRange } from '@/ledger/order';
import { eventsOfRange } from '@/ledger/shards';
import { useFormat } from '@/lib/locale-settings';
import { csvDelimiter } from '@/utils/csv';
import { downloadFile } from '@/utils/download';
import { todayIso } from '@/utils/calendar-date';

import type { EventFilters } from '../api/queries';
import { viewRows, type RowView } from '../utils/row-view';
import { eventsToCsv, exportFileName } from '../utils/csv';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; rows: number }
  | { status: 'failed'; error: unknown };

const IDLE: ExportState = { status: 'idle' };

/**
 * Exports every event of the filter as the owner views it (the search, the
 * kind and the order; every row, not only those on screen) as a CSV
 * download in the UI's language and the spreadsheet conventions of its
 * locale. The rows come from the ledger's index: months it holds cost no
 * request. A new filter or leaving the page cancels an export under way.
 */
export function useExportEvents(
  filters: EventFilters,
  view: RowView,
  objects: readonly PropertyObject[] | undefined,
) {
  const { t } = useTranslation('events');
  const { locale, number } = useFormat();
  const queryClient = useQueryClient();
  const [state, setState] = useState<ExportState>(IDLE);
  const running = useRef<AbortController | null>(null);
  // Where focus goes when the panel that held it goes away.
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(
    () => () => {
      running.current?.abort();
      running.current = null;
      setState(IDLE);
    },
    [filters, view],
  );

  const start = useCallback(async () => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setState({ status: 'running', rows: 0 });
    const names = new Map(objects?.map((object) => [object.id, object.name]));
    const unknown = t('unknownObject');
    const nameOf = (id: number) => names.get(id) ?? unknown;
    let events: readonly Event[] = [];
    let rows = 0;
    try {
      const all = await eventsOfRange(
        queryClient,
        filters,
        todayIso(),
        controller.signal,
        (_month, shard) => {
          rows += shard.filter((event) => inRange(event, filters)).length;
          if (!controller.signal.aborted) setState({ status: 'running', rows });
        },
      );
      events = viewRows(all, view, nameOf, locale).rows;
    } catch (error) {
      if (controller.signal.aborted) return;
      running.current = null;
      setState({ status: 'failed', error });
      return;
    }
    if (controller.signal.aborted) return;
    running.current = null;
    setState(IDLE);
    if (events.length === 0) {
      showToast({ title: t('export.nothing') });
      return;
    }

    const objectId = filters.object_id;
    const fileName = exportFileName(
      filters,
      objectId === undefined
        ? undefined
        : { id: objectId, name: names.get(objectId) ?? '' },
    );
    const csv = eventsToCsv(events, {
      headers: {
        date: t('columns.date'),
        object: t('columns.object'),
        description: t('columns.description'),
        income: t('columns.income'),
        expense: t('columns.expense'),
      },
      objectName: nameOf,
      delimiter: csvDelimiter(locale),
    });
    downloadFile(fileName, csv, 'text/csv;charset=utf-8');
    showToast({
      title: t('export.done', {
        count: events.length,
        formatted: number(events.length, 0),
      }),
      description: fileName,
    });
  }, [filters, view, objects, t, locale, number, queryClient]);

  const cancel = useCallback(() => {
    running.current?.abort();
    running.current = null;
    setState(IDLE);
    buttonRef.current?.focus();
  }, []);

  const retry = useCallback(() => {
    buttonRef.current?.focus();
    void start();
  }, [start]);

  return { state, start, cancel, retry, buttonRef };
}

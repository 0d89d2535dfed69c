import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Event, PropertyObject } from '@/api/generated';
import { showToast } from '@/components/ui/toaster';
import { useFormat } from '@/lib/locale-settings';
import { downloadFile } from '@/utils/download';

import { walkEvents, type EventFilters } from '../api/queries';
import { csvDelimiter, eventsToCsv, exportFileName } from '../utils/csv';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; rows: number }
  | { status: 'failed'; error: unknown };

const IDLE: ExportState = { status: 'idle' };

/**
 * Exports every event of the filter (all pages, not only those on screen)
 * as a CSV download in the UI's language and the spreadsheet conventions of
 * its locale. A new filter or leaving the page cancels an export under way.
 */
export function useExportEvents(
  filters: EventFilters,
  objects: readonly PropertyObject[] | undefined,
) {
  const { t } = useTranslation('events');
  const { locale, number } = useFormat();
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
    [filters],
  );

  const start = useCallback(async () => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setState({ status: 'running', rows: 0 });
    const events: Event[] = [];
    try {
      await walkEvents(filters, controller.signal, (page) => {
        events.push(...page);
        if (!controller.signal.aborted) {
          setState({ status: 'running', rows: events.length });
        }
      });
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

    const names = new Map(objects?.map((object) => [object.id, object.name]));
    const unknown = t('unknownObject');
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
      objectName: (id) => names.get(id) ?? unknown,
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
  }, [filters, objects, t, locale, number]);

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

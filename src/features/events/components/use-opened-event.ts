import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import { toApiError } from '@/api/errors';
import type { Event } from '@/api/generated';
import { useErrorText } from '@/components/errors/use-error-text';
import { showToast } from '@/components/ui/toaster';
import { useSearchWriter } from '@/hooks/use-search-writer';

import { eventQueries } from '../api/queries';
import { EVENT_PARAM, openedEventId } from '../utils/filters';

export type OpenedEvent = {
  /** The event the address opens, once read; undefined otherwise. */
  event: Event | undefined;
  /** Takes the event out of the address (the dialog closed). */
  close: () => void;
};

/**
 * The event an address such as `/events?…&event=42` opens over the ledger
 * (an upcoming payment links to it), read from the server as it is now.
 * One that is no longer there says so and leaves the address; one that
 * could not be read says why and offers to try again.
 */
export function useOpenedEvent(): OpenedEvent {
  const { t } = useTranslation(['events', 'common']);
  const errorText = useErrorText();
  const [searchParams] = useSearchParams();
  const id = openedEventId(searchParams);
  const query = useQuery({
    ...eventQueries.detail(id ?? 0),
    enabled: id !== undefined,
  });
  const writeSearch = useSearchWriter();
  const close = useCallback(() => {
    writeSearch(
      (current) => {
        current.delete(EVENT_PARAM);
        return current;
      },
      { replace: true, preventScrollReset: true },
    );
  }, [writeSearch]);
  const { error, refetch } = query;
  // Each failure is told once, whatever else renders the page again.
  const told = useRef<unknown>(null);
  useEffect(() => {
    if (!error || told.current === error) return;
    told.current = error;
    if (toApiError(error).status === 404) {
      showToast({ title: t('opened.gone') });
      close();
      return;
    }
    showToast({
      tone: 'error',
      title: t('opened.failed'),
      description: errorText(error),
      action: {
        label: t('common:actions.retry'),
        onClick: () => void refetch(),
      },
    });
  }, [error, close, refetch, t, errorText]);
  return { event: id === undefined ? undefined : query.data, close };
}

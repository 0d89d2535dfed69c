import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { QueryError } from '@/components/errors/query-error';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton, Spinner } from '@/components/ui/spinner';
import { eventQueries, useEvents } from '@/features/events/api/queries';
import { EventsTable } from '@/features/events/components/events-table';
import { useObjects } from '@/features/objects/api/queries';

export const clientLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchInfiniteQuery(eventQueries.list({}));
  return null;
};

export function Component() {
  const { t } = useTranslation(['events', 'common']);
  const events = useEvents({});
  const objects = useObjects();
  const rows = events.data?.pages.flatMap((page) => page.data) ?? [];
  const names = new Map(
    objects.data?.map((object) => [object.id, object.name]),
  );
  return (
    <>
      <PageHeader title={t('title')} />
      {events.isError && (
        <QueryError
          error={events.error}
          onRetry={() => void events.refetch()}
        />
      )}
      {events.isPending && (
        <div aria-busy="true" className="space-y-2">
          {Array.from({ length: 8 }, (_, index) => (
            <Skeleton key={index} className="h-9 w-full" />
          ))}
        </div>
      )}
      {events.isSuccess && rows.length === 0 && (
        <p className="text-fg-muted">{t('empty')}</p>
      )}
      {rows.length > 0 && (
        <>
          <EventsTable
            events={rows}
            objectName={(id) => names.get(id) ?? t('unknownObject')}
          />
          <div className="mt-4 flex justify-center">
            {events.hasNextPage ? (
              <Button
                variant="secondary"
                onClick={() => void events.fetchNextPage()}
                disabled={events.isFetchingNextPage}
              >
                {events.isFetchingNextPage && <Spinner />}
                {events.isFetchingNextPage ? t('loadingMore') : t('loadMore')}
              </Button>
            ) : (
              <p className="text-sm text-fg-muted">
                {t('end', { count: rows.length })}
              </p>
            )}
          </div>
        </>
      )}
    </>
  );
}

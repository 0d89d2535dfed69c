import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { QueryError } from '@/components/errors/query-error';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton, Spinner } from '@/components/ui/spinner';
import { useCurrencies } from '@/features/dictionaries/api/queries';
import { eventQueries, useEvents } from '@/features/events/api/queries';
import { EventsTable } from '@/features/events/components/events-table';
import { useObjects } from '@/features/objects/api/queries';
import { useProfile } from '@/features/profile/api/queries';
import { formatMoney } from '@/lib/format';

export const clientLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchInfiniteQuery(eventQueries.list({}));
  return null;
};

export function Component() {
  const { t, i18n } = useTranslation();
  const events = useEvents({});
  const objects = useObjects();
  const profile = useProfile();
  const currencies = useCurrencies();
  const currency =
    profile.data && currencies.data?.byId.get(profile.data.currencyId)?.code;
  const rows = events.data?.pages.flatMap((page) => page.data) ?? [];
  const names = new Map(
    objects.data?.map((object) => [object.id, object.name]),
  );
  return (
    <>
      <PageHeader title={t('pages.events.title')} />
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
        <p className="text-fg-muted">{t('pages.events.empty')}</p>
      )}
      {rows.length > 0 && (
        <>
          <EventsTable
            events={rows}
            objectName={(id) =>
              names.get(id) ?? t('pages.events.unknownObject')
            }
            formatAmount={(amount) =>
              formatMoney(amount, currency, i18n.language)
            }
          />
          <div className="mt-4 flex justify-center">
            {events.hasNextPage ? (
              <Button
                variant="secondary"
                onClick={() => void events.fetchNextPage()}
                disabled={events.isFetchingNextPage}
              >
                {events.isFetchingNextPage && <Spinner />}
                {events.isFetchingNextPage
                  ? t('pages.events.loadingMore')
                  : t('pages.events.loadMore')}
              </Button>
            ) : (
              <p className="text-sm text-fg-muted">
                {t('pages.events.end', { count: rows.length })}
              </p>
            )}
          </div>
        </>
      )}
    </>
  );
}

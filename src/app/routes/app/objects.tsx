import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { QueryError } from '@/components/errors/query-error';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/spinner';
import { objectQueries, useObjects } from '@/features/objects/api/queries';
import { useFormat } from '@/lib/locale-settings';

export const clientLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(objectQueries.list());
  return null;
};

export function Component() {
  const { t } = useTranslation(['objects', 'common']);
  const format = useFormat();
  const objects = useObjects();
  return (
    <>
      <PageHeader title={t('title')}>
        {objects.data && (
          <p className="text-sm text-fg-muted">
            {t('count', { count: objects.data.length })}
          </p>
        )}
      </PageHeader>
      {objects.isError && (
        <QueryError
          error={objects.error}
          onRetry={() => void objects.refetch()}
        />
      )}
      {objects.isPending && (
        <ul
          aria-busy="true"
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
        >
          {Array.from({ length: 6 }, (_, index) => (
            <li
              key={index}
              className="rounded-lg border border-border bg-surface p-4"
            >
              <Skeleton className="h-5 w-40" />
              <Skeleton className="mt-2 h-4 w-56" />
            </li>
          ))}
        </ul>
      )}
      {objects.data?.length === 0 && (
        <p className="text-fg-muted">{t('empty')}</p>
      )}
      {objects.data && objects.data.length > 0 && (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {objects.data.map((object) => (
            <li
              key={object.id}
              className="rounded-lg border border-border bg-surface p-4"
            >
              <h2 className="truncate font-medium" dir="auto">
                {object.name}
              </h2>
              <p className="mt-1 truncate text-sm text-fg-muted" dir="auto">
                {object.address}
              </p>
              <p className="tabular mt-2 text-sm">
                {t('common:units.area', {
                  value: format.number(object.area),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

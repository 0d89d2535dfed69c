import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import { PageHeader } from '@/components/ui/page-header';
import { prefetchLedger } from '@/features/events/api/prefetch';
import { EventsLedger } from '@/features/events/components/events-ledger';
import { objectQueries, useObjects } from '@/features/objects/api/queries';
import { PropertiesError } from '@/features/objects/components/properties-error';

export const clientLoader =
  (queryClient: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    prefetchLedger(queryClient, new URL(request.url).searchParams);
    void queryClient.prefetchQuery(objectQueries.list());
    return null;
  };

export function Component() {
  const { t } = useTranslation(['events', 'common']);
  const objects = useObjects();
  return (
    <>
      <PageHeader title={t('title')} />
      <PropertiesError className="mb-4" />
      <EventsLedger objects={objects.data} />
    </>
  );
}

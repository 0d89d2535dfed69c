import {
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams, type LoaderFunctionArgs } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import { ApiError, toApiError } from '@/api/errors';
import { NotFound } from '@/components/errors/not-found';
import { QueryError } from '@/components/errors/query-error';
import { Skeleton } from '@/components/ui/spinner';
import { prefetchLedger } from '@/features/events/api/prefetch';
import { forgetObjectEvents } from '@/features/events/api/ledger-cache';
import { totalsQuery, useEventTotals } from '@/ledger/totals';
import {
  EventsLedger,
  useEventFilters,
} from '@/features/events/components/events-ledger';
import { usePeriodText } from '@/features/events/components/use-period-text';
import {
  ensureObject,
  useObject,
  useObjects,
} from '@/features/objects/api/queries';
import { DeletePropertyDialog } from '@/features/objects/components/delete-property-dialog';
import { PropertyFormDialog } from '@/features/objects/components/property-form-dialog';
import { PropertyHeader } from '@/features/objects/components/property-header';
import { PropertyPerArea } from '@/features/objects/components/property-per-area';

function objectId(param: string | undefined): number | null {
  const id = Number(param);
  return Number.isSafeInteger(id) && id >= 1 && String(id) === param
    ? id
    : null;
}

/**
 * Waits for the object (at once when the list already has it), so an id
 * that is gone or someone else's shows the not-found view, never a flash of
 * an empty page. The events start loading meanwhile; other failures are
 * left to the page, with Retry.
 */
export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const id = objectId(params.id);
    // Shown like the API's own 404 for an id that is not there.
    if (id === null) throw new ApiError({ kind: 'http', status: 404 });
    prefetchLedger(queryClient, new URL(request.url).searchParams, {
      fixedObjectId: id,
    });
    try {
      await ensureObject(queryClient, id);
    } catch (error) {
      if (toApiError(error).status === 404) throw error;
    }
    return null;
  };

export function Component() {
  const { t } = useTranslation(['objects', 'events', 'common']);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const object = useObject(id);
  const objects = useObjects();
  // The same filter and totals query as the ledger below: one walk for both.
  const { filters } = useEventFilters({ fixedObjectId: id });
  const totals = useEventTotals(filters);
  const period = usePeriodText(filters);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // All-time count, summed only while a delete is being confirmed.
  const allTime = useQuery({
    ...totalsQuery({ object_id: id }),
    enabled: deleting,
  });

  if (object.isError && toApiError(object.error).status === 404) {
    return <NotFound body={t('common:errors.notFound')} />;
  }
  if (!object.data) {
    return object.isError ? (
      <QueryError error={object.error} onRetry={() => void object.refetch()} />
    ) : (
      <Skeleton className="h-9 w-64" />
    );
  }

  return (
    <>
      <PropertyHeader
        property={object.data}
        onEdit={() => setEditing(true)}
        onDelete={() => setDeleting(true)}
      />
      <PropertyPerArea
        totals={totals.data?.all}
        area={object.data.area}
        period={period}
        failed={totals.isError}
      />
      <section aria-labelledby="object-events">
        <h2 id="object-events" className="mb-2 font-semibold">
          {t('events:title')}
        </h2>
        <EventsLedger objects={objects.data} fixedObjectId={id} />
      </section>
      {editing && (
        <PropertyFormDialog
          property={object.data}
          onClose={() => setEditing(false)}
        />
      )}
      <DeletePropertyDialog
        property={deleting ? object.data : null}
        eventCount={allTime.data?.all.count}
        onClose={() => setDeleting(false)}
        onHidden={() => void navigate('/objects')}
        onDeleted={(deleted) =>
          void forgetObjectEvents(queryClient, deleted.id)
        }
      />
    </>
  );
}

import {
  queryOptions,
  useQuery,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback } from 'react';

import type {
  PropertyObject,
  PropertyObjectListResponse,
} from '@/api/generated';
import {
  getObjectOptions,
  listObjectsOptions,
} from '@/api/generated/@tanstack/react-query.gen';
import {
  usePendingDeletes,
  withoutPendingDeletes,
} from '@/lib/pending-deletes';
import { isTemporary } from '@/lib/temporary-id';

export const objectQueries = {
  list: () => queryOptions({ ...listObjectsOptions() }),
  detail: (id: number) =>
    queryOptions({ ...getObjectOptions({ path: { id } }) }),
};

/** An object made optimistically has a temporary id until saved. */
export function isUnsaved(object: PropertyObject): boolean {
  return isTemporary(object.id);
}

/** The user's objects, without those waiting out their Undo window. */
export function useObjects() {
  const pending = usePendingDeletes();
  const select = useCallback(
    (response: PropertyObjectListResponse) =>
      withoutPendingDeletes('object', response.data, pending),
    [pending],
  );
  return useQuery({ ...objectQueries.list(), select });
}

export function useObject(id: number) {
  return useQuery({
    ...objectQueries.detail(id),
    select: (response) => response.data,
  });
}

/**
 * Loads one object for its page: a card the list already shows opens at
 * once (and is refreshed if stale); otherwise it is fetched.
 */
export function ensureObject(queryClient: QueryClient, id: number) {
  const detail = objectQueries.detail(id);
  if (queryClient.getQueryData(detail.queryKey) === undefined) {
    const list = queryClient.getQueryState(objectQueries.list().queryKey);
    const listed = list?.data?.data.find((object) => object.id === id);
    if (listed) {
      queryClient.setQueryData(
        detail.queryKey,
        { data: listed },
        { updatedAt: list?.dataUpdatedAt },
      );
    }
  }
  return queryClient.ensureQueryData({ ...detail, revalidateIfStale: true });
}

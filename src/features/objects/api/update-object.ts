import { useMutation, useQueryClient } from '@tanstack/react-query';

import {
  getObject,
  updateObject,
  type PropertyObject,
  type PropertyObjectUpdate,
} from '@/api/generated';
import { checkForConflict, conflictCurrent } from '@/lib/edit-conflicts';

import { objectQueries } from './queries';

export type UpdateObjectInput = {
  /** The object as shown when editing began. */
  object: PropertyObject;
  /** Only the fields that changed. */
  patch: PropertyObjectUpdate;
  /** The owner has just settled a conflict: `object` is as it is now. */
  settled?: boolean;
};

/**
 * Edits an object; the list and its page show the change at once and go
 * back to what they showed if the server refuses it. The object is read
 * first: when someone else changed a field of this edit meanwhile, it
 * throws an EditConflict and the screens show the object as it is now.
 */
export function useUpdateObject() {
  const queryClient = useQueryClient();
  const listKey = objectQueries.list().queryKey;

  const put = (object: PropertyObject) => {
    queryClient.setQueryData(
      listKey,
      (old) =>
        old && {
          ...old,
          data: old.data.map((item) => (item.id === object.id ? object : item)),
        },
    );
    queryClient.setQueryData(
      objectQueries.detail(object.id).queryKey,
      (old) => old && { ...old, data: object },
    );
  };

  return useMutation({
    mutationFn: async ({ object, patch, settled }: UpdateObjectInput) => {
      const path = { id: object.id };
      if (!settled) {
        const { data } = await getObject({ path });
        checkForConflict(object, data.data, patch);
      }
      const { data } = await updateObject({ path, body: patch });
      return data.data;
    },
    onMutate: async ({ object, patch }) => {
      await Promise.all([
        queryClient.cancelQueries({ queryKey: listKey }),
        queryClient.cancelQueries({
          queryKey: objectQueries.detail(object.id).queryKey,
        }),
      ]);
      put({ ...object, ...patch });
    },
    onSuccess: (updated) => put(updated),
    onError: (error, { object }) => {
      put(conflictCurrent<PropertyObject>(error) ?? object);
    },
    onSettled: (_data, _error, { object: { id } }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: listKey }),
        queryClient.invalidateQueries({
          queryKey: objectQueries.detail(id).queryKey,
        }),
      ]),
  });
}

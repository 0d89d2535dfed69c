import { useMutation, useQueryClient } from '@tanstack/react-query';

import {
  updateObject,
  type PropertyObject,
  type PropertyObjectUpdate,
} from '@/api/generated';

import { objectQueries } from './queries';

export type UpdateObjectInput = {
  id: number;
  /** Only the fields that changed. */
  patch: PropertyObjectUpdate;
};

/**
 * Edits an object; the list and its page show the change at once and go
 * back to what they showed if the server refuses it.
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
    mutationFn: async ({ id, patch }: UpdateObjectInput) => {
      const { data } = await updateObject({ path: { id }, body: patch });
      return data.data;
    },
    onMutate: async ({ id, patch }) => {
      const detailKey = objectQueries.detail(id).queryKey;
      await Promise.all([
        queryClient.cancelQueries({ queryKey: listKey }),
        queryClient.cancelQueries({ queryKey: detailKey }),
      ]);
      const before =
        queryClient.getQueryData(detailKey)?.data ??
        queryClient
          .getQueryData(listKey)
          ?.data.find((object) => object.id === id);
      if (before) put({ ...before, ...patch });
      return { before };
    },
    onSuccess: (updated) => put(updated),
    onError: (_error, _input, context) => {
      if (context?.before) put(context.before);
    },
    onSettled: (_data, _error, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: listKey }),
        queryClient.invalidateQueries({
          queryKey: objectQueries.detail(id).queryKey,
        }),
      ]),
  });
}

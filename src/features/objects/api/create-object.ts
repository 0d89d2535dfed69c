import { useMutation, useQueryClient } from '@tanstack/react-query';

import { createObject, type PropertyObjectCreate } from '@/api/generated';
import { temporaryId } from '@/lib/temporary-id';

import { objectQueries } from './queries';

/**
 * Creates an object; it shows in the list at once (with a temporary id) and
 * is taken out again if the server refuses it.
 */
export function useCreateObject() {
  const queryClient = useQueryClient();
  const listKey = objectQueries.list().queryKey;
  return useMutation({
    mutationFn: async (body: PropertyObjectCreate) => {
      const { data } = await createObject({ body });
      return data.data;
    },
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey: listKey });
      const temporary = { ...body, id: temporaryId() };
      queryClient.setQueryData(
        listKey,
        (old) => old && { ...old, data: [...old.data, temporary] },
      );
      return { temporaryId: temporary.id };
    },
    onSuccess: (created, _body, context) => {
      queryClient.setQueryData(
        listKey,
        (old) =>
          old && {
            ...old,
            data: old.data.map((object) =>
              object.id === context.temporaryId ? created : object,
            ),
          },
      );
    },
    onError: (_error, _body, context) => {
      if (!context) return;
      queryClient.setQueryData(
        listKey,
        (old) =>
          old && {
            ...old,
            data: old.data.filter(
              (object) => object.id !== context.temporaryId,
            ),
          },
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
}

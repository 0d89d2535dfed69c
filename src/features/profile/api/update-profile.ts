import { useMutation, useQueryClient } from '@tanstack/react-query';

import { updateProfileMutation } from '@/api/generated/@tanstack/react-query.gen';

import { profileQueries } from './queries';

/**
 * Saves changed profile fields. The answer replaces the cached profile at
 * once, so the language, currency and name follow everywhere without a
 * refetch.
 */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  const { queryKey } = profileQueries.me();
  return useMutation({
    ...updateProfileMutation(),
    onSuccess: async (response) => {
      // A refresh still on its way carries the profile from before the save.
      await queryClient.cancelQueries({ queryKey });
      queryClient.setQueryData(queryKey, response);
    },
  });
}

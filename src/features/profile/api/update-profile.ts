import { useMutation, useQueryClient } from '@tanstack/react-query';

import {
  getProfile,
  updateProfile,
  type ProfileUpdate,
  type User,
} from '@/api/generated';
import { checkForConflict, conflictCurrent } from '@/lib/edit-conflicts';

import { profileQueries } from './queries';

export type UpdateProfileInput = {
  /** The profile the form last knew. */
  user: User;
  /** Only the fields that changed. */
  patch: ProfileUpdate;
  /** The owner has just settled a conflict: `user` is as it is now. */
  settled?: boolean;
};

/**
 * Saves changed profile fields. The profile is read first: when someone
 * else changed a field of this edit meanwhile, it throws an EditConflict
 * (and the cached profile becomes the one on the server). The answer
 * replaces the cached profile at once, so the language, currency and name
 * follow everywhere without a refetch.
 */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  const { queryKey } = profileQueries.me();
  return useMutation({
    mutationFn: async ({ user, patch, settled }: UpdateProfileInput) => {
      if (!settled) {
        const { data } = await getProfile();
        checkForConflict(user, data.data, patch);
      }
      const { data } = await updateProfile({ body: patch });
      return data.data;
    },
    onSuccess: async (saved) => {
      // A refresh still on its way carries the profile from before the save.
      await queryClient.cancelQueries({ queryKey });
      queryClient.setQueryData(queryKey, { data: saved });
    },
    onError: (error) => {
      const current = conflictCurrent<User>(error);
      if (current) queryClient.setQueryData(queryKey, { data: current });
    },
  });
}

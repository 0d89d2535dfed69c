import { queryOptions, useQuery } from '@tanstack/react-query';

import { getProfileOptions } from '@/api/generated/@tanstack/react-query.gen';

export const profileQueries = {
  me: () => queryOptions({ ...getProfileOptions(), staleTime: 5 * 60_000 }),
};

export function useProfile() {
  return useQuery({
    ...profileQueries.me(),
    select: (response) => response.data,
  });
}

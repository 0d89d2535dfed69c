import { queryOptions, useQuery } from '@tanstack/react-query';

import { listObjectsOptions } from '@/api/generated/@tanstack/react-query.gen';

export const objectQueries = {
  list: () => queryOptions({ ...listObjectsOptions() }),
};

export function useObjects() {
  return useQuery({
    ...objectQueries.list(),
    select: (response) => response.data,
  });
}

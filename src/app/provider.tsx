import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Outlet } from 'react-router';

/**
 * The data layer for every route below it. It is a lazy route of its own so
 * that the sign-in page, the first page most visitors see, loads without it.
 */
export function AppProvider({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <Outlet />
    </QueryClientProvider>
  );
}

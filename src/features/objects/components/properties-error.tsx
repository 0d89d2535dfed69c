import { QueryError } from '@/components/errors/query-error';

import { useObjects } from '../api/queries';

/** Says the property list could not be read, with Retry; else nothing. */
export function PropertiesError({ className }: { className?: string }) {
  const objects = useObjects();
  if (!objects.isError) return null;
  return (
    <div className={className}>
      <QueryError
        error={objects.error}
        onRetry={() => void objects.refetch()}
      />
    </div>
  );
}

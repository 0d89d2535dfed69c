import { useTranslation } from '@/lib/i18n';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

import { useErrorText } from './use-error-text';

/** An inline error for a failed read, with Retry. */
export function QueryError({
  error,
  onRetry,
}: {
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <Alert
      action={
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {t('actions.retry')}
        </Button>
      }
    >
      {errorText(error)}
    </Alert>
  );
}

import type { Ref } from 'react';

import { useTranslation } from '@/lib/i18n';
import { useErrorText } from '@/components/errors/use-error-text';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useFormat } from '@/lib/locale-settings';
import { cn } from '@/utils/cn';
import { DownloadIcon } from '@/components/ui/icons';

import type { ExportState } from './use-export-events';

type ExportButtonProps = {
  running: boolean;
  /** Why there is nothing to export, if so. */
  emptyReason?: string | undefined;
  /** False while the properties (for their names) load. */
  ready: boolean;
  onExport: () => void;
  ref?: Ref<HTMLButtonElement>;
};

/** "Export CSV" in the ledger's toolbar. */
export function ExportButton({
  running,
  emptyReason,
  ready,
  onExport,
  ref,
}: ExportButtonProps) {
  const { t } = useTranslation('events');
  return (
    <Button
      ref={ref}
      variant="secondary"
      // Stays focusable while running, so focus is not lost to the page.
      aria-disabled={running || undefined}
      disabled={!ready || emptyReason !== undefined}
      title={emptyReason}
      aria-label={t('export.action')}
      className="aria-disabled:cursor-progress max-sm:px-3"
      onClick={() => {
        if (!running) onExport();
      }}
    >
      {running ? <Spinner /> : <DownloadIcon />}
      {/* Phones have no room for two long labels in the toolbar. */}
      <span className="max-sm:hidden">{t('export.action')}</span>
      <span className="sm:hidden">{t('export.short')}</span>
    </Button>
  );
}

type ExportStatusProps = {
  state: ExportState;
  /** All rows of the filter, once the totals have counted them. */
  total: number | undefined;
  onCancel: () => void;
  onRetry: () => void;
};

/**
 * The progress of an export (announced politely) with Cancel, or why it
 * failed with Retry. The live region stays mounted so each change is read.
 */
export function ExportStatus({
  state,
  total,
  onCancel,
  onRetry,
}: ExportStatusProps) {
  const { t } = useTranslation(['events', 'common']);
  const format = useFormat();
  const errorText = useErrorText();
  const running = state.status === 'running';
  const rows = running ? state.rows : 0;
  const known = total !== undefined && total >= rows && total > 0;
  const formatted = format.number(rows, 0);
  const text = !running
    ? ''
    : known
      ? t('export.progressOf', {
          count: total,
          formatted,
          total: format.number(total, 0),
        })
      : t('export.progress', { count: rows, formatted });

  return (
    <>
      <div
        className={cn(
          running &&
            'mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-border bg-surface px-4 py-3 text-sm',
        )}
      >
        <p
          role="status"
          className="tabular min-w-0 flex-1 basis-full sm:basis-0"
        >
          {text}
        </p>
        {running && (
          <>
            <div
              role="progressbar"
              aria-label={t('export.progressLabel')}
              aria-valuemin={known ? 0 : undefined}
              aria-valuemax={known ? total : undefined}
              aria-valuenow={known ? rows : undefined}
              className="h-2 min-w-0 flex-1 overflow-hidden rounded-full bg-border sm:w-64 sm:flex-none"
            >
              <div
                className={cn(
                  'h-full rounded-full bg-primary',
                  known
                    ? 'transition-[width]'
                    : 'w-full animate-pulse opacity-50',
                )}
                style={
                  known ? { width: `${(rows / total) * 100}%` } : undefined
                }
              />
            </div>
            <Button variant="secondary" size="sm" onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
          </>
        )}
      </div>
      {state.status === 'failed' && (
        // The buttons under the message: beside it, a phone squeezes it.
        <Alert className="mb-4">
          <p>{t('export.failed', { reason: errorText(state.error) })}</p>
          <div className="mt-2 flex gap-2">
            <Button variant="secondary" size="sm" onClick={onRetry}>
              {t('common:actions.retry')}
            </Button>
            <Button variant="ghost" size="sm" onClick={onCancel}>
              {t('common:actions.close')}
            </Button>
          </div>
        </Alert>
      )}
    </>
  );
}

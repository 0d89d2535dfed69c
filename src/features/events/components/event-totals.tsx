import { memo, useId } from 'react';

import { useTranslation } from '@/lib/i18n';
import { useErrorText } from '@/components/errors/use-error-text';
import { Button } from '@/components/ui/button';
import { Skeleton, Spinner } from '@/components/ui/spinner';
import { useFormat } from '@/lib/locale-settings';
import { inRange } from '@/ledger/order';
import { entryResult, useOutbox } from '@/lib/outbox';
import { cn } from '@/utils/cn';
import { useEventTotals, useTotalsProgress } from '@/ledger/totals';
import type { PeriodTotals } from '@/ledger/sums';

import type { EventFilters } from '../api/queries';

/**
 * Income, expense and net of every event of the filter, summed from the
 * ledger's index as its months arrive (with progress), or of the rows a
 * search or kind leaves (`matching`); what is dated after today is told
 * apart as planned.
 */
export const EventTotals = memo(function EventTotals({
  filters,
  matching,
}: {
  filters: EventFilters;
  /** The sums of the rows a search or a kind leaves, when one applies. */
  matching?: PeriodTotals | undefined;
}) {
  const { t } = useTranslation(['events', 'common']);
  const format = useFormat();
  const errorText = useErrorText();
  const signed = format.signedMoney;
  const headingId = useId();
  const totals = useEventTotals(filters);
  // Changes still in the outbox that move these sums.
  const unsent = useOutbox().filter((entry) =>
    [
      entryResult(entry),
      entry.kind === 'create' ? undefined : entry.before,
    ].some((event) => event && inRange(event, filters)),
  ).length;
  const rowsSummed = useTotalsProgress(filters);
  const sums = matching ?? totals.data;
  const all = sums?.all;
  const planned = sums?.planned;
  const failed = totals.isError && !totals.isFetching;
  const part = (amount: number | undefined, key: 'planned' | 'soFar') =>
    planned && planned.count > 0 && amount !== undefined && amount !== 0
      ? t(`totals.${key}`, { amount: signed(amount) })
      : undefined;
  const figures = [
    {
      key: 'income',
      label: t('totals.income'),
      value: all && signed(all.income),
      tone: 'text-income',
      note: part(planned?.income, 'planned'),
    },
    {
      key: 'expense',
      label: t('totals.expense'),
      value: all && signed(-all.expense),
      tone: 'text-expense',
      note: part(planned && -planned.expense, 'planned'),
    },
    {
      key: 'net',
      label: t('totals.net'),
      value: all && signed(all.net),
      tone: all && all.net < 0 ? 'text-expense' : 'text-fg',
      note: part(all && planned && all.net - planned.net, 'soFar'),
    },
  ];
  return (
    <section aria-labelledby={headingId} className="mb-4">
      <h2 id={headingId} className="sr-only">
        {t('totals.label')}
      </h2>
      <dl
        className={cn(
          'grid gap-px overflow-hidden rounded-lg border border-border bg-border sm:grid-cols-3',
          totals.isFetching && all && 'opacity-70',
        )}
      >
        {figures.map((figure) => (
          <div
            key={figure.key}
            className="flex flex-wrap items-baseline justify-between gap-x-3 bg-surface px-4 py-2 sm:flex-col sm:flex-nowrap sm:justify-start sm:gap-1 sm:py-3"
          >
            <dt className="text-sm text-fg-muted">{figure.label}</dt>
            <dd
              className={cn(
                'tabular text-lg font-semibold sm:text-xl',
                figure.tone,
              )}
            >
              {figure.value ??
                (failed ? (
                  <span className="text-fg-muted">—</span>
                ) : (
                  <Skeleton className="my-1 h-5 w-28" />
                ))}
            </dd>
            {/* Its line is held from the start, so the sums arriving with a
                planned part shift nothing below. */}
            <dd className="tabular min-h-4 basis-full text-right text-xs text-fg-muted sm:text-left">
              {figure.note}
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-2 flex min-h-5 flex-wrap items-center gap-x-2 text-sm text-fg-muted">
        {totals.isFetching && <Spinner className="size-3" />}
        <p role="status">
          {failed
            ? ''
            : totals.isFetching
              ? t(all ? 'totals.updating' : 'totals.summing')
              : all
                ? t(matching ? 'totals.matching' : 'totals.count', {
                    count: all.count,
                    formatted: format.number(all.count, 0),
                  })
                : ''}
          {all && unsent > 0 && ` ${t('totals.pending', { count: unsent })}`}
        </p>
        {totals.isFetching && rowsSummed > 0 && (
          <p className="tabular">
            {t('totals.progress', {
              count: rowsSummed,
              formatted: format.number(rowsSummed, 0),
            })}
          </p>
        )}
        {failed && (
          <>
            <p role="alert" className="text-danger">
              {t('totals.failed', { reason: errorText(totals.error) })}
            </p>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => void totals.refetch()}
            >
              {t('common:actions.retry')}
            </Button>
          </>
        )}
      </div>
    </section>
  );
});

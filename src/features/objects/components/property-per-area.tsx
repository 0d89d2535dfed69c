import { useId } from 'react';

import { useTranslation } from '@/lib/i18n';
import { Skeleton } from '@/components/ui/spinner';
import { useFormat } from '@/lib/locale-settings';
import { cn } from '@/utils/cn';
import type { Money } from '@/ledger/sums';

type PropertyPerAreaProps = {
  /** Undefined while the period is being summed. */
  totals: Money | undefined;
  area: number;
  /** The period in words, e.g. "All time" or "1 Jan – 31 Mar 2026". */
  period: string;
  /** The sums could not be made (the ledger offers Retry). */
  failed?: boolean;
};

/** Income, expenses and net of a period per square metre of the property. */
export function PropertyPerArea({
  totals,
  area,
  period,
  failed = false,
}: PropertyPerAreaProps) {
  const { t } = useTranslation(['objects', 'common']);
  const format = useFormat();
  const headingId = useId();
  const perArea = (value: number) =>
    format.signedMoney(Math.round(value / area));
  const figures = [
    {
      key: 'income',
      label: t('detail.income'),
      value: totals && perArea(totals.income),
      tone: 'text-income',
    },
    {
      key: 'expense',
      label: t('detail.expense'),
      value: totals && perArea(-totals.expense),
      tone: 'text-expense',
    },
    {
      key: 'net',
      label: t('detail.net'),
      value: totals && perArea(totals.net),
      tone: totals && totals.net < 0 ? 'text-expense' : 'text-fg',
    },
  ];
  return (
    <section
      aria-labelledby={headingId}
      className="mb-6 rounded-lg border border-border bg-surface px-4 py-3 sm:flex sm:items-center sm:gap-8"
    >
      <div className="flex items-baseline gap-2 sm:block sm:min-w-32">
        <h2 id={headingId} className="font-semibold">
          {t('detail.perAreaTitle')}
        </h2>
        <p className="text-sm text-fg-muted">{period}</p>
      </div>
      <dl className="mt-2 grid gap-1 sm:mt-0 sm:flex sm:flex-1 sm:flex-wrap sm:gap-x-10 sm:gap-y-2">
        {figures.map((figure) => (
          <div
            key={figure.key}
            className="flex items-baseline justify-between gap-3 sm:block"
          >
            <dt className="text-sm text-fg-muted">{figure.label}</dt>
            <dd
              className={cn(
                'tabular font-semibold whitespace-nowrap',
                figure.tone,
              )}
            >
              {figure.value ? (
                t('detail.perArea', { value: figure.value })
              ) : failed ? (
                '—'
              ) : (
                <Skeleton className="my-0.5 h-5 w-28" />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

import { lazy, Suspense, useId, useState } from 'react';

import { useTranslation } from '@/lib/i18n';
import { Skeleton } from '@/components/ui/spinner';
import { useFormat } from '@/lib/locale-settings';
import { cn } from '@/utils/cn';
import { ViewSwitch } from '@/components/ui/view-switch';

import type { MonthFlow } from '../utils/cash-flow';
import { Card } from './card';

// The drawing library loads only once there is something to draw.
const CashFlowChart = lazy(() =>
  import('./cash-flow-chart').then((module) => ({
    default: module.CashFlowChart,
  })),
);

const chartSkeleton = <Skeleton className="h-[260px] w-full" />;

/** A month per row: the chart's figures for reading and screen readers. */
function CashFlowTable({ months }: { months: readonly MonthFlow[] }) {
  const { t } = useTranslation('insights');
  const format = useFormat();
  const signed = format.signedMoney;
  return (
    <table className="tabular w-full text-sm">
      <caption className="sr-only">{t('cashFlow.title')}</caption>
      <thead className="text-fg-muted">
        <tr>
          <th scope="col" className="py-1 text-left font-medium">
            {t('cashFlow.month')}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            {t('cashFlow.income')}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            {t('cashFlow.expense')}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            {t('cashFlow.net')}
          </th>
        </tr>
      </thead>
      <tbody>
        {months.map((month) => (
          <tr key={month.month} className="border-t border-border">
            <th scope="row" className="py-1 text-left font-normal">
              {format.month(month.month)}
            </th>
            <td className="py-1 text-right text-income">
              {signed(month.income)}
            </td>
            <td className="py-1 text-right text-expense">
              {signed(-month.expense)}
            </td>
            <td
              className={cn(
                'py-1 text-right font-medium',
                month.net < 0 && 'text-expense',
              )}
            >
              {signed(month.net)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Legend() {
  const { t } = useTranslation('insights');
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-fg-muted">
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="size-3 rounded-sm bg-income" />
        {t('cashFlow.income')}
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="hatch-expense size-3 rounded-sm" />
        {t('cashFlow.expense')}
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="h-0.5 w-4 bg-fg" />
        {t('cashFlow.net')}
      </li>
    </ul>
  );
}

type CashFlowProps = {
  /** Undefined while the period is being summed. */
  months: readonly MonthFlow[] | undefined;
  /** The period in words. */
  period: string;
  /** The sums could not be made. */
  failed: boolean;
  /** Opens a month's transactions (a click or Enter on the chart). */
  onOpenMonth: (month: string) => void;
};

/** Income, expense and net of each month of the period, as a chart or a table. */
export function CashFlow({
  months,
  period,
  failed,
  onOpenMonth,
}: CashFlowProps) {
  const { t } = useTranslation('insights');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const headingId = useId();
  return (
    <Card
      labelledBy={headingId}
      title={
        <>
          <h2 id={headingId} className="font-semibold">
            {t('cashFlow.title')}
          </h2>
          <p className="text-sm text-fg-muted">{period}</p>
        </>
      }
      actions={
        <ViewSwitch
          label={t('cashFlow.view')}
          value={view}
          onChange={setView}
          options={[
            { value: 'chart', label: t('cashFlow.chart') },
            { value: 'table', label: t('cashFlow.table') },
          ]}
        />
      }
    >
      {months === undefined || months.length === 0 ? (
        failed || months ? (
          <p className="flex h-[260px] items-center justify-center text-center text-sm text-fg-muted">
            {t(failed ? 'failed' : 'cashFlow.empty')}
          </p>
        ) : (
          chartSkeleton
        )
      ) : view === 'chart' ? (
        <>
          <div className="mb-2">
            <Legend />
          </div>
          <Suspense fallback={chartSkeleton}>
            <CashFlowChart months={months} onOpenMonth={onOpenMonth} />
          </Suspense>
        </>
      ) : (
        <CashFlowTable months={months} />
      )}
    </Card>
  );
}

import { Fragment, useState } from 'react';

import { useTranslation } from '@/lib/i18n';
import { Button } from '@/components/ui/button';
import { SignedMoney } from '@/components/ui/signed-money';
import { Skeleton } from '@/components/ui/spinner';
import { usePrinting } from '@/hooks/use-printing';
import { useFormat } from '@/lib/locale-settings';
import type { Money } from '@/ledger/sums';
import { cn } from '@/utils/cn';

import { monthlyFlow } from '../utils/cash-flow';
import {
  changeShare,
  type ProfitReport,
  type ReportLine,
} from '../utils/report';

type ProfitReportTableProps = {
  /** Undefined while the period is being summed. */
  report: ProfitReport | undefined;
  /** The period has a year before to compare with (not "all time"). */
  comparable: boolean;
  /** Whether anything after today is in the period. */
  hasPlanned: boolean;
  /** The period's dates; an open end reaches the first or last month with money. */
  range: { from?: string; to?: string };
  caption: string;
};

const cell = 'px-2 py-1.5 text-right tabular whitespace-nowrap';

/**
 * The profit-and-loss table: a row per property with what came in, went
 * out and the net (received and paid), net per m², what is planned after
 * today, and the net of the year before as far as the same day with the
 * change; a total row; each property's months on demand. Prints on A4:
 * the table on the first page, then each property whose months are open on
 * a page of its own.
 */
export function ProfitReportTable({
  report,
  comparable,
  hasPlanned,
  range,
  caption,
}: ProfitReportTableProps) {
  const { t } = useTranslation('insights');
  const format = useFormat();
  const printing = usePrinting();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  if (!report) return <Skeleton className="h-64 w-full" />;

  const perArea = (value: number | null) =>
    value === null ? '—' : format.signedMoney(Math.round(value));
  const change = (line: ReportLine) => {
    const share = changeShare(line.done.net, line.yearBefore.net);
    return (
      <>
        <SignedMoney value={line.done.net - line.yearBefore.net} />
        {share !== null && (
          <span className="ml-1 text-xs text-fg-muted">
            {t('report.share', {
              value: `${share > 0 ? '+' : share < 0 ? '−' : ''}${format.number(Math.abs(Math.round(share)))}`,
            })}
          </span>
        )}
      </>
    );
  };
  const figures = (line: ReportLine & { donePerArea: number | null }) => (
    <>
      <td className={cn(cell, 'text-income')}>
        {format.money(line.done.income)}
      </td>
      <td className={cn(cell, 'text-expense')}>
        {format.money(line.done.expense)}
      </td>
      <td className={cell}>
        <SignedMoney value={line.done.net} />
      </td>
      <td className={cell}>{perArea(line.donePerArea)}</td>
      {hasPlanned && (
        <td className={cell}>
          <SignedMoney value={line.planned.net} />
        </td>
      )}
      {comparable && (
        <>
          <td className={cell}>
            <SignedMoney value={line.yearBefore.net} />
          </td>
          <td className={cell}>{change(line)}</td>
        </>
      )}
    </>
  );
  const columns = 5 + (hasPlanned ? 1 : 0) + (comparable ? 2 : 0);
  const toggle = (id: number) =>
    setOpen((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allOpen = report.rows.every((row) => open.has(row.id));
  const months = (row: (typeof report.rows)[number]) => (
    <MonthTable months={monthlyFlow(row.months, range)} name={row.name} />
  );

  return (
    <>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2 print:hidden">
        <p className="text-sm text-fg-muted">{t('report.printHint')}</p>
        <Button
          variant="secondary"
          size="sm"
          onClick={() =>
            setOpen(
              allOpen ? new Set() : new Set(report.rows.map((row) => row.id)),
            )
          }
        >
          {allOpen ? t('report.hideAllMonths') : t('report.showAllMonths')}
        </Button>
      </div>
      <div className="overflow-x-auto rounded-lg border border-border bg-surface print:overflow-visible print:border-0">
        <table className="w-full text-sm print:text-[9pt]">
          <caption className="px-3 py-2 text-left font-medium">
            {caption}
          </caption>
          <thead className="border-b border-border text-fg-muted">
            <tr>
              <th scope="col" className="px-2 py-1.5 text-left font-medium">
                {t('report.property')}
              </th>
              <th scope="col" className={cn(cell, 'font-medium')}>
                {t('report.income')}
              </th>
              <th scope="col" className={cn(cell, 'font-medium')}>
                {t('report.expense')}
              </th>
              <th scope="col" className={cn(cell, 'font-medium')}>
                {t('report.net')}
              </th>
              <th scope="col" className={cn(cell, 'font-medium')}>
                {t('report.perArea')}
              </th>
              {hasPlanned && (
                <th scope="col" className={cn(cell, 'font-medium')}>
                  {t('report.planned')}
                </th>
              )}
              {comparable && (
                <>
                  <th scope="col" className={cn(cell, 'font-medium')}>
                    {t('report.yearBefore')}
                  </th>
                  <th scope="col" className={cn(cell, 'font-medium')}>
                    {t('report.change')}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <Fragment key={row.id}>
                <tr className="border-b border-border break-inside-avoid">
                  <th scope="row" className="px-2 py-1.5 text-left font-normal">
                    <button
                      type="button"
                      aria-expanded={open.has(row.id)}
                      onClick={() => toggle(row.id)}
                      className="text-left underline-offset-2 hover:underline print:no-underline"
                      title={t('report.showMonths')}
                      dir="auto"
                    >
                      {row.name}
                    </button>
                  </th>
                  {figures(row)}
                </tr>
                {open.has(row.id) && (
                  <tr className="border-b border-border print:hidden">
                    <td
                      colSpan={columns}
                      className="bg-surface-muted px-2 py-2"
                    >
                      {months(row)}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
          <tfoot className="font-semibold">
            <tr>
              <th scope="row" className="px-2 py-1.5 text-left">
                {t('report.total')}
              </th>
              {figures(report.total)}
            </tr>
          </tfoot>
        </table>
      </div>
      {printing &&
        report.rows
          .filter((row) => open.has(row.id))
          .map((row) => (
            <section key={row.id} className="break-before-page">
              <h2 className="mb-1 font-semibold" dir="auto">
                {row.name}
              </h2>
              <p className="mb-2 text-sm text-fg-muted">{caption}</p>
              {months(row)}
            </section>
          ))}
    </>
  );
}

/** One property's months, those without money too: what came in, went out and the net. */
function MonthTable({
  months,
  name,
}: {
  months: readonly (Money & { month: string })[];
  name: string;
}) {
  const { t } = useTranslation('insights');
  const format = useFormat();
  if (months.every((money) => money.income === 0 && money.expense === 0)) {
    return <p className="text-fg-muted">{t('report.noMonths')}</p>;
  }
  return (
    <table className="w-full max-w-xl sm:ml-auto print:ml-0 print:max-w-none print:text-[9pt]">
      <caption className="sr-only">{t('report.months', { name })}</caption>
      <thead className="text-fg-muted">
        <tr>
          <th scope="col" className="px-2 text-left font-medium">
            {t('report.month')}
          </th>
          <th scope="col" className={cn(cell, 'font-medium')}>
            {t('report.income')}
          </th>
          <th scope="col" className={cn(cell, 'font-medium')}>
            {t('report.expense')}
          </th>
          <th scope="col" className={cn(cell, 'font-medium')}>
            {t('report.net')}
          </th>
        </tr>
      </thead>
      <tbody>
        {months.map(({ month, ...money }) => (
          <tr key={month} className="break-inside-avoid">
            <th scope="row" className="px-2 text-left font-normal">
              {format.month(month)}
            </th>
            <td className={cell}>{format.money(money.income)}</td>
            <td className={cell}>{format.money(money.expense)}</td>
            <td className={cell}>
              <SignedMoney value={money.net} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

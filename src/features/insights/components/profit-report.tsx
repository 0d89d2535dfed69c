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

const cell = 'px-1 py-1.5 text-right tabular whitespace-nowrap sm:px-2';
const label = 'px-1 text-left sm:px-2';

/**
 * The profit-and-loss table: a row per property with what came in, went
 * out and the net (received and paid), net per m², what is planned after
 * today, and the net of the year before as far as the same day with the
 * change; a total row, and under it the whole portfolio's income, expense
 * and net against the year before's. On demand, each property's own
 * comparison and its months. Prints on A4: the table and the portfolio's
 * comparison on the first page, then each property whose months are open
 * on a page of its own.
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
          <td className={cell}>
            <Change now={line.done.net} before={line.yearBefore.net} signed />
          </td>
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
  const details = (row: (typeof report.rows)[number]) => (
    <div className="flex flex-wrap items-start gap-x-8 gap-y-4 *:max-w-full *:overflow-x-auto print:*:overflow-visible">
      {comparable && (
        <div>
          <YearOnYear line={row} name={row.name} />
        </div>
      )}
      <div className="grow">
        <MonthTable months={monthlyFlow(row.months, range)} name={row.name} />
      </div>
    </div>
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
      <div className="@container overflow-x-auto rounded-lg border border-border bg-surface print:overflow-visible print:border-0">
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
                      {/* As wide as the view and kept in it, however far a
                          phone has scrolled the table sideways. */}
                      <div className="sticky left-2 w-[calc(100cqw-1rem)]">
                        {details(row)}
                      </div>
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
      {comparable && (
        <div className="mt-4 overflow-x-auto rounded-lg border border-border bg-surface p-2 sm:p-3 print:overflow-visible print:border-0 print:p-0">
          <YearOnYear line={report.total} name={t('report.total')} />
        </div>
      )}
      {printing &&
        report.rows
          .filter((row) => open.has(row.id))
          .map((row) => (
            <section key={row.id} className="break-before-page">
              <h2 className="mb-1 font-semibold" dir="auto">
                {row.name}
              </h2>
              <p className="mb-2 text-sm text-fg-muted">{caption}</p>
              {details(row)}
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
    <table className="w-full max-w-xl text-xs sm:text-sm print:max-w-none print:text-[9pt]">
      <caption className="sr-only">{t('report.months', { name })}</caption>
      <thead className="text-fg-muted">
        <tr>
          <th scope="col" className={cn(label, 'font-medium')}>
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
            <th scope="row" className={cn(label, 'font-normal')}>
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

/** A change from `before` to `now`: in money, and in per cent unless from zero. */
function Change({
  now,
  before,
  signed,
}: {
  now: number;
  before: number;
  /** Coloured by its sign, as a profit is; an income or expense is not. */
  signed?: boolean;
}) {
  const { t } = useTranslation('insights');
  const format = useFormat();
  const share = changeShare(now, before);
  const rounded = share === null ? null : Math.round(share);
  return (
    <>
      {signed ? (
        <SignedMoney value={now - before} />
      ) : (
        <span className="tabular whitespace-nowrap">
          {format.signedMoney(now - before)}
        </span>
      )}
      {rounded !== null && (
        // Under the amount on a phone, beside it from a tablet up.
        <span className="block text-xs whitespace-nowrap text-fg-muted sm:ml-1 sm:inline">
          {t('report.share', {
            value: `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${format.number(Math.abs(rounded))}`,
          })}
        </span>
      )}
    </>
  );
}

const MEASURES = ['income', 'expense', 'net'] as const;

/** Income, expense and profit of the period beside the year before's, with the change. */
function YearOnYear({ line, name }: { line: ReportLine; name: string }) {
  const { t } = useTranslation('insights');
  const format = useFormat();
  const amount = (measure: (typeof MEASURES)[number], money: Money) =>
    measure === 'net' ? (
      <SignedMoney value={money.net} />
    ) : (
      format.money(money[measure])
    );
  return (
    <table className="w-full text-xs sm:w-auto sm:text-sm print:text-[9pt]">
      <caption className={cn(label, 'mb-1 font-medium')} dir="auto">
        {t('report.compared', { name })}
      </caption>
      <thead className="text-fg-muted">
        <tr>
          <th scope="col" className={cn(label, 'font-medium')}>
            {t('report.figure')}
          </th>
          <th scope="col" className={cn(cell, 'font-medium')}>
            {t('report.thisPeriod')}
          </th>
          <th scope="col" className={cn(cell, 'font-medium')}>
            {t('report.aYearBefore')}
          </th>
          <th scope="col" className={cn(cell, 'font-medium')}>
            {t('report.change')}
          </th>
        </tr>
      </thead>
      <tbody>
        {MEASURES.map((measure) => (
          <tr key={measure} className="break-inside-avoid">
            <th scope="row" className={cn(label, 'font-normal')}>
              {t(`report.${measure}`)}
            </th>
            <td className={cell}>{amount(measure, line.done)}</td>
            <td className={cell}>{amount(measure, line.yearBefore)}</td>
            <td className={cell}>
              <Change
                now={line.done[measure]}
                before={line.yearBefore[measure]}
                signed={measure === 'net'}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

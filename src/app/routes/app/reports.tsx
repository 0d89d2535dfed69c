import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';

import { useTranslation } from '@/lib/i18n';
import { QueryError } from '@/components/errors/query-error';
import { Button } from '@/components/ui/button';
import { DownloadIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { usePrintHeading } from '@/hooks/use-print-heading';
import { EventFilterBar } from '@/features/events/components/event-filter-bar';
import { useEventFilters } from '@/features/events/components/use-event-filters';
import { usePeriodText } from '@/features/events/components/use-period-text';
import type { FilterScope } from '@/features/events/utils/filters';
import { ProfitReportTable } from '@/features/insights/components/profit-report';
import {
  profitReport,
  reportToCsv,
  yearBefore,
} from '@/features/insights/utils/report';
import { objectQueries, useObjects } from '@/features/objects/api/queries';
import { PropertiesError } from '@/features/objects/components/properties-error';
import { rowsQuery } from '@/ledger/rows';
import { useFormat } from '@/lib/locale-settings';
import { todayIso } from '@/utils/calendar-date';
import { csvDelimiter } from '@/utils/csv';
import { downloadFile } from '@/utils/download';

// A report is of the whole portfolio: no property filter.
const SCOPE: FilterScope = { objectFilter: false };

export const clientLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(objectQueries.list());
  return null;
};

/**
 * The profit-and-loss report for a period (this year unless the address
 * says otherwise): every property's income, expense and net, received and
 * paid apart from planned, against the year before; as CSV, or printed.
 */
export function Component() {
  const { t } = useTranslation(['insights', 'common']);
  const format = useFormat();
  const { filters, filter, setFilter } = useEventFilters(SCOPE);
  const objects = useObjects();
  const period = usePeriodText(filters);
  usePrintHeading('period', period);
  // A new period shows nothing of the last one's figures while it is summed.
  const rows = useQuery(rowsQuery(filters));
  const { date_from: from, date_to: to } = filters;
  const earlierRange =
    from && to
      ? { date_from: yearBefore(from), date_to: yearBefore(to) }
      : null;
  const earlier = useQuery({
    ...rowsQuery(earlierRange ?? {}),
    enabled: earlierRange !== null,
  });
  const comparable = earlierRange !== null;
  const asOf = todayIso();
  const report = useMemo(
    () =>
      objects.data && rows.data && (!comparable || earlier.data)
        ? profitReport(objects.data, rows.data, earlier.data ?? [], asOf)
        : undefined,
    [objects.data, rows.data, comparable, earlier.data, asOf],
  );
  const failed = rows.isError ? rows : earlier.isError ? earlier : null;

  const exportCsv = () => {
    if (!report) return;
    const headers = {
      property: t('report.property'),
      income: t('report.income'),
      expense: t('report.expense'),
      net: t('report.net'),
      perArea: t('report.perArea'),
      plannedIncome: t('report.plannedIncome'),
      plannedExpense: t('report.plannedExpense'),
      incomeBefore: t('report.incomeBefore'),
      expenseBefore: t('report.expenseBefore'),
      netBefore: t('report.yearBefore'),
      netChange: t('report.netChange'),
      netChangeShare: t('report.netChangeShare'),
      total: t('report.total'),
    };
    downloadFile(
      `smartcomm-report-${from ?? 'start'}–${to ?? asOf}.csv`,
      reportToCsv(report, {
        headers,
        delimiter: csvDelimiter(format.locale),
        comparable,
      }),
      'text/csv;charset=utf-8',
    );
  };

  return (
    <>
      <PageHeader title={t('report.title')}>
        <div className="flex gap-2 print:hidden">
          <Button variant="secondary" disabled={!report} onClick={exportCsv}>
            <DownloadIcon />
            {t('report.export')}
          </Button>
          <Button
            variant="secondary"
            disabled={!report}
            onClick={() => window.print()}
          >
            {t('report.print')}
          </Button>
        </div>
      </PageHeader>
      <PropertiesError className="mb-4" />
      <div className="print:hidden">
        <EventFilterBar
          filter={filter}
          onChange={setFilter}
          showObject={false}
        />
      </div>
      {failed ? (
        <QueryError
          error={failed.error}
          onRetry={() => void failed.refetch()}
        />
      ) : (
        <ProfitReportTable
          report={report}
          comparable={comparable}
          hasPlanned={(to ?? '9999-12-31') > asOf}
          range={{ from, to }}
          caption={
            earlierRange
              ? t('report.caption', {
                  period,
                  before: t('report.sameDayBefore', {
                    date: format.date(yearBefore(to && to < asOf ? to : asOf)),
                  }),
                })
              : period
          }
        />
      )}
    </>
  );
}

import { Link } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import type { Event } from '@/api/generated';
import { useFormat } from '@/lib/locale-settings';

/** More rows than this are not printed: the report says it on a page. */
export const PRINTED_ROWS_MAX = 2000;

type PrintedLedgerProps = {
  /** Every row of the filter, as viewed. */
  rows: readonly Event[];
  /** Whether `rows` is all of the filter (the index is in). */
  complete: boolean;
  objectName: (id: number) => string | undefined;
  showObject: boolean;
};

/**
 * The ledger on paper: every row of the filter in a plain table (the
 * screen's table draws only the rows in view), its header repeated on each
 * page; a filter too long for paper says so and points to the report.
 * Rendered only while printing.
 */
export function PrintedLedger({
  rows,
  complete,
  objectName,
  showObject,
}: PrintedLedgerProps) {
  const { t } = useTranslation('events');
  const format = useFormat();
  if (!complete || rows.length > PRINTED_ROWS_MAX) {
    return (
      <p className="hidden print:block">
        {complete
          ? t('print.tooLong', {
              count: rows.length,
              formatted: format.number(rows.length),
              max: format.number(PRINTED_ROWS_MAX),
            })
          : t('print.loading')}{' '}
        <Link to="/reports">{t('print.report')}</Link>
      </p>
    );
  }
  const cell = 'px-1 py-0.5 text-right tabular whitespace-nowrap';
  return (
    <table className="hidden w-full text-[8.5pt] print:table">
      <thead>
        <tr className="border-b border-border-strong">
          <th scope="col" className="px-1 text-left font-medium">
            {t('columns.date')}
          </th>
          {showObject && (
            <th scope="col" className="px-1 text-left font-medium">
              {t('columns.object')}
            </th>
          )}
          <th scope="col" className="px-1 text-left font-medium">
            {t('columns.description')}
          </th>
          <th scope="col" className={`${cell} font-medium`}>
            {t('columns.income')}
          </th>
          <th scope="col" className={`${cell} font-medium`}>
            {t('columns.expense')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((event) => (
          <tr
            key={event.id}
            className="break-inside-avoid border-b border-border"
          >
            <td className="px-1 whitespace-nowrap">
              {format.date(event.notification_date)}
            </td>
            {showObject && (
              <td className="px-1">{objectName(event.object_id)}</td>
            )}
            <td className="px-1 wrap-anywhere" dir="auto">
              {event.description}
            </td>
            <td className={cell}>
              {event.income > 0 ? format.money(event.income) : ''}
            </td>
            <td className={cell}>
              {event.expense > 0 ? format.money(event.expense) : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

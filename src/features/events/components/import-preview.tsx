import { useState } from 'react';

import { useTranslation } from '@/lib/i18n';
import { SignedMoney } from '@/components/ui/signed-money';
import { ViewSwitch } from '@/components/ui/view-switch';
import { useFormat } from '@/lib/locale-settings';
import { cn } from '@/utils/cn';

import type { CheckedRow, RowProblem } from '../utils/import/rows';

const ROW_HEIGHT = 64;
// The list's height (22rem at most) in rows, and rows drawn beyond it.
const VIEW_ROWS = 8;
const OVERSCAN = 6;

/** Which rows the preview lists. */
type Shown = 'all' | 'new' | 'skipped' | 'problem';

type ImportPreviewProps = {
  rows: readonly CheckedRow[];
  /** Whether a row of this status is to be sent. */
  sends: (row: CheckedRow) => boolean;
  /** The property of each row, when the file names them. */
  showProperty: boolean;
};

/**
 * Every row of the file as it will be imported, or why not: its date,
 * description, property and amount, a duplicate marked, a problem named.
 * Virtualised, so ten thousand rows cost a screenful of DOM.
 */
export function ImportPreview({
  rows,
  sends,
  showProperty,
}: ImportPreviewProps) {
  const { t } = useTranslation('events');
  const format = useFormat();
  const [shown, setShown] = useState<Shown>('all');
  const counts: Record<Shown, number> = {
    all: rows.length,
    new: 0,
    skipped: 0,
    problem: 0,
  };
  const kindOf = (row: CheckedRow): Exclude<Shown, 'all'> =>
    row.status === 'problem' ? 'problem' : sends(row) ? 'new' : 'skipped';
  for (const row of rows) counts[kindOf(row)] += 1;
  const listed =
    shown === 'all' ? rows : rows.filter((row) => kindOf(row) === shown);

  // Rows of one height: those in view are found from the scroll offset.
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const drawn = listed.slice(first, first + VIEW_ROWS + 2 * OVERSCAN);

  const problemText = (problem: RowProblem, row: CheckedRow) =>
    problem === 'property' && !row.property
      ? t('import.noProperty')
      : t(`import.problems.${problem}`, { name: row.property });
  const statusText = (row: CheckedRow) => {
    if (row.status === 'problem') {
      return row.problems
        .map((problem) => problemText(problem, row))
        .join(' · ');
    }
    if (row.status === 'ready') {
      return row.rounded ? t('import.status.rounded') : '';
    }
    return t(`import.status.${row.status}`);
  };

  return (
    <section aria-label={t('import.preview')} className="flex flex-col gap-2">
      <ViewSwitch
        label={t('import.show')}
        value={shown}
        onChange={(next) => {
          setShown(next);
          setScrollTop(0);
        }}
        options={(['all', 'new', 'skipped', 'problem'] as const).map(
          (value) => ({
            value,
            label: t(`import.shown.${value}`, {
              count: counts[value],
              formatted: format.number(counts[value]),
            }),
          }),
        )}
      />
      <div
        key={shown}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        className="h-[min(22rem,40dvh)] overflow-y-auto rounded-md border border-border"
      >
        {listed.length === 0 ? (
          <p className="p-3 text-sm text-fg-muted">{t('import.noRows')}</p>
        ) : (
          <ul
            aria-label={t('import.rows')}
            className="relative"
            style={{ height: listed.length * ROW_HEIGHT }}
          >
            {drawn.map((row, offset) => {
              const index = first + offset;
              const status = statusText(row);
              return (
                <li
                  key={row.record}
                  aria-posinset={index + 1}
                  aria-setsize={listed.length}
                  className={cn(
                    'absolute inset-x-0 flex flex-col justify-center border-b border-border px-3 text-sm',
                    kindOf(row) === 'skipped' && 'text-fg-muted',
                  )}
                  style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                >
                  <div className="flex items-baseline gap-2">
                    <span className="tabular w-16 shrink-0 text-xs text-fg-muted">
                      {t('import.record', { number: row.record })}
                    </span>
                    <span className="tabular min-w-0 flex-1 truncate">
                      {row.date ? format.date(row.date) : '—'}
                    </span>
                    {row.income > 0 && <SignedMoney value={row.income} />}
                    {row.expense > 0 && <SignedMoney value={-row.expense} />}
                  </div>
                  <p className="truncate pl-18">{row.description || '—'}</p>
                  {(status || (showProperty && row.property)) && (
                    <p className="flex gap-2 pl-18 text-xs">
                      {showProperty && row.property && (
                        <span className="truncate text-fg-muted">
                          {row.property}
                        </span>
                      )}
                      <span
                        className={cn(
                          'ml-auto truncate',
                          row.status === 'problem'
                            ? 'text-danger'
                            : 'text-fg-muted',
                        )}
                      >
                        {status}
                      </span>
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}

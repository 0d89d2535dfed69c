import type { ReactNode } from 'react';

import { cn } from '@/utils/cn';

import type { RowSort, SortKey } from '../utils/row-view';

/**
 * A column heading that sorts by its column: the first press sorts it the
 * way an owner looks first (newest dates, largest amounts, names A to Z),
 * the next the other way. Only the sorted column says how (`aria-sort`).
 */
export function SortHeader({
  column,
  sort,
  onSort,
  end = false,
  children,
}: {
  column: SortKey;
  sort: RowSort | undefined;
  onSort: ((sort: RowSort) => void) | undefined;
  end?: boolean;
  children: ReactNode;
}) {
  const active = sort?.key === column;
  const firstDescending = column !== 'object';
  const descending = active ? sort.descending : firstDescending;
  return (
    <div
      role="columnheader"
      aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}
      className="px-1.5 py-1 font-medium"
    >
      <button
        type="button"
        disabled={!onSort}
        onClick={() =>
          onSort?.({
            key: column,
            descending: active ? !sort.descending : firstDescending,
          })
        }
        className={cn(
          'flex w-full items-center gap-1 rounded px-1.5 py-1 hover:bg-surface hover:text-fg disabled:hover:bg-transparent',
          end && 'flex-row-reverse text-right',
          active && 'text-fg',
        )}
      >
        {children}
        <span aria-hidden="true" className={cn(!active && 'invisible')}>
          {descending ? '↓' : '↑'}
        </span>
      </button>
    </div>
  );
}

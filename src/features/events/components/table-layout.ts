import { useSyncExternalStore } from 'react';

/**
 * The ledger table's geometry, shared by its heading, rows and skeleton:
 * from md up a grid of columns; below it (phones) each row is a card.
 * Rows have fixed heights, so nothing is measured while scrolling.
 */
const ROW_HEIGHT = { table: 44, card: 80, cardWithoutObject: 62 } as const;

// The amount columns fit the largest amount the form takes
// (+999 999 999 999 ₽), so no figure spills into its neighbour.
// While rows are being selected, a narrow first column holds their checks.
const COLUMNS = {
  withObject:
    'md:grid-cols-[9.5rem_minmax(7rem,15rem)_minmax(0,1fr)_11rem_11rem_11rem]',
  withoutObject: 'md:grid-cols-[9.5rem_minmax(0,1fr)_11rem_11rem_11rem]',
  selectingWithObject:
    'md:grid-cols-[2.75rem_9.5rem_minmax(7rem,15rem)_minmax(0,1fr)_11rem_11rem_11rem]',
  selectingWithoutObject:
    'md:grid-cols-[2.75rem_9.5rem_minmax(0,1fr)_11rem_11rem_11rem]',
};

// One row, two layouts: a grid line of the table from md up, a three-line
// card below it (description and amount, date, property).
export const rowClass =
  'grid grid-cols-[minmax(0,1fr)_auto] content-center gap-x-3 border-b border-border px-4 text-sm md:items-center md:gap-0 md:px-0';
export const cellClass = 'min-w-0 md:px-3';
export const place = {
  description: 'max-md:col-start-1 max-md:row-start-1 max-md:font-medium',
  date: 'max-md:col-start-1 max-md:row-start-2 max-md:text-xs max-md:text-fg-muted',
  object:
    'max-md:col-start-1 max-md:row-start-3 max-md:text-xs max-md:text-fg-muted',
  // On a card, the check sits in the card's left padding.
  check:
    'flex items-center justify-center max-md:absolute max-md:inset-y-0 max-md:left-3 md:px-3',
  first: 'max-md:col-start-2 max-md:row-start-1 max-md:font-medium',
  second: 'max-md:col-start-2 max-md:row-start-2 max-md:text-xs',
};

const WIDE = '(min-width: 768px)';

let wideQuery: MediaQueryList | null | undefined;
function wideMedia(): MediaQueryList | null {
  // Without matchMedia (jsdom) there is no query: the table layout.
  wideQuery ??= window.matchMedia?.(WIDE) ?? null;
  return wideQuery;
}

function subscribeToWidth(onChange: () => void) {
  const query = wideMedia();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

function useWideLayout(): boolean {
  return useSyncExternalStore(
    subscribeToWidth,
    () => wideMedia()?.matches ?? true,
  );
}

/**
 * The columns and the row height for the screen: a card has a line for
 * the property, unless all rows are of one; a first column of checks
 * while rows are being selected.
 */
export function useTableLayout(showObject: boolean, selecting = false) {
  const wide = useWideLayout();
  return {
    rowHeight: wide
      ? ROW_HEIGHT.table
      : showObject
        ? ROW_HEIGHT.card
        : ROW_HEIGHT.cardWithoutObject,
    columns: selecting
      ? showObject
        ? COLUMNS.selectingWithObject
        : COLUMNS.selectingWithoutObject
      : showObject
        ? COLUMNS.withObject
        : COLUMNS.withoutObject,
  };
}

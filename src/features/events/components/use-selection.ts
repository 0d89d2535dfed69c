import { useCallback, useMemo, useRef, useState } from 'react';

import type { Event } from '@/api/generated';

/**
 * Which rows of the ledger are chosen for a bulk action, by event id. What
 * is chosen is always among the rows shown: a row that leaves them (a new
 * filter, a delete) leaves the selection too, so "N selected" never counts
 * what the owner cannot see. Shift extends from the last row toggled.
 */
export function useSelection(rows: readonly Event[] | undefined) {
  const [active, setActive] = useState(false);
  const [ids, setIds] = useState<ReadonlySet<number>>(() => new Set());
  const anchor = useRef<number | null>(null);

  const chosen = useMemo(
    () => (rows ?? []).filter((event) => ids.has(event.id)),
    [rows, ids],
  );
  const toggle = useCallback(
    (index: number, extend: boolean) => {
      const event = rows?.[index];
      if (!rows || !event) return;
      const from = extend && anchor.current !== null ? anchor.current : index;
      const [low, high] = from < index ? [from, index] : [index, from];
      // The range takes the state the clicked row takes.
      const select = !ids.has(event.id);
      const next = new Set(ids);
      for (const row of rows.slice(low, high + 1)) {
        if (select) next.add(row.id);
        else next.delete(row.id);
      }
      anchor.current = index;
      setIds(next);
    },
    [rows, ids],
  );
  const selectAll = useCallback(() => {
    setIds(new Set((rows ?? []).map((event) => event.id)));
  }, [rows]);
  const clear = useCallback(() => {
    anchor.current = null;
    setIds(new Set());
  }, []);
  /** Keeps these (the ones that failed), or none. */
  const keep = useCallback((events: readonly Event[]) => {
    setIds(new Set(events.map((event) => event.id)));
  }, []);
  const start = useCallback(() => setActive(true), []);
  const stop = useCallback(() => {
    setActive(false);
    anchor.current = null;
    setIds(new Set());
  }, []);

  return {
    active,
    /** The rows chosen, in the order shown. */
    chosen,
    ids,
    toggle,
    selectAll,
    clear,
    keep,
    start,
    stop,
  };
}

export type Selection = ReturnType<typeof useSelection>;

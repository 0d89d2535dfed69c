import { useEffect, useEffectEvent } from 'react';

import { useTranslation } from '@/lib/i18n';
import { Button } from '@/components/ui/button';
import { useFormat } from '@/lib/locale-settings';

import type { Selection } from './use-selection';

type SelectionBarProps = {
  selection: Selection;
  /** How many rows the filter and the view show: "select all" takes them all. */
  total: number;
  /**
   * False while only the first pages are in (the index still coming): then
   * "select all" says it takes the rows loaded, not every one of the filter.
   */
  complete: boolean;
  onEdit: () => void;
  onDelete: () => void;
  /** A dialog is open over the page: Escape is its own. */
  dialogOpen: boolean;
};

/**
 * While rows are being selected: how many, what they add up to, choosing
 * all the filter shows (not only the rows on screen), and the actions.
 * Escape clears the selection, and a second Escape ends selecting.
 */
export function SelectionBar({
  selection,
  total,
  complete,
  onEdit,
  onDelete,
  dialogOpen,
}: SelectionBarProps) {
  const { t } = useTranslation(['events', 'common']);
  const format = useFormat();
  const { chosen } = selection;
  const count = chosen.length;
  const income = chosen.reduce((sum, event) => sum + event.income, 0);
  const expense = chosen.reduce((sum, event) => sum + event.expense, 0);
  const escape = useEffectEvent(() =>
    count > 0 ? selection.clear() : selection.stop(),
  );
  const listening = selection.active && !dialogOpen;
  useEffect(() => {
    if (!listening) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const field =
        event.target instanceof HTMLElement &&
        event.target.closest('input, textarea, select');
      if (event.key !== 'Escape' || event.defaultPrevented || field) return;
      escape();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [listening]);
  if (!selection.active) return null;
  return (
    <div
      role="region"
      aria-label={t('selection.label')}
      className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-primary/40 bg-primary/5 px-3 py-2"
    >
      <p role="status" className="text-sm">
        <span className="font-medium">
          {count === 0 ? t('selection.hint') : t('selection.count', { count })}
        </span>
        {count > 0 && (
          <span className="tabular text-fg-muted">
            {' '}
            {t('selection.sums', {
              income: format.signedMoney(income),
              expense: format.signedMoney(-expense),
            })}
          </span>
        )}
      </p>
      {count < total && (
        <Button size="sm" variant="secondary" onClick={selection.selectAll}>
          {t(complete ? 'selection.all' : 'selection.allLoaded', {
            count: total,
          })}
        </Button>
      )}
      {count > 0 && (
        <Button size="sm" variant="ghost" onClick={selection.clear}>
          {t('selection.clear')}
        </Button>
      )}
      <div className="flex flex-wrap gap-2 sm:ml-auto">
        <Button size="sm" disabled={count === 0} onClick={onEdit}>
          {t('selection.edit')}
        </Button>
        <Button
          size="sm"
          variant="danger"
          disabled={count === 0}
          onClick={onDelete}
        >
          {t('common:actions.delete')}
        </Button>
        <Button size="sm" variant="secondary" onClick={selection.stop}>
          {t('selection.done')}
        </Button>
      </div>
    </div>
  );
}

import { memo, useMemo } from 'react';

import { useTranslation } from '@/lib/i18n';
import type { Event } from '@/api/generated';
import { CopyIcon } from '@/components/ui/icons';
import { Skeleton, Spinner } from '@/components/ui/spinner';
import { matchIn } from '@/ledger/search';
import { useFormat } from '@/lib/locale-settings';
import type { OutboxMark } from '@/lib/outbox';
import { isTemporary } from '@/lib/temporary-id';
import { cn } from '@/utils/cn';

import { cellClass, place, rowClass } from './table-layout';

// Placeholders that no translation contains, to split a text around them.
const MARK = ['\u0000a\u0000', '\u0000b\u0000'] as const;

/** A translated text with one or two blanks, filled without translating again. */
function fill(text: string) {
  return (first: string, second = '') =>
    text.replace(MARK[0], first).replace(MARK[1], second);
}

/**
 * Everything a row says, made once per table rather than per row: rows
 * mount by the dozen while scrolling, and translating and formatting in
 * each of them costs more than the rest of the row.
 */
export function useRowText() {
  const { t } = useTranslation('events');
  const format = useFormat();
  return useMemo(() => {
    const dates = new Map<string, string>();
    return {
      date: (iso: string) => {
        let text = dates.get(iso);
        if (text === undefined) {
          text = format.date(iso);
          dates.set(iso, text);
        }
        return text;
      },
      money: format.money,
      signed: format.signedMoney,
      income: t('columns.income'),
      expense: t('columns.expense'),
      noDescription: t('table.noDescription'),
      saving: t('table.saving'),
      waiting: t('table.waiting'),
      conflict: t('table.conflict'),
      rowName: fill(
        t('actions.rowName', { date: MARK[0], description: MARK[1] }),
      ),
      edit: fill(t('actions.edit', { name: MARK[0] })),
      duplicate: fill(t('actions.duplicate', { name: MARK[0] })),
      duplicateHint: t('form.duplicateHint'),
    };
  }, [t, format]);
}

export type RowText = ReturnType<typeof useRowText>;

type EventRowProps = {
  event: Event;
  index: number;
  top: number;
  height: number;
  className: string;
  objectName: string | undefined;
  showObject: boolean;
  text: RowText;
  onEdit: ((event: Event) => void) | undefined;
  /**
   * D on the row, or its Duplicate button: a new event like this one,
   * dated today.
   */
  onDuplicate: ((event: Event) => void) | undefined;
  /**
   * While rows are being selected: whether this one is, and a press (with
   * Shift: from the last one pressed) chooses it instead of opening it.
   */
  selected: boolean | undefined;
  onToggle: ((index: number, extend: boolean) => void) | undefined;
  balance: number | undefined;
  query: string;
  /** Takes focus once rendered ("go to month"). */
  focus: boolean;
  /** Waiting in the outbox: to be sent, or for the owner's choice. */
  pending: OutboxMark | undefined;
};

// The row's one button reaches over the whole row (its ::after), so the
// row opens on a click anywhere and is a single stop for the keyboard.
const rowButtonClass =
  "block w-full truncate text-start after:absolute after:inset-0 after:content-[''] hover:after:bg-fg/4 focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-focus";

// Duplicate, above the row's button: in the card's free corner on a
// phone; in the table at the description's end, where the description has
// room beside it (narrow tables squeeze that column to nothing). A mouse
// sees it on the row it points at, a finger always. The keyboard has D on
// the row instead (so the row stays one stop), a screen reader both.
const duplicateClass =
  'relative flex size-8 shrink-0 items-center justify-center rounded-md text-fg-muted hover:bg-fg/8 hover:text-fg max-md:absolute max-md:right-2 max-md:bottom-0.5 md:hidden md:@min-[12rem]:flex pointer-fine:opacity-0 pointer-fine:group-hover:opacity-100 pointer-fine:group-focus-within:opacity-100';

/**
 * One event. Kept lean (no hooks, a handful of elements): rows mount by
 * the dozen on every flick of the wheel.
 */
export const EventRow = memo(function EventRow({
  event,
  index,
  top,
  height,
  className,
  objectName,
  showObject,
  text,
  onEdit,
  onDuplicate,
  selected,
  onToggle,
  balance,
  query,
  focus,
  pending,
}: EventRowProps) {
  const selecting = selected !== undefined;
  const date = text.date(event.notification_date);
  const name = event.description ? text.rowName(date, event.description) : date;
  const description = (
    <>
      {pending && (
        <span
          className={cn(
            'mr-2 rounded-sm px-1 py-0.5 text-xs font-medium',
            pending === 'conflict' ? 'bg-danger-soft' : 'bg-warning-soft',
          )}
        >
          {pending === 'conflict' ? text.conflict : text.waiting}
        </span>
      )}
      {event.description ? (
        <Marked text={event.description} query={query} />
      ) : (
        <span className="text-fg-muted">{text.noDescription}</span>
      )}
    </>
  );
  // On a card, the one amount there is goes on the first line.
  const expenseFirst = event.income === 0;
  const duplicable = !selecting && onDuplicate && !isTemporary(event.id);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      className={cn(
        rowClass,
        className,
        'group absolute top-0 left-0 w-full [contain:strict]',
        selecting && 'max-md:pl-12',
        selected && 'bg-primary/10',
      )}
      style={{ height, transform: `translateY(${top}px)` }}
    >
      {selecting && (
        <div role="cell" className={cn(cellClass, place.check)}>
          <span
            aria-hidden="true"
            className={cn(
              'flex size-4 items-center justify-center rounded-sm border border-border-strong text-[0.7rem] leading-none',
              selected && 'border-primary bg-primary text-on-primary',
            )}
          >
            {selected ? '✓' : null}
          </span>
        </div>
      )}
      <div
        role="cell"
        className={cn(cellClass, place.date, 'tabular truncate')}
      >
        <time dateTime={event.notification_date}>{date}</time>
      </div>
      {showObject && (
        <div
          role="cell"
          className={cn(cellClass, place.object, 'truncate')}
          dir="auto"
          // A long name is cut to the column; the whole of it on hover.
          title={objectName}
        >
          {objectName ?? <Skeleton className="h-4 w-24" />}
        </div>
      )}
      <div
        role="cell"
        className={cn(
          cellClass,
          place.description,
          duplicable && 'md:@container md:flex md:items-center md:gap-1',
        )}
        dir="auto"
      >
        {isTemporary(event.id) ? (
          // Not saved yet: nothing to open.
          <span className="flex items-center gap-2">
            {!pending && <Spinner className="size-3 shrink-0 text-fg-muted" />}
            <span className="truncate">{description}</span>
            {!pending && <span className="sr-only">{text.saving}</span>}
          </span>
        ) : (
          <button
            ref={focus ? focusOnMount : undefined}
            type="button"
            className={rowButtonClass}
            title={event.description || undefined}
            {...(selecting
              ? {
                  role: 'checkbox',
                  'aria-checked': selected,
                  'aria-label': name,
                  onClick: (click) => onToggle?.(index, click.shiftKey),
                }
              : {
                  'aria-label': text.edit(name),
                  'aria-keyshortcuts': onDuplicate ? 'D' : undefined,
                  onClick: () => onEdit?.(event),
                })}
            onKeyDown={(keyEvent) => {
              const { code, altKey, ctrlKey, metaKey } = keyEvent;
              if (selecting || !onDuplicate || altKey || ctrlKey || metaKey) {
                return;
              }
              // The key's place, not its letter: D on a Russian layout too.
              if (code !== 'KeyD') return;
              keyEvent.preventDefault();
              onDuplicate(event);
            }}
          >
            {description}
          </button>
        )}
        {duplicable && (
          <button
            type="button"
            tabIndex={-1}
            className={cn(
              duplicateClass,
              // A card of two lines with both amounts has no free corner.
              !showObject &&
                event.income > 0 &&
                event.expense > 0 &&
                'max-md:hidden',
            )}
            aria-label={text.duplicate(name)}
            title={text.duplicateHint}
            onClick={() => onDuplicate(event)}
          >
            <CopyIcon />
          </button>
        )}
      </div>
      <AmountCell
        sign="+"
        label={text.income}
        amount={event.income}
        money={text.money}
        className={cn('text-income', place.first)}
      />
      <AmountCell
        sign="−"
        label={text.expense}
        amount={event.expense}
        money={text.money}
        className={cn(
          'text-expense',
          expenseFirst ? place.first : place.second,
        )}
      />
      <div
        role="cell"
        className={cn(
          cellClass,
          'tabular text-right whitespace-nowrap max-md:hidden',
          balance !== undefined && balance < 0 && 'text-expense',
        )}
      >
        {balance !== undefined && text.signed(balance)}
      </div>
    </div>
  );
});

const focusOnMount = (button: HTMLButtonElement | null) =>
  button?.focus({ preventScroll: true });

/** A description with the search's match marked. */
function Marked({ text, query }: { text: string; query: string }) {
  const match = matchIn(text, query);
  if (!match) return text;
  return (
    <>
      {text.slice(0, match.start)}
      <mark className="rounded-sm bg-warning-soft text-fg">
        {text.slice(match.start, match.end)}
      </mark>
      {text.slice(match.end)}
    </>
  );
}

function AmountCell({
  sign,
  label,
  amount,
  money,
  className,
}: {
  sign: string;
  label: string;
  amount: number;
  money: (amount: number) => string;
  className: string;
}) {
  return (
    <div
      role="cell"
      className={cn(
        cellClass,
        'tabular text-right whitespace-nowrap',
        amount === 0 ? 'max-md:hidden' : className,
      )}
    >
      {amount > 0 && (
        <>
          {/* Cards have no column headings; a screen reader hears the kind. */}
          <span className="sr-only md:hidden">{label} </span>
          {sign}
          {money(amount)}
        </>
      )}
    </div>
  );
}

export function SkeletonRow({
  index,
  height,
  className,
  showObject,
}: {
  index: number;
  height: number;
  className: string;
  showObject: boolean;
}) {
  // Varied widths read as text rather than as a grid of bars.
  const width = ['w-3/4', 'w-1/2', 'w-2/3', 'w-5/6'][index % 4];
  return (
    <div
      role="row"
      aria-hidden="true"
      className={cn(rowClass, className)}
      style={{ height }}
    >
      <div className={cn(cellClass, place.date)}>
        <Skeleton className="h-4 w-20" />
      </div>
      {showObject && (
        <div className={cn(cellClass, place.object)}>
          <Skeleton className="h-4 w-28" />
        </div>
      )}
      <div className={cn(cellClass, place.description)}>
        <Skeleton className={cn('h-4', width)} />
      </div>
      <div className={cn(cellClass, place.first)}>
        <Skeleton className="ml-auto h-4 w-20" />
      </div>
      <div className={cn(cellClass, 'max-md:hidden')} />
    </div>
  );
}

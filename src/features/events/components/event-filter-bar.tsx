import { memo, useId, useRef, useState, type ReactNode, type Ref } from 'react';

import { useTranslation } from '@/lib/i18n';
import type { PropertyObject } from '@/api/generated';
import { useDateText } from '@/components/form/use-date-text';
import { Input, Select } from '@/components/ui/input';
import { useFormat } from '@/lib/locale-settings';
import { cn } from '@/utils/cn';
import { useShortcut } from '@/hooks/use-shortcut';
import { todayIso } from '@/utils/calendar-date';

import {
  periodRange,
  type LedgerFilter,
  type PeriodChoice,
} from '../utils/filters';
import { PERIOD_PRESETS } from '../utils/periods';
import type { FilterChange } from './use-event-filters';

type EventFilterBarProps = {
  filter: LedgerFilter;
  onChange: (next: FilterChange) => void;
  /** The object choice; absent on a property's own page. */
  objects?: readonly PropertyObject[] | undefined;
  showObject: boolean;
  /** Buttons at the end of the bar (Add event). */
  children?: ReactNode;
};

const labelClass = 'mb-1 block text-sm font-medium';

/** Period (a preset or From/To dates) and property, as the address holds them. */
export const EventFilterBar = memo(function EventFilterBar({
  filter,
  onChange,
  objects,
  showObject,
  children,
}: EventFilterBarProps) {
  const { t } = useTranslation('events');
  const format = useFormat();
  const periodId = useId();
  const objectId = useId();
  const periodRef = useRef<HTMLSelectElement>(null);
  const fromRef = useRef<HTMLInputElement>(null);
  const { period } = filter;
  // "Custom dates" picked while no dates are set: shown until they are, or
  // until the address changes.
  const [pickingFor, setPickingFor] = useState<PeriodChoice | null>(null);
  const pickingDates = pickingFor === period;
  useShortcut('f', () => periodRef.current?.focus());

  const range = periodRange(period, todayIso());
  const choice =
    pickingDates || (period.preset === 'custom' && (range.from || range.to))
      ? 'custom'
      : period.preset === 'custom'
        ? 'all'
        : period.preset;

  const setDates = (from: string | undefined, to: string | undefined) => {
    setPickingFor(null);
    onChange((current) => ({
      ...current,
      period: { preset: 'custom', from, to },
    }));
  };

  const sortedObjects = [...(objects ?? [])].sort((a, b) =>
    a.name.localeCompare(b.name, format.locale),
  );

  return (
    <div
      role="group"
      aria-label={t('filters.label')}
      className="mb-4 grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap"
    >
      <div className={cn('min-w-0 sm:w-44', !showObject && 'col-span-2')}>
        <label htmlFor={periodId} className={labelClass}>
          {t('filters.period')}
        </label>
        <Select
          id={periodId}
          ref={periodRef}
          value={choice}
          aria-keyshortcuts="f"
          title={t('filters.periodShortcut')}
          onChange={(event) => {
            const value = event.target.value;
            if (value === 'custom') {
              if (range.from || range.to) setDates(range.from, range.to);
              else setPickingFor(period);
              fromRef.current?.focus();
              return;
            }
            const preset = PERIOD_PRESETS.find((item) => item === value);
            if (!preset) return;
            setPickingFor(null);
            onChange((current) => ({ ...current, period: { preset } }));
          }}
        >
          {PERIOD_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t(`filters.presets.${preset}`)}
            </option>
          ))}
          <option value="custom">{t('filters.presets.custom')}</option>
        </Select>
      </div>
      {showObject && (
        <div className="min-w-0 sm:w-56">
          <label htmlFor={objectId} className={labelClass}>
            {t('filters.object')}
          </label>
          <Select
            id={objectId}
            value={filter.objectId ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              onChange((current) => ({
                period: current.period,
                ...(value ? { objectId: Number(value) } : {}),
              }));
            }}
          >
            <option value="">{t('filters.allObjects')}</option>
            {sortedObjects.map((object) => (
              <option key={object.id} value={object.id}>
                {object.name}
              </option>
            ))}
            {filter.objectId !== undefined &&
              objects !== undefined &&
              !objects.some((object) => object.id === filter.objectId) && (
                <option value={filter.objectId}>
                  {t('filters.missingObject')}
                </option>
              )}
          </Select>
        </div>
      )}
      <div className="col-span-2 grid grid-cols-2 gap-3 sm:flex">
        <DateFilterInput
          // A new committed date (a preset, Back) or a new language replaces
          // what was typed.
          key={`from-${range.from ?? ''}-${format.locale}`}
          ref={fromRef}
          label={t('filters.from')}
          value={range.from}
          onCommit={(from) => {
            if (from && range.to && from > range.to) {
              return t('filters.fromAfterTo');
            }
            setDates(from, range.to);
            return null;
          }}
        />
        <DateFilterInput
          key={`to-${range.to ?? ''}-${format.locale}`}
          label={t('filters.to')}
          value={range.to}
          onCommit={(to) => {
            if (to && range.from && to < range.from) {
              return t('filters.toBeforeFrom');
            }
            setDates(range.from, to);
            return null;
          }}
        />
      </div>
      {children && (
        <div className="col-span-2 flex flex-wrap justify-end gap-2 sm:ml-auto">
          {children}
        </div>
      )}
    </div>
  );
});

type DateFilterInputProps = {
  label: string;
  value: string | undefined;
  /** Takes a date (or undefined to clear); returns an error to show, or null. */
  onCommit: (iso: string | undefined) => string | null;
  ref?: Ref<HTMLInputElement>;
};

/**
 * A date typed as YYYY-MM-DD or the locale's way, applied on Enter or when
 * the field is left; what cannot be read stays in the field with a reason.
 */
function DateFilterInput({
  label,
  value,
  onCommit,
  ref,
}: DateFilterInputProps) {
  const dates = useDateText();
  const id = useId();
  const [text, setText] = useState(
    value === undefined ? '' : dates.format(value),
  );
  const [error, setError] = useState<string | null>(null);

  const commit = () => {
    const trimmed = text.trim();
    if (trimmed === '') {
      setError(value === undefined ? null : onCommit(undefined));
      return;
    }
    const iso = dates.parse(trimmed);
    if (iso === null) {
      setError(dates.invalid);
      return;
    }
    if (iso === value) {
      setError(null);
      setText(dates.format(iso));
      return;
    }
    setError(onCommit(iso));
  };

  return (
    <div className="sm:w-36">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <Input
        id={id}
        ref={ref}
        value={text}
        placeholder={dates.pattern}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error !== null}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        className="tabular"
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      <p id={`${id}-hint`} className="sr-only">
        {dates.hint}
      </p>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

import { useId } from 'react';

import { useTranslation } from '@/lib/i18n';
import { useErrorText } from '@/components/errors/use-error-text';
import { DateField } from '@/components/form/date-field';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { Alert } from '@/components/ui/alert';
import { useFormat } from '@/lib/locale-settings';

import type { BatchEntry, BatchProgress } from '../api/use-create-events';
import { MAX_REPEATS } from '../utils/repeat';
import {
  MAX_REPEAT_MONTHS,
  REPEAT_EVERY,
  type RepeatFormInput,
} from '../utils/repeat-form';

/** More dates than this are listed behind a "Show the dates" toggle. */
const SHOWN_DATES = 6;

type RepeatFieldsProps = {
  every: RepeatFormInput['every'];
  end: RepeatFormInput['end'];
  /** The dates the entry will be made on; null while a field is wrong. */
  dates: readonly string[] | null;
};

/**
 * How a new entry repeats (every month, quarter, year or N months; N times
 * or until a date), with the dates it makes shown before anything is sent.
 */
export function RepeatFields({ every, end, dates }: RepeatFieldsProps) {
  const { t } = useTranslation('events');
  return (
    <fieldset className="col-span-2 grid gap-4 rounded-md border border-border px-3 pt-1 pb-3 sm:grid-cols-2">
      <legend className="px-1 text-sm font-medium">
        {t('form.repeat.legend')}
      </legend>
      <SelectField
        name="repeat.every"
        label={t('form.repeat.every')}
        options={REPEAT_EVERY.map((value) => ({
          value,
          label: t(`form.repeat.everyOptions.${value}`),
        }))}
      />
      {every === 'n' && (
        <TextField
          name="repeat.months"
          label={t('form.repeat.months')}
          hint={t('form.repeat.monthsHint', { max: MAX_REPEAT_MONTHS })}
          inputMode="numeric"
          autoComplete="off"
          inputClassName="tabular"
        />
      )}
      {every !== 'none' && (
        <>
          <SelectField
            name="repeat.end"
            label={t('form.repeat.end')}
            className="sm:col-start-1"
            options={(['count', 'until'] as const).map((value) => ({
              value,
              label: t(`form.repeat.endOptions.${value}`),
            }))}
          />
          {end === 'count' ? (
            <TextField
              name="repeat.count"
              label={t('form.repeat.count')}
              hint={t('form.repeat.countHint', { max: MAX_REPEATS })}
              inputMode="numeric"
              autoComplete="off"
              inputClassName="tabular"
            />
          ) : (
            <DateField name="repeat.until" label={t('form.repeat.until')} />
          )}
          {dates && dates.length > 0 && <RepeatPreview dates={dates} />}
        </>
      )}
    </fieldset>
  );
}

/** The dates of a repeat, those moved to a shorter month's end marked. */
function RepeatPreview({ dates }: { dates: readonly string[] }) {
  const { t } = useTranslation('events');
  const format = useFormat();
  const id = useId();
  const [first = '', last = ''] = [dates[0], dates[dates.length - 1]];
  const day = first.slice(8);
  const clamped = dates.some((date) => date.slice(8) !== day);
  const list = (
    <ol
      aria-labelledby={id}
      className="tabular mt-1 grid grid-cols-1 gap-x-4 sm:grid-cols-2"
    >
      {dates.map((date) => (
        <li key={date}>
          <time dateTime={date}>{format.date(date)}</time>
          {date.slice(8) !== day && (
            <span className="text-fg-muted"> {t('form.repeat.lastDay')}</span>
          )}
        </li>
      ))}
    </ol>
  );
  return (
    <div className="col-span-full text-sm">
      <p id={id} className="font-medium">
        {t('form.repeat.preview', {
          count: dates.length,
          first: format.date(first),
          last: format.date(last),
        })}
      </p>
      {clamped && (
        <p className="text-fg-muted">
          {t('form.repeat.clamped', { day: Number(day) })}
        </p>
      )}
      {dates.length > SHOWN_DATES ? (
        <details className="mt-1">
          <summary className="cursor-pointer">
            {t('form.repeat.showDates')}
          </summary>
          {list}
        </details>
      ) : (
        list
      )}
    </div>
  );
}

/** How far a batch has come: "Saving 5 of 12…", with a progress bar. */
export function BatchProgressBar({ done, total }: BatchProgress) {
  const { t } = useTranslation('events');
  const id = useId();
  return (
    <div className="col-span-full flex flex-col gap-1.5">
      <p id={id} role="status" className="text-sm">
        {t('form.repeat.progress', { done, total })}
      </p>
      <progress
        aria-labelledby={id}
        value={done}
        max={total}
        className="h-2 w-full accent-primary"
      />
    </div>
  );
}

/** The entries of a batch that could not be made, each with its reason. */
export function BatchFailures({ entries }: { entries: readonly BatchEntry[] }) {
  const { t } = useTranslation('events');
  const format = useFormat();
  const errorText = useErrorText();
  const failed = entries.flatMap((entry) => (entry.ok ? [] : [entry]));
  return (
    <Alert>
      <p className="font-medium">
        {t('form.repeat.failed', {
          failed: failed.length,
          total: entries.length,
        })}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {failed.map((entry) => (
          <li key={entry.body.notification_date}>
            {t('form.repeat.failedItem', {
              date: format.date(entry.body.notification_date),
              reason: errorText(entry.error),
            })}
          </li>
        ))}
      </ul>
      <p className="mt-1">
        {t('form.repeat.failedHint', {
          made: entries.length - failed.length,
        })}
      </p>
    </Alert>
  );
}

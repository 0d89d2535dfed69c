import * as z from 'zod/mini';

import { addMonths } from '@/utils/calendar-date';

import type { eventFormSchema } from './event-form';
import { MAX_REPEATS, repeatDates, type RepeatRule } from './repeat';

/** How often, as chosen: not at all, every 1, 3 or 12 months, or every N. */
export const REPEAT_EVERY = ['none', '1', '3', '12', 'n'] as const;
export type RepeatEvery = (typeof REPEAT_EVERY)[number];

/** The longest gap of "every N months". */
export const MAX_REPEAT_MONTHS = 12;

/** What the repeat fields of the event form hold: text as typed. */
export type RepeatFormInput = {
  every: RepeatEvery;
  /** N of "every N months". */
  months: string;
  end: 'count' | 'until';
  /** How many entries in all, the first included. */
  count: string;
  /** The last date one may fall on, as typed. */
  until: string;
};

export const NO_REPEAT: RepeatFormInput = {
  every: 'none',
  months: '2',
  end: 'count',
  count: '12',
  until: '',
};

export type RepeatProblem =
  | { field: 'months'; kind: 'months' }
  | { field: 'count'; kind: 'count' }
  | { field: 'until'; kind: 'until-required' | 'until-invalid' }
  /** The end is not after the first date. */
  | { field: 'until'; kind: 'until-early'; first: string }
  /** The end comes before the second date: nothing would repeat. */
  | { field: 'until'; kind: 'until-soon'; next: string }
  /** More than MAX_REPEATS dates: the last one allowed. */
  | { field: 'until'; kind: 'until-far'; last: string };

export type RepeatReading =
  | { ok: true; rule: RepeatRule | null }
  | { ok: false; problems: RepeatProblem[] };

/** A whole number from `min` to `max` as typed (digits only), or null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

/**
 * The rule the repeat fields describe (null: no repeat), or what is wrong
 * with them. `first` is the entry's own date, null while it is not a date
 * (the end is then checked only as a date).
 */
export function readRepeat(
  input: RepeatFormInput,
  first: string | null,
  parseDate: (text: string) => string | null,
): RepeatReading {
  if (input.every === 'none') return { ok: true, rule: null };
  const problems: RepeatProblem[] = [];
  const months =
    input.every === 'n'
      ? wholeNumber(input.months, 1, MAX_REPEAT_MONTHS)
      : Number(input.every);
  if (months === null) problems.push({ field: 'months', kind: 'months' });
  let end: RepeatRule['end'] | null = null;
  if (input.end === 'count') {
    const count = wholeNumber(input.count, 2, MAX_REPEATS);
    if (count === null) problems.push({ field: 'count', kind: 'count' });
    else end = { count };
  } else {
    const until = parseDate(input.until);
    if (until === null) {
      problems.push({
        field: 'until',
        kind: input.until.trim() === '' ? 'until-required' : 'until-invalid',
      });
    } else if (first !== null && until <= first) {
      problems.push({ field: 'until', kind: 'until-early', first });
    } else {
      end = { until };
    }
    if (end && 'until' in end && first !== null && months !== null) {
      const next = addMonths(first, months);
      const last = addMonths(first, (MAX_REPEATS - 1) * months);
      if (end.until < next) {
        problems.push({ field: 'until', kind: 'until-soon', next });
      } else if (addMonths(first, MAX_REPEATS * months) <= end.until) {
        problems.push({ field: 'until', kind: 'until-far', last });
      }
    }
  }
  if (problems.length > 0 || months === null || end === null) {
    return { ok: false, problems };
  }
  return { ok: true, rule: { months, end } };
}

/** The dates the repeat fields make of `first`, or none while they are wrong. */
export function repeatFormDates(
  input: RepeatFormInput,
  first: string | null,
  parseDate: (text: string) => string | null,
): string[] | null {
  if (first === null) return null;
  const reading = readRepeat(input, first, parseDate);
  if (!reading.ok || reading.rule === null) return null;
  return repeatDates(first, reading.rule);
}

const repeatFields = z.object({
  every: z.enum(REPEAT_EVERY),
  months: z.string(),
  end: z.enum(['count', 'until']),
  count: z.string(),
  until: z.string(),
});

/**
 * The event form's schema with its repeat fields, checked by readRepeat
 * against the entry's date, each problem under its field. Checked along
 * with the other fields, not after them: every message shows at once.
 */
export function withRepeat(
  schema: ReturnType<typeof eventFormSchema>,
  parseDate: (text: string) => string | null,
  message: (problem: RepeatProblem) => string,
) {
  return z.extend(schema, { repeat: repeatFields }).check(
    z.superRefine(
      (values, ctx) => {
        const dated = !ctx.issues.some(
          (issue) => issue.path?.[0] === 'notification_date',
        );
        const reading = readRepeat(
          values.repeat,
          dated ? values.notification_date : null,
          parseDate,
        );
        if (reading.ok) return;
        for (const problem of reading.problems) {
          ctx.addIssue({
            code: 'custom',
            path: ['repeat', problem.field],
            message: message(problem),
            input: values.repeat[problem.field],
          });
        }
      },
      // Run even when another field is wrong; not when these are unreadable.
      {
        when: (payload) =>
          !payload.issues.some((issue) => issue.path?.[0] === 'repeat'),
      },
    ),
  );
}

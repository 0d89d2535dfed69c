import * as z from 'zod/mini';

import { zEventCreate } from '@/api/generated/zod.gen';

import { parseAmount, type AmountProblem } from './amount';

/** What the event form's fields hold: text as typed. */
export type EventFormInput = {
  notification_date: string;
  object_id: string;
  income: string;
  expense: string;
  description: string;
};

export const EVENT_FORM_FIELDS = [
  'notification_date',
  'object_id',
  'income',
  'expense',
  'description',
] as const satisfies readonly (keyof EventFormInput)[];

export type EventFormMessages = {
  amount: Record<AmountProblem, string>;
};

const { shape } = zEventCreate;

/**
 * The contract's EventCreate, read from the form's text: dates as typed,
 * amounts with any grouping. Each field's own
 * schema from the contract still has the last word.
 */
export function eventFormSchema(
  /** Dates as typed in the locale or as YYYY-MM-DD (useDateText). */
  dateText: z.ZodMiniType<string, string>,
  messages: EventFormMessages,
) {
  const amountText = z.pipe(
    z.string(),
    z.transform((text: string, ctx) => {
      const amount = parseAmount(text);
      if (amount.ok) return amount.value;
      ctx.issues.push({
        code: 'custom',
        message: messages.amount[amount.problem],
        input: text,
      });
      return z.NEVER;
    }),
  );
  const objectChoice = z.pipe(
    z.string(),
    z.transform((value: string) => (value === '' ? undefined : Number(value))),
  );
  return z.extend(zEventCreate, {
    notification_date: z.pipe(dateText, shape.notification_date),
    object_id: z.pipe(objectChoice, shape.object_id),
    income: z.pipe(amountText, shape.income),
    expense: z.pipe(amountText, shape.expense),
  });
}

import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod/mini';

import { useTranslation } from '@/lib/i18n';
import type { Event, PropertyObject } from '@/api/generated';
import { useErrorText } from '@/components/errors/use-error-text';
import { DateField } from '@/components/form/date-field';
import { FormDialog } from '@/components/form/form-dialog';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useDateText } from '@/components/form/use-date-text';
import { Alert } from '@/components/ui/alert';
import { showToast } from '@/components/ui/toaster';
import { useFormat } from '@/lib/locale-settings';

import { useEditEvents } from '../api/use-bulk-events';
import { MAX_AMOUNT, parseAmount } from '../utils/amount';
import type { BulkEdit } from '../utils/bulk-edit';
import { BatchProgressBar } from './repeat-fields';

const KINDS = [
  'move',
  'shift-days',
  'shift-months',
  'set-date',
  'set-description',
  'set-income',
  'set-expense',
] as const;
type Kind = (typeof KINDS)[number];

/** What the dialog's fields hold: text as typed. */
type BulkEditInput = {
  kind: Kind;
  objectId: string;
  by: string;
  date: string;
  description: string;
  amount: string;
};

/** The most a shift moves: ten years. */
const MAX_SHIFT = { days: 3650, months: 120 } as const;

type Messages = {
  required: string;
  shift: (unit: 'days' | 'months') => string;
  amount: (problem: string) => string;
};

/** The fields as one change for every event, or their problems. */
function bulkEditSchema(
  dateText: z.ZodMiniType<string, string>,
  messages: Messages,
) {
  return z.pipe(
    z.object({
      kind: z.enum(KINDS),
      objectId: z.string(),
      by: z.string(),
      date: z.string(),
      description: z.string(),
      amount: z.string(),
    }),
    z.transform((values, ctx): BulkEdit => {
      const problem = (path: keyof BulkEditInput, message: string) => {
        ctx.issues.push({
          code: 'custom',
          message,
          input: values,
          path: [path],
        });
        return z.NEVER;
      };
      switch (values.kind) {
        case 'move':
          return values.objectId
            ? { kind: 'move', objectId: Number(values.objectId) }
            : problem('objectId', messages.required);
        case 'shift-days':
        case 'shift-months': {
          const unit = values.kind === 'shift-days' ? 'days' : 'months';
          const text = values.by.trim().replace('−', '-');
          const by = Number(text);
          return /^[+-]?\d+$/.test(text) &&
            by !== 0 &&
            Math.abs(by) <= MAX_SHIFT[unit]
            ? { kind: 'shift', by, unit }
            : problem('by', messages.shift(unit));
        }
        case 'set-date': {
          const date = dateText.safeParse(values.date);
          return date.success
            ? { kind: 'set-date', date: date.data }
            : problem('date', date.error.issues[0]?.message ?? '');
        }
        case 'set-description':
          return {
            kind: 'set-description',
            description: values.description.trim(),
          };
        case 'set-income':
        case 'set-expense': {
          const amount = parseAmount(values.amount);
          const field = values.kind === 'set-income' ? 'income' : 'expense';
          return amount.ok
            ? { kind: 'set-amount', field, amount: amount.value }
            : problem('amount', messages.amount(amount.problem));
        }
      }
    }),
  );
}

type BulkEditDialogProps = {
  /** The transactions to change, as selected. */
  events: readonly Event[];
  objects: readonly PropertyObject[];
  /** After a batch: the ones it could not change stay selected. */
  onFailed: (events: readonly Event[]) => void;
  onDone: () => void;
  onClose: () => void;
};

/**
 * One change for every selected transaction: another property, dates
 * moved or set, one description, one amount. One request per transaction
 * that changes, a few at a time, with progress; what fails is listed with
 * its reason, stays selected, and Retry sends only those.
 */
export function BulkEditDialog({
  events,
  objects,
  onFailed,
  onDone,
  onClose,
}: BulkEditDialogProps) {
  const { t } = useTranslation(['events', 'common']);
  const format = useFormat();
  const dates = useDateText();
  const errorText = useErrorText();
  const { editAll, progress } = useEditEvents();
  const [failures, setFailures] = useState<
    readonly { event: Event; error: unknown }[]
  >([]);

  const schema = useMemo(
    () =>
      bulkEditSchema(dates.schema, {
        required: t('common:validation.required'),
        shift: (unit) =>
          t(`selection.shiftInvalid.${unit}`, { max: MAX_SHIFT[unit] }),
        amount: (problem) =>
          problem === 'too-large'
            ? t('form.amountTooLarge', { max: format.number(MAX_AMOUNT, 0) })
            : problem === 'negative'
              ? t('form.amountNegative')
              : problem === 'fraction'
                ? t('form.amountFraction')
                : t('form.amountInvalid', { example: format.number(12000, 0) }),
      }),
    [dates, t, format],
  );
  const form = useForm<BulkEditInput, unknown, BulkEdit>({
    resolver: zodResolver(schema),
    defaultValues: {
      kind: 'move',
      objectId: '',
      by: '',
      date: '',
      description: '',
      amount: '',
    },
  });
  const kind = useWatch({ control: form.control, name: 'kind' });

  const apply = async (edit: BulkEdit) => {
    const outcome = await editAll(events, edit);
    if (!outcome) return;
    const changed = outcome.saved.length;
    if (outcome.failed.length === 0) {
      showToast({
        title:
          changed === 0
            ? t('selection.nothingChanged')
            : t('selection.changed', { count: changed }),
      });
      onDone();
      return;
    }
    setFailures(outcome.failed);
    onFailed(outcome.failed.map((failure) => failure.event));
  };

  const sortedObjects = [...objects].sort((a, b) =>
    a.name.localeCompare(b.name, format.locale),
  );
  return (
    <FormDialog
      title={t('selection.editTitle', { count: events.length })}
      form={form}
      onSubmit={apply}
      onClose={onClose}
      pending={progress !== null}
      error={null}
      submitLabel={
        failures.length > 0
          ? t('selection.retry', { count: failures.length })
          : t('selection.apply', { count: events.length })
      }
      notice={
        failures.length > 0 && (
          <Alert>
            <p className="font-medium">
              {t('selection.failed', { count: failures.length })}
            </p>
            <ul className="mt-1 list-disc pl-5">
              {failures.slice(0, 10).map(({ event, error }) => (
                <li key={event.id}>
                  {t('selection.failedItem', {
                    date: format.date(event.notification_date),
                    description: event.description,
                    reason: errorText(error),
                  })}
                </li>
              ))}
            </ul>
          </Alert>
        )
      }
    >
      <SelectField
        name="kind"
        label={t('selection.what')}
        options={KINDS.map((value) => ({
          value,
          label: t(`selection.kinds.${value}`),
        }))}
      />
      {kind === 'move' && (
        <SelectField
          name="objectId"
          label={t('form.object')}
          placeholder={t('form.chooseObject')}
          options={sortedObjects.map((object) => ({
            value: String(object.id),
            label: object.name,
          }))}
        />
      )}
      {(kind === 'shift-days' || kind === 'shift-months') && (
        <TextField
          name="by"
          label={t(
            kind === 'shift-days' ? 'selection.byDays' : 'selection.byMonths',
          )}
          hint={t('selection.byHint')}
          inputMode="numeric"
          autoComplete="off"
          inputClassName="tabular"
        />
      )}
      {kind === 'set-date' && <DateField name="date" label={t('form.date')} />}
      {kind === 'set-description' && (
        <TextField
          name="description"
          label={t('form.description')}
          rows={3}
          dir="auto"
        />
      )}
      {(kind === 'set-income' || kind === 'set-expense') && (
        <TextField
          name="amount"
          label={t(kind === 'set-income' ? 'form.income' : 'form.expense')}
          hint={t('selection.amountHint')}
          inputMode="numeric"
          autoComplete="off"
          inputClassName="tabular text-right"
        />
      )}
      {progress && <BatchProgressBar {...progress} />}
    </FormDialog>
  );
}

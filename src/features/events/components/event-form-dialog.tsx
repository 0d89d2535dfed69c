import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';

import { useTranslation } from '@/lib/i18n';
import type { Event, EventCreate, PropertyObject } from '@/api/generated';
import { useErrorText } from '@/components/errors/use-error-text';
import { DateField } from '@/components/form/date-field';
import { FormDialog } from '@/components/form/form-dialog';
import { SelectField } from '@/components/form/select-field';
import { LengthCount, TextField } from '@/components/form/text-field';
import { useDateText } from '@/components/form/use-date-text';
import { useFillFromDraft } from '@/components/form/use-fill-from-draft';
import { Button } from '@/components/ui/button';
import {
  EditConflictNotice,
  useEditConflict,
} from '@/components/ui/edit-conflict';
import { showToast } from '@/components/ui/toaster';
import { changedFields } from '@/lib/edit-conflicts';
import { useFormat } from '@/lib/locale-settings';
import { UNDO_WINDOW_MS } from '@/lib/pending-deletes';
import { applyServerFieldErrors } from '@/lib/server-errors';
import { todayIso } from '@/utils/calendar-date';

import { useCreateEvent } from '../api/use-create-event';
import {
  useCreateEvents,
  useRemoveEvents,
  type BatchEntry,
} from '../api/use-create-events';
import { useUpdateEvent } from '../api/use-update-event';
import { MAX_AMOUNT, parseAmount } from '../utils/amount';
import {
  EVENT_FORM_FIELDS,
  eventFormSchema,
  type EventFormInput,
} from '../utils/event-form';
import { MAX_REPEATS, repeatDates } from '../utils/repeat';
import {
  MAX_REPEAT_MONTHS,
  NO_REPEAT,
  readRepeat,
  repeatFormDates,
  withRepeat,
  type RepeatFormInput,
  type RepeatProblem,
} from '../utils/repeat-form';
import { BatchFailures, BatchProgressBar, RepeatFields } from './repeat-fields';

const DESCRIPTION_MAX = 1000;

type EventFormDialogProps = {
  /** The event to edit; a new event when absent. */
  event?: Event | undefined;
  objects: readonly PropertyObject[];
  /** The property a new event starts with. */
  defaultObjectId?: number | undefined;
  onClose: () => void;
  /** Offered while editing: hands the event over to the delete flow. */
  onDelete?: (event: Event) => void;
  /** Offered while editing, with nothing changed: a copy dated today. */
  onDuplicate?: (event: Event) => void;
  /** A new event filled like this one, dated today. */
  copyOf?: Event | undefined;
  /** What the form held when the session ended, to fill it with again. */
  draft?: EventDialogInput | undefined;
};

/** What the dialog's fields hold: the event's, and how a new one repeats. */
type EventDialogInput = EventFormInput & { repeat: RepeatFormInput };
type EventDialogOutput = EventCreate & { repeat: RepeatFormInput };

/** The key of the event form's draft (lib/drafts). */
export const EVENT_DRAFT = 'event-form';

/** What the event form keeps when the session ends under it. */
export type EventDraft = { eventId: number | null; values: EventDialogInput };

/**
 * Adds or edits an event in a dialog. The row changes in the table at once
 * while the request runs; on any failure the form stays as typed, with the
 * server's verdict under its fields. A new event may repeat: its dates are
 * shown before saving and made as one batch, with progress; entries that
 * fail are listed and retried alone, and one Undo takes the batch back.
 * Mounted while open: each opening starts from the event (or a blank one).
 */
export function EventFormDialog({
  event,
  objects,
  defaultObjectId,
  onClose,
  onDelete,
  onDuplicate,
  copyOf,
  draft,
}: EventFormDialogProps) {
  const { t } = useTranslation(['events', 'common']);
  const format = useFormat();
  const { locale } = format;
  const dates = useDateText();
  const errorText = useErrorText();
  const create = useCreateEvent();
  const batch = useCreateEvents();
  const removeEvents = useRemoveEvents();
  const update = useUpdateEvent();
  // While a repeat's batch runs the dialog stays, and leaving the page
  // asks first: a repeat is a change of the form, so it is dirty.
  const pending =
    create.isPending || update.isPending || batch.progress !== null;
  const [formError, setFormError] = useState<string | null>(null);
  // A repeat of which some entries were made and some were not.
  const [series, setSeries] = useState<BatchEntry[] | null>(null);
  const conflict = useEditConflict<Event>();

  const amountText = (amount: number) =>
    amount === 0 ? '' : format.number(amount, 0);
  const schema = useMemo(() => {
    const repeatMessage = (problem: RepeatProblem) => {
      switch (problem.kind) {
        case 'months':
          return t('form.repeat.monthsInvalid', { max: MAX_REPEAT_MONTHS });
        case 'count':
          return t('form.repeat.countInvalid', { max: MAX_REPEATS });
        case 'until-required':
          return t('common:validation.required');
        case 'until-invalid':
          return dates.invalid;
        case 'until-early':
          return t('form.repeat.untilEarly', {
            first: format.date(problem.first),
          });
        case 'until-soon':
          return t('form.repeat.untilSoon', {
            next: format.date(problem.next),
          });
        case 'until-far':
          return t('form.repeat.untilFar', {
            max: MAX_REPEATS,
            last: format.date(problem.last),
          });
      }
    };
    return withRepeat(
      eventFormSchema(dates.schema, {
        amount: {
          invalid: t('form.amountInvalid', {
            example: format.number(12000, 0),
          }),
          fraction: t('form.amountFraction'),
          negative: t('form.amountNegative'),
          'too-large': t('form.amountTooLarge', {
            max: format.number(MAX_AMOUNT, 0),
          }),
        },
      }),
      dates.parse,
      repeatMessage,
    );
  }, [dates, t, format]);
  const form = useForm<EventDialogInput, unknown, EventDialogOutput>({
    resolver: zodResolver(schema),
    defaultValues: {
      notification_date: dates.format(event?.notification_date ?? todayIso()),
      object_id: String(
        (event ?? copyOf)?.object_id ??
          defaultObjectId ??
          (objects.length === 1 ? objects[0]?.id : ''),
      ),
      income: amountText((event ?? copyOf)?.income ?? 0),
      expense: amountText((event ?? copyOf)?.expense ?? 0),
      description: (event ?? copyOf)?.description ?? '',
      repeat: NO_REPEAT,
    },
  });
  useFillFromDraft(form, draft);
  const description = useWatch({ control: form.control, name: 'description' });
  const repeat = useWatch({ control: form.control, name: 'repeat' });
  const firstText = useWatch({
    control: form.control,
    name: 'notification_date',
  });
  // The dates a repeat will be made on, as the fields stand.
  const seriesDates = event
    ? null
    : repeatFormDates(repeat, dates.parse(firstText), dates.parse);

  const failed = (error: unknown) =>
    setFormError(
      applyServerFieldErrors(
        error,
        form.setError,
        EVENT_FORM_FIELDS,
        errorText,
        (field, message) =>
          field === 'object_id' ? t('form.objectGone') : message,
      ),
    );

  /** One toast for what a batch made, whose Undo takes all of it back. */
  const announce = (entries: readonly BatchEntry[]) => {
    const made = entries.flatMap((entry) => (entry.ok ? [entry.created] : []));
    if (made.length === 0) return;
    const found = made.filter((created) => created.found).length;
    const queued = made.filter((created) => created.queued).length;
    // Once: a second click must not take the same events out twice.
    let undone = false;
    showToast({
      title:
        made.length === entries.length
          ? t('toasts.addedMany', { count: made.length })
          : t('toasts.addedSome', { made: made.length, total: entries.length }),
      description:
        queued > 0
          ? t('toasts.queuedMany', { count: queued })
          : found > 0
            ? t('toasts.addedManyFound', { count: found })
            : undefined,
      duration: UNDO_WINDOW_MS,
      action: {
        label: t('common:actions.undo'),
        onClick: () => {
          if (undone) return;
          undone = true;
          void removeEvents(made.map(({ event }) => event));
        },
      },
    });
  };

  /**
   * Sends a repeat's entries, or, after some failed, only the ones not made
   * yet. Closes once all are made; otherwise lists what failed.
   */
  const sendSeries = async (bodies: readonly EventCreate[]) => {
    const entries = await batch.createAll(bodies, { hold: true });
    if (!entries) return;
    if (entries.every((entry) => entry.ok)) {
      announce(entries);
      onClose();
      return;
    }
    if (entries.some((entry) => entry.ok)) {
      setSeries(entries);
      return;
    }
    // Nothing was made: as for one entry, the form says why and stays open
    // to be changed (a property deleted meanwhile) or sent again.
    const [first] = entries;
    if (first && !first.ok) failed(first.error);
  };

  const submit = async ({
    repeat: repeatInput,
    ...values
  }: EventDialogOutput) => {
    setFormError(null);
    if (series) {
      await sendSeries(series.map((entry) => entry.body));
      return;
    }
    const reading = event
      ? null
      : readRepeat(repeatInput, values.notification_date, dates.parse);
    const rule = reading?.ok ? reading.rule : null;
    if (rule) {
      await sendSeries(
        repeatDates(values.notification_date, rule).map((date) => ({
          ...values,
          notification_date: date,
        })),
      );
      return;
    }
    const patch = event
      ? changedFields(event, values, EVENT_FORM_FIELDS)
      : null;
    if (patch && Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    let found = false;
    let queued = false;
    try {
      if (event && patch) {
        queued = (await update.mutateAsync({ event, patch })) === null;
      } else ({ found, queued } = await create.mutateAsync(values));
    } catch (error) {
      if (!patch || !conflict.caught(error, patch)) failed(error);
      return;
    }
    showToast(
      queued
        ? { title: t('toasts.queued'), description: t('toasts.queuedBody') }
        : found
          ? {
              title: t('toasts.addedFound'),
              description: t('toasts.addedFoundBody'),
            }
          : { title: t(event ? 'toasts.saved' : 'toasts.added') },
    );
    onClose();
  };

  // Closed with some of a repeat made: those stay, with their Undo.
  const close = () => {
    if (series) announce(series);
    onClose();
  };

  // Someone else changed this event meanwhile, and the owner has chosen.
  const settle = async (keepMine: boolean) => {
    const edit = conflict.settle(keepMine);
    if (!edit) return;
    const sending = Object.keys(edit.patch).length > 0;
    if (sending) {
      try {
        await update.mutateAsync({
          event: edit.start,
          patch: edit.patch,
          settled: true,
        });
      } catch (error) {
        failed(error);
        return;
      }
    }
    showToast({
      title: t(sending ? 'toasts.saved' : 'common:conflict.keptTheirs'),
    });
    onClose();
  };
  const fieldLabel = (field: keyof Event) =>
    field === 'notification_date'
      ? t('form.date')
      : field === 'object_id'
        ? t('form.object')
        : t(`form.${field as 'income' | 'expense' | 'description'}`);
  const fieldValue = (field: keyof Event, value: unknown) =>
    field === 'notification_date'
      ? format.date(String(value))
      : field === 'object_id'
        ? (objects.find((object) => object.id === value)?.name ??
          t('form.deletedObject'))
        : field === 'description'
          ? String(value)
          : format.money(Number(value));

  const reformatAmount = (name: 'income' | 'expense') => {
    const amount = parseAmount(form.getValues(name));
    if (amount.ok && form.getValues(name).trim() !== '') {
      form.setValue(name, format.number(amount.value, 0), {
        shouldDirty: true,
      });
    }
  };

  const sortedObjects = [...objects].sort((a, b) =>
    a.name.localeCompare(b.name, locale),
  );
  const unmade = series?.filter((entry) => !entry.ok).length ?? 0;
  const submitLabel = event
    ? t('common:actions.save')
    : series
      ? t('form.repeat.retry', { count: unmade })
      : seriesDates
        ? t('form.addMany', { count: seriesDates.length })
        : repeat.every === 'none'
          ? t('form.add')
          : t('form.addRepeat');

  return (
    <FormDialog
      title={event ? t('form.editTitle') : t('form.addTitle')}
      form={form}
      onSubmit={submit}
      onClose={close}
      pending={pending}
      error={formError}
      submitLabel={submitLabel}
      // Once a repeat's batch has begun, its values would make every entry
      // again after a later sign-in, the ones made too: nothing is kept.
      draft={
        series || batch.progress
          ? undefined
          : {
              key: EVENT_DRAFT,
              values: (): EventDraft => ({
                eventId: event?.id ?? null,
                values: form.getValues(),
              }),
            }
      }
      className="grid-cols-2"
      notice={
        conflict.shown ? (
          <EditConflictNotice
            shown={conflict.shown}
            label={fieldLabel}
            value={fieldValue}
            onSettle={(keepMine) => void settle(keepMine)}
            busy={pending}
          />
        ) : (
          series && <BatchFailures entries={series} />
        )
      }
      secondaryAction={
        event && (
          <div className="flex gap-2">
            {onDelete && (
              <Button
                variant="ghost"
                className="text-danger!"
                disabled={pending}
                onClick={() => onDelete(event)}
              >
                {t('common:actions.delete')}
              </Button>
            )}
            {onDuplicate && (
              <Button
                variant="ghost"
                disabled={pending || form.formState.isDirty}
                title={t('form.duplicateHint')}
                onClick={() => onDuplicate(event)}
              >
                {t('form.duplicate')}
              </Button>
            )}
          </div>
        )
      }
    >
      {/* A repeat's entries are fixed once its batch has begun. */}
      <fieldset
        disabled={series !== null || batch.progress !== null}
        className="contents"
      >
        <DateField
          name="notification_date"
          label={t('form.date')}
          className="col-span-2 sm:col-span-1"
          // The first field has focus when the dialog opens.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
        />
        <SelectField
          name="object_id"
          label={t('form.object')}
          className="col-span-2 sm:col-span-1"
          placeholder={t('form.chooseObject')}
          options={sortedObjects.map((object) => ({
            value: String(object.id),
            label: object.name,
          }))}
        />
        {(['income', 'expense'] as const).map((name) => (
          <TextField
            key={name}
            name={name}
            label={t(`form.${name}`)}
            hint={t('form.amountHint', { example: format.money(12000) })}
            rules={{ onBlur: () => reformatAmount(name) }}
            inputMode="numeric"
            autoComplete="off"
            placeholder="0"
            inputClassName="tabular text-right"
          />
        ))}
        <TextField
          name="description"
          label={t('form.description')}
          className="col-span-2"
          hint={
            <LengthCount length={description.length} max={DESCRIPTION_MAX} />
          }
          rows={4}
          dir="auto"
        />
        {!event && (
          <RepeatFields
            every={repeat.every}
            end={repeat.end}
            dates={seriesDates}
          />
        )}
      </fieldset>
      {batch.progress && <BatchProgressBar {...batch.progress} />}
    </FormDialog>
  );
}

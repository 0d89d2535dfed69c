import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

import type { Event, EventCreate, PropertyObject } from '@/api/generated';
import { useErrorText } from '@/components/errors/use-error-text';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog } from '@/components/ui/dialog';
import {
  EditConflictNotice,
  useEditConflict,
} from '@/components/ui/edit-conflict';
import { FormField } from '@/components/ui/form-field';
import { Input, Select } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { showToast } from '@/components/ui/toaster';
import { UnsavedChangesDialog } from '@/components/ui/unsaved-changes-dialog';
import { useSubmitOnce } from '@/hooks/use-submit-once';
import { useUnsavedChanges } from '@/hooks/use-unsaved-changes';
import { changedFields } from '@/lib/edit-conflicts';
import { useFormat } from '@/lib/locale-settings';
import { applyServerFieldErrors } from '@/lib/server-errors';
import { cn } from '@/utils/cn';
import { todayIso } from '@/utils/calendar-date';

import { useCreateEvent } from '../api/use-create-event';
import { useUpdateEvent } from '../api/use-update-event';
import { MAX_AMOUNT, parseAmount } from '../utils/amount';
import { datePattern, formatDateText } from '../utils/date-text';
import {
  EVENT_FORM_FIELDS,
  eventFormSchema,
  type EventFormInput,
} from '../utils/event-form';

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
  /** What the form held when the session ended, to fill it with again. */
  draft?: EventFormInput | undefined;
};

/** The key of the event form's draft (lib/drafts). */
export const EVENT_DRAFT = 'event-form';

/** What the event form keeps when the session ends under it. */
export type EventDraft = { eventId: number | null; values: EventFormInput };

/**
 * Adds or edits an event in a dialog. The row changes in the table at once
 * while the request runs; on any failure the form stays as typed, with the
 * server's verdict under its fields. Mounted while open: each opening
 * starts from the event (or a blank one).
 */
export function EventFormDialog({
  event,
  objects,
  defaultObjectId,
  onClose,
  onDelete,
  draft,
}: EventFormDialogProps) {
  const { t } = useTranslation(['events', 'common']);
  const format = useFormat();
  const { locale } = format;
  const errorText = useErrorText();
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const pending = create.isPending || update.isPending;
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const conflict = useEditConflict<Event>();

  const amountText = (amount: number) =>
    amount === 0 ? '' : format.number(amount, 0);
  const schema = useMemo(
    () =>
      eventFormSchema(locale, {
        required: t('common:validation.required'),
        date: t('form.invalidDate', {
          example: formatDateText(todayIso(), locale),
        }),
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
    [locale, t, format],
  );
  const form = useForm<EventFormInput, unknown, EventCreate>({
    resolver: zodResolver(schema),
    defaultValues: event
      ? {
          notification_date: formatDateText(event.notification_date, locale),
          object_id: String(event.object_id),
          income: amountText(event.income),
          expense: amountText(event.expense),
          description: event.description,
        }
      : {
          notification_date: formatDateText(todayIso(), locale),
          object_id: String(
            defaultObjectId ?? (objects.length === 1 ? objects[0]?.id : ''),
          ),
          income: '',
          expense: '',
          description: '',
        },
  });
  const { isDirty } = form.formState;
  const blocker = useUnsavedChanges(isDirty, {
    key: EVENT_DRAFT,
    values: (): EventDraft => ({
      eventId: event?.id ?? null,
      values: form.getValues(),
    }),
  });
  // Filled again with what was typed before the session ended.
  useEffect(() => {
    if (!draft) return;
    for (const [name, value] of Object.entries(draft)) {
      form.setValue(name as keyof EventFormInput, value, {
        shouldDirty: true,
      });
    }
  }, [draft, form]);
  const description = useWatch({ control: form.control, name: 'description' });

  const close = () => {
    if (pending) return;
    if (isDirty) setConfirmDiscard(true);
    else onClose();
  };

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

  const submit = useSubmitOnce(async (values: EventCreate) => {
    setFormError(null);
    const patch = event
      ? changedFields(event, values, EVENT_FORM_FIELDS)
      : null;
    if (patch && Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    let found = false;
    try {
      if (event && patch) await update.mutateAsync({ event, patch });
      else ({ found } = await create.mutateAsync(values));
    } catch (error) {
      if (!patch || !conflict.caught(error, patch)) failed(error);
      return;
    }
    showToast(
      found
        ? {
            title: t('toasts.addedFound'),
            description: t('toasts.addedFoundBody'),
          }
        : { title: t(event ? 'toasts.saved' : 'toasts.added') },
    );
    onClose();
  });

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

  const pattern = datePattern(locale, {
    day: t('filters.dateParts.day'),
    month: t('filters.dateParts.month'),
    year: t('filters.dateParts.year'),
  });
  const sortedObjects = [...objects].sort((a, b) =>
    a.name.localeCompare(b.name, locale),
  );

  return (
    <>
      <Dialog
        open
        onOpenChange={(open) => {
          if (!open) close();
        }}
        title={event ? t('form.editTitle') : t('form.addTitle')}
      >
        <FormProvider {...form}>
          <form
            noValidate
            onSubmit={(submitEvent) =>
              void form.handleSubmit(submit)(submitEvent)
            }
            className="grid grid-cols-2 gap-4"
          >
            {formError && <Alert className="col-span-2">{formError}</Alert>}
            {conflict.shown && (
              <EditConflictNotice
                shown={conflict.shown}
                label={fieldLabel}
                value={fieldValue}
                onSettle={(keepMine) => void settle(keepMine)}
                busy={pending}
              />
            )}
            <FormField
              name="notification_date"
              label={t('form.date')}
              hint={t('form.dateHint', { pattern })}
              className="col-span-2 sm:col-span-1"
            >
              {(control) => (
                <Input
                  {...control}
                  {...form.register('notification_date')}
                  // The first field has focus when the dialog opens.
                  // eslint-disable-next-line jsx-a11y/no-autofocus
                  autoFocus
                  placeholder={pattern}
                  autoComplete="off"
                  spellCheck={false}
                  className="tabular"
                />
              )}
            </FormField>
            <FormField
              name="object_id"
              label={t('form.object')}
              className="col-span-2 sm:col-span-1"
            >
              {(control) => (
                <Select {...control} {...form.register('object_id')}>
                  <option value="" disabled>
                    {t('form.chooseObject')}
                  </option>
                  {sortedObjects.map((object) => (
                    <option key={object.id} value={object.id}>
                      {object.name}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            {(['income', 'expense'] as const).map((name) => (
              <FormField
                key={name}
                name={name}
                label={t(`form.${name}`)}
                hint={t('form.amountHint', {
                  example: format.money(12000),
                })}
              >
                {(control) => (
                  <Input
                    {...control}
                    {...form.register(name, {
                      onBlur: () => reformatAmount(name),
                    })}
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="0"
                    className="tabular text-right"
                  />
                )}
              </FormField>
            ))}
            <FormField
              name="description"
              label={t('form.description')}
              className="col-span-2"
              hint={
                <span
                  className={cn(
                    'tabular',
                    description.length > DESCRIPTION_MAX && 'text-danger',
                  )}
                >
                  {t('form.counter', {
                    count: description.length,
                    max: DESCRIPTION_MAX,
                  })}
                </span>
              }
            >
              {(control) => (
                <textarea
                  {...control}
                  {...form.register('description')}
                  rows={4}
                  dir="auto"
                  className="block w-full rounded-md border border-border-strong bg-surface px-3 py-2 text-sm text-fg placeholder:text-fg-muted aria-[invalid=true]:border-danger"
                />
              )}
            </FormField>
            <div className="col-span-2 flex flex-wrap items-center gap-2">
              {event && onDelete && (
                <Button
                  variant="ghost"
                  className="text-danger!"
                  disabled={pending}
                  onClick={() => onDelete(event)}
                >
                  {t('common:actions.delete')}
                </Button>
              )}
              <div className="ml-auto flex gap-2">
                <Button variant="secondary" disabled={pending} onClick={close}>
                  {t('common:actions.cancel')}
                </Button>
                <Button type="submit" disabled={pending}>
                  {pending && <Spinner />}
                  {pending
                    ? t('common:actions.saving')
                    : event
                      ? t('common:actions.save')
                      : t('form.add')}
                </Button>
              </div>
            </div>
          </form>
        </FormProvider>
      </Dialog>
      <ConfirmDialog
        open={confirmDiscard}
        onOpenChange={setConfirmDiscard}
        title={t('form.discardTitle')}
        description={t('form.discardBody')}
        confirmLabel={t('form.discard')}
        cancelLabel={t('form.keepEditing')}
        onConfirm={onClose}
      />
      <UnsavedChangesDialog blocker={blocker} />
    </>
  );
}

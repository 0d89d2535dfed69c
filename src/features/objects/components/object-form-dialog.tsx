import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';

import type { PropertyObject } from '@/api/generated';
import { zPropertyObjectCreate } from '@/api/generated/zod.gen';
import { useErrorText } from '@/components/errors/use-error-text';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog } from '@/components/ui/dialog';
import {
  EditConflictNotice,
  useEditConflict,
} from '@/components/ui/edit-conflict';
import { FormField } from '@/components/ui/form-field';
import { Input, inputClass } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { showToast } from '@/components/ui/toaster';
import { UnsavedChangesDialog } from '@/components/ui/unsaved-changes-dialog';
import { useSubmitOnce } from '@/hooks/use-submit-once';
import { useUnsavedChanges } from '@/hooks/use-unsaved-changes';
import { changedFields } from '@/lib/edit-conflicts';
import { useFormat } from '@/lib/locale-settings';
import { applyServerFieldErrors } from '@/lib/server-errors';
import { cn } from '@/utils/cn';

import { useCreateObject } from '../api/create-object';
import { useUpdateObject } from '../api/update-object';
import { areaInputValue, parseArea } from '../utils/area';

const NAME_MAX = 120;
const ADDRESS_MAX = 300;
const FIELDS = ['name', 'area', 'address'] as const;

const { shape } = zPropertyObjectCreate;
const trimmed = z.string().check(z.trim());

/** The contract's rules for each field, on what people type. */
function objectFormSchema(areaInvalid: () => string) {
  return z.object({
    name: z.pipe(trimmed, shape.name),
    area: z.pipe(
      z.pipe(
        trimmed.check(z.minLength(1)),
        z.transform((text, ctx) => {
          const area = parseArea(text);
          if (area !== null) return area;
          ctx.issues.push({
            code: 'custom',
            message: areaInvalid(),
            input: text,
          });
          return z.NEVER;
        }),
      ),
      shape.area,
    ),
    address: z.pipe(trimmed, shape.address),
  });
}

type Schema = ReturnType<typeof objectFormSchema>;
type FormInput = z.input<Schema>;
type FormOutput = z.output<Schema>;

type ObjectFormDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The object to edit; a new one is made without it. */
  object?: PropertyObject;
};

/** Adds or edits a property in a dialog (a full-screen sheet on phones). */
export function ObjectFormDialog({
  open,
  onOpenChange,
  object,
}: ObjectFormDialogProps) {
  const { t } = useTranslation(['objects', 'common']);
  const [form, setForm] = useState<{ dirty: boolean; saving: boolean }>({
    dirty: false,
    saving: false,
  });
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  // Typed text is never thrown away without asking.
  const requestClose = () => {
    if (form.dirty || form.saving) setConfirmingDiscard(true);
    else onOpenChange(false);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : requestClose())}
      title={object ? t('form.editTitle') : t('form.createTitle')}
    >
      <ObjectForm
        object={object}
        onStateChange={setForm}
        onCancel={requestClose}
        onUnchanged={() => onOpenChange(false)}
        onSaved={(saved) => {
          onOpenChange(false);
          showToast({
            title: object
              ? t('form.updated', { name: saved.name })
              : t('form.created', { name: saved.name }),
          });
        }}
      />
      <ConfirmDialog
        open={confirmingDiscard}
        onOpenChange={setConfirmingDiscard}
        title={t('form.discardTitle')}
        description={t('form.discardBody')}
        confirmLabel={t('form.discard')}
        cancelLabel={t('form.keepEditing')}
        onConfirm={() => onOpenChange(false)}
      />
    </Dialog>
  );
}

type ObjectFormProps = {
  object: PropertyObject | undefined;
  onStateChange: (state: { dirty: boolean; saving: boolean }) => void;
  onCancel: () => void;
  /** Saving an edit that changes nothing just closes. */
  onUnchanged: () => void;
  onSaved: (object: PropertyObject) => void;
};

function ObjectForm({
  object,
  onStateChange,
  onCancel,
  onUnchanged,
  onSaved,
}: ObjectFormProps) {
  const { t } = useTranslation(['objects', 'common']);
  const format = useFormat();
  const errorText = useErrorText();
  const create = useCreateObject();
  const update = useUpdateObject();
  const saving = create.isPending || update.isPending;
  const [formError, setFormError] = useState<string | null>(null);
  const conflict = useEditConflict<PropertyObject>();

  const schema = useMemo(
    () => objectFormSchema(() => t('form.areaInvalid')),
    [t],
  );
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: object?.name ?? '',
      area: object ? areaInputValue(object.area, format.locale) : '',
      address: object?.address ?? '',
    },
  });
  const { isDirty } = form.formState;
  const [name, address] = useWatch({
    control: form.control,
    name: ['name', 'address'],
  });

  useEffect(() => {
    onStateChange({ dirty: isDirty, saving });
  }, [isDirty, saving, onStateChange]);
  useEffect(() => {
    form.setFocus('name');
  }, [form]);
  const blocker = useUnsavedChanges(isDirty);

  const failed = (error: unknown) =>
    setFormError(
      applyServerFieldErrors(error, form.setError, FIELDS, errorText),
    );

  const save = useSubmitOnce(async (values: FormOutput) => {
    setFormError(null);
    const patch = object ? changedFields(object, values, FIELDS) : null;
    if (patch && Object.keys(patch).length === 0) {
      onUnchanged();
      return;
    }
    try {
      onSaved(
        object && patch
          ? await update.mutateAsync({ object, patch })
          : await create.mutateAsync(values),
      );
    } catch (error) {
      if (!patch || !conflict.caught(error, patch)) failed(error);
    }
  });

  // Someone else changed this property meanwhile, and the owner has chosen.
  const settle = async (keepMine: boolean) => {
    const edit = conflict.settle(keepMine);
    if (!edit) return;
    if (Object.keys(edit.patch).length === 0) {
      showToast({ title: t('common:conflict.keptTheirs') });
      onUnchanged();
      return;
    }
    try {
      onSaved(
        await update.mutateAsync({
          object: edit.start,
          patch: edit.patch,
          settled: true,
        }),
      );
    } catch (error) {
      failed(error);
    }
  };

  const counter = (length: number, max: number) => (
    <span
      className={cn('tabular whitespace-nowrap', length > max && 'text-danger')}
    >
      {t('form.counter', { count: length, max })}
    </span>
  );

  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={(event) => void form.handleSubmit(save)(event)}
      >
        <div className="grid gap-4">
          {formError && <Alert>{formError}</Alert>}
          {conflict.shown && (
            <EditConflictNotice
              shown={conflict.shown}
              label={(field) => t(`form.${field as (typeof FIELDS)[number]}`)}
              value={(field, value) =>
                field === 'area'
                  ? t('common:units.area', {
                      value: format.number(Number(value), 2),
                    })
                  : String(value)
              }
              onSettle={(keepMine) => void settle(keepMine)}
              busy={saving}
            />
          )}
          <FormField
            name="name"
            label={t('form.name')}
            hint={
              <span className="flex justify-between gap-3">
                <span>{t('form.nameHint')}</span>
                {counter(name.length, NAME_MAX)}
              </span>
            }
          >
            {(control) => (
              <Input
                {...control}
                {...form.register('name')}
                autoComplete="off"
                dir="auto"
              />
            )}
          </FormField>
          <FormField
            name="area"
            label={t('form.area')}
            hint={t('form.areaHint')}
          >
            {(control) => (
              <Input
                {...control}
                {...form.register('area')}
                inputMode="decimal"
                autoComplete="off"
                className="tabular sm:max-w-40"
              />
            )}
          </FormField>
          <FormField
            name="address"
            label={t('form.address')}
            hint={
              <span className="flex justify-end">
                {counter(address.length, ADDRESS_MAX)}
              </span>
            }
          >
            {(control) => (
              <textarea
                {...control}
                {...form.register('address')}
                rows={3}
                autoComplete="street-address"
                dir="auto"
                className={cn(inputClass, 'h-auto resize-y py-2')}
              />
            )}
          </FormField>
        </div>
        <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" disabled={saving}>
            {saving && <Spinner />}
            {saving
              ? t('form.saving')
              : object
                ? t('common:actions.save')
                : t('form.create')}
          </Button>
        </div>
      </form>
      <UnsavedChangesDialog blocker={blocker} />
    </FormProvider>
  );
}

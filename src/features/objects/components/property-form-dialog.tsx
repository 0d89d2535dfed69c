import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod/mini';

import { useTranslation } from '@/lib/i18n';
import type { PropertyObject } from '@/api/generated';
import { zPropertyObjectCreate } from '@/api/generated/zod.gen';
import { useErrorText } from '@/components/errors/use-error-text';
import { FormDialog } from '@/components/form/form-dialog';
import { LengthCount, TextField } from '@/components/form/text-field';
import {
  EditConflictNotice,
  useEditConflict,
} from '@/components/ui/edit-conflict';
import { showToast } from '@/components/ui/toaster';
import { changedFields } from '@/lib/edit-conflicts';
import { useFormat } from '@/lib/locale-settings';
import { applyServerFieldErrors } from '@/lib/server-errors';

import { useCreateObject } from '../api/create-object';
import { useUpdateObject } from '../api/update-object';
import { areaInputValue, parseArea } from '../utils/area';

const NAME_MAX = 120;
const ADDRESS_MAX = 300;
const FIELDS = ['name', 'area', 'address'] as const;

const { shape } = zPropertyObjectCreate;
const trimmed = z.string().check(z.trim());

/** The contract's rules for each field, on what people type. */
function propertyFormSchema(areaInvalid: () => string) {
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

type Schema = ReturnType<typeof propertyFormSchema>;
type FormInput = z.input<Schema>;
type FormOutput = z.output<Schema>;

type PropertyFormDialogProps = {
  /** The property to edit; a new one is made without it. */
  property?: PropertyObject | undefined;
  onClose: () => void;
};

/**
 * Adds or edits a property in a dialog (a full-screen sheet on phones),
 * mounted while open.
 */
export function PropertyFormDialog({
  property,
  onClose,
}: PropertyFormDialogProps) {
  const { t } = useTranslation(['objects', 'common']);
  const format = useFormat();
  const errorText = useErrorText();
  const create = useCreateObject();
  const update = useUpdateObject();
  const saving = create.isPending || update.isPending;
  const [formError, setFormError] = useState<string | null>(null);
  const conflict = useEditConflict<PropertyObject>();

  const schema = useMemo(
    () => propertyFormSchema(() => t('form.areaInvalid')),
    [t],
  );
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: property?.name ?? '',
      area: property ? areaInputValue(property.area, format.locale) : '',
      address: property?.address ?? '',
    },
  });
  const [name, address] = useWatch({
    control: form.control,
    name: ['name', 'address'],
  });

  const failed = (error: unknown) =>
    setFormError(
      applyServerFieldErrors(error, form.setError, FIELDS, errorText),
    );
  const saved = (done: PropertyObject) => {
    onClose();
    showToast({
      title: property
        ? t('form.updated', { name: done.name })
        : t('form.created', { name: done.name }),
    });
  };

  const save = async (values: FormOutput) => {
    setFormError(null);
    const patch = property ? changedFields(property, values, FIELDS) : null;
    if (patch && Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    try {
      saved(
        property && patch
          ? await update.mutateAsync({ object: property, patch })
          : await create.mutateAsync(values),
      );
    } catch (error) {
      if (!patch || !conflict.caught(error, patch)) failed(error);
    }
  };

  // Someone else changed this property meanwhile, and the owner has chosen.
  const settle = async (keepMine: boolean) => {
    const edit = conflict.settle(keepMine);
    if (!edit) return;
    if (Object.keys(edit.patch).length === 0) {
      showToast({ title: t('common:conflict.keptTheirs') });
      onClose();
      return;
    }
    try {
      saved(
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

  return (
    <FormDialog
      title={property ? t('form.editTitle') : t('form.createTitle')}
      form={form}
      onSubmit={save}
      onClose={onClose}
      pending={saving}
      error={formError}
      submitLabel={property ? t('common:actions.save') : t('form.create')}
      notice={
        conflict.shown && (
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
        )
      }
    >
      <TextField
        name="name"
        label={t('form.name')}
        hint={
          <span className="flex justify-between gap-3">
            <span>{t('form.nameHint')}</span>
            <LengthCount length={name.length} max={NAME_MAX} />
          </span>
        }
        // The first field has focus when the dialog opens.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        autoComplete="off"
        dir="auto"
      />
      <TextField
        name="area"
        label={t('form.area')}
        hint={t('form.areaHint')}
        inputMode="decimal"
        autoComplete="off"
        inputClassName="tabular sm:max-w-40"
      />
      <TextField
        name="address"
        label={t('form.address')}
        hint={
          <span className="flex justify-end">
            <LengthCount length={address.length} max={ADDRESS_MAX} />
          </span>
        }
        rows={3}
        autoComplete="street-address"
        dir="auto"
      />
    </FormDialog>
  );
}

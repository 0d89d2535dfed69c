import type { ComponentProps, ReactNode } from 'react';
import { useFormContext, type RegisterOptions } from 'react-hook-form';

import { useTranslation } from '@/lib/i18n';
import { Input, inputClass } from '@/components/ui/input';
import { cn } from '@/utils/cn';

import { FormField } from './form-field';

export type BoundFieldProps = {
  /** The field of the surrounding react-hook-form form. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Where the field sits in the form's grid. */
  className?: string;
};

type TextFieldProps = BoundFieldProps &
  Omit<ComponentProps<'input'>, 'name' | 'className' | 'children'> & {
    rules?: RegisterOptions;
    /** A text area of this many rows instead of one line. */
    rows?: number;
    inputClassName?: string;
  };

/** A text field of the surrounding form, with its label, hint and error. */
export function TextField({
  name,
  label,
  hint,
  className,
  rules,
  rows,
  inputClassName,
  ...input
}: TextFieldProps) {
  const { register } = useFormContext();
  return (
    <FormField name={name} label={label} hint={hint} className={className}>
      {(control) =>
        rows ? (
          <textarea
            {...control}
            {...register(name, rules)}
            rows={rows}
            dir={input.dir}
            autoComplete={input.autoComplete}
            placeholder={input.placeholder}
            className={cn(inputClass, 'h-auto resize-y py-2', inputClassName)}
          />
        ) : (
          <Input
            {...control}
            {...input}
            {...register(name, rules)}
            className={inputClassName}
          />
        )
      }
    </FormField>
  );
}

/** How much of a length limit a text uses, red once it is over. */
export function LengthCount({ length, max }: { length: number; max: number }) {
  const { t } = useTranslation();
  return (
    <span
      className={cn('tabular whitespace-nowrap', length > max && 'text-danger')}
    >
      {t('lengthCount', { count: length, max })}
    </span>
  );
}

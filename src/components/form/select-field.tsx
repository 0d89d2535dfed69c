import { Controller, useFormContext } from 'react-hook-form';

import { Select } from '@/components/ui/input';

import { FormField } from './form-field';
import type { BoundFieldProps } from './text-field';

export type SelectOption = {
  value: number | string;
  label: string;
  /** The option's own language, when it is a language's name. */
  lang?: string;
};

type SelectFieldProps = BoundFieldProps & {
  options: readonly SelectOption[];
  /** The first, unchoosable option while nothing is chosen. */
  placeholder?: string;
  /** The value is an id: kept as a number, not as the option's text. */
  numeric?: boolean;
  /** After the form has the new value. */
  onChosen?: (value: number | string) => void;
  autoComplete?: string;
  busy?: boolean;
};

/** A choice among options, as a field of the surrounding form. */
export function SelectField({
  name,
  label,
  hint,
  className,
  options,
  placeholder,
  numeric = false,
  onChosen,
  autoComplete,
  busy,
}: SelectFieldProps) {
  const { control } = useFormContext();
  return (
    <FormField name={name} label={label} hint={hint} className={className}>
      {(fieldControl) => (
        <Controller
          control={control}
          name={name}
          render={({ field }) => (
            <Select
              {...fieldControl}
              ref={field.ref}
              name={field.name}
              value={field.value === undefined ? '' : String(field.value)}
              onBlur={field.onBlur}
              onChange={(event) => {
                const { value } = event.target;
                const chosen = numeric ? Number(value) : value;
                field.onChange(chosen);
                onChosen?.(chosen);
              }}
              autoComplete={autoComplete}
              aria-busy={busy}
            >
              {placeholder !== undefined && (
                <option value="" disabled>
                  {placeholder}
                </option>
              )}
              {options.map((option) => (
                <option
                  key={option.value}
                  value={option.value}
                  lang={option.lang}
                >
                  {option.label}
                </option>
              ))}
            </Select>
          )}
        />
      )}
    </FormField>
  );
}

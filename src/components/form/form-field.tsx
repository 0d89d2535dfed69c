import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';

import { Field, type FieldControlProps } from './field';

type FormFieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * A `Field` of the surrounding react-hook-form form, showing its error (from
 * the client schema or the server).
 */
export function FormField({ name, ...field }: FormFieldProps) {
  const { getFieldState, formState } = useFormContext();
  const { error } = getFieldState(name, formState);
  return <Field {...field} error={error && (error.message ?? '')} />;
}

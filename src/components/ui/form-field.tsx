import { useId, type ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';

import { cn } from '@/utils/cn';

export type FieldControlProps = {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
};

type FormFieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * A labelled form control of the surrounding react-hook-form form, with its
 * hint and its error (from the client schema or the server) tied to it for
 * screen readers.
 */
export function FormField({
  name,
  label,
  hint,
  className,
  children,
}: FormFieldProps) {
  const id = useId();
  const { getFieldState, formState } = useFormContext();
  const { error } = getFieldState(name, formState);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error?.message ? `${id}-error` : undefined;
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        'aria-describedby':
          [errorId, hintId].filter(Boolean).join(' ') || undefined,
      })}
      {error?.message && (
        <p id={errorId} className="text-sm text-danger">
          {error.message}
        </p>
      )}
      {hint && (
        <p id={hintId} className="text-xs text-fg-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

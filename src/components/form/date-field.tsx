import { useFormContext } from 'react-hook-form';

import { TextField, type BoundFieldProps } from './text-field';
import { useDateText } from './use-date-text';

type DateFieldProps = BoundFieldProps & {
  autoComplete?: string;
  autoFocus?: boolean;
};

/**
 * A date of the surrounding form, typed the way the owner's locale writes
 * it (see useDateText), and written out that way once the field is left.
 */
export function DateField({
  name,
  label,
  hint,
  className,
  autoComplete = 'off',
  autoFocus,
}: DateFieldProps) {
  const dates = useDateText();
  const { getValues, setValue } = useFormContext();
  return (
    <TextField
      name={name}
      label={label}
      hint={hint ?? dates.hint}
      className={className}
      placeholder={dates.pattern}
      autoComplete={autoComplete}
      // The first field of a dialog has focus when it opens.
      // eslint-disable-next-line jsx-a11y/no-autofocus
      autoFocus={autoFocus}
      spellCheck={false}
      inputClassName="tabular"
      rules={{
        onBlur: () => {
          const iso = dates.parse(String(getValues(name)));
          if (iso !== null) {
            setValue(name, dates.format(iso), { shouldDirty: true });
          }
        },
      }}
    />
  );
}

import { useState, type ComponentProps } from 'react';

import { cn } from '@/utils/cn';
import { phoneText, readPhone } from '@/utils/phone';

import { inputClass } from './input';

type PhoneInputProps = Omit<ComponentProps<'input'>, 'value' | 'onChange'> & {
  /** The whole number in E.164, e.g. +79161234567. */
  value: string;
  onChange: (e164: string) => void;
  /** ISO 3166 alpha-2 code of the chosen country. */
  country: string;
  phoneCode: string;
  mask: string;
  /** A typed or pasted +code named this country. */
  onCountryTyped?: (country: string) => void;
};

/**
 * Phone entry for the chosen country, under its calling code. Takes the
 * number as people write it (with the trunk prefix, spaces, dashes, or
 * pasted with a +code) and reports E.164; a +code of another country is
 * handed to `onCountryTyped`.
 */
export function PhoneInput({
  value,
  onChange,
  country,
  phoneCode,
  mask,
  onCountryTyped,
  className,
  ...props
}: PhoneInputProps) {
  // What the field shows, and the value it was shown for: a new value from
  // outside (a form reset) is shown afresh, the one just typed is not.
  const [shown, setShown] = useState(() => ({
    value,
    text: phoneText(value, country, mask),
  }));
  if (shown.value !== value) {
    setShown({ value, text: phoneText(value, country, mask) });
  }

  return (
    <div className={cn('flex', className)}>
      <span
        aria-hidden="true"
        className="tabular flex items-center rounded-l-md border border-r-0 border-border-strong bg-surface-muted px-3 text-sm text-fg-muted"
      >
        {phoneCode}
      </span>
      <input
        {...props}
        type="tel"
        inputMode="tel"
        autoComplete="tel-national"
        placeholder={mask.replaceAll('#', '0')}
        className={cn(inputClass, 'tabular rounded-l-none')}
        value={shown.text}
        onChange={(event) => {
          const reading = readPhone(event.target.value, country, mask);
          setShown({ value: reading.e164, text: reading.text });
          if (reading.e164 !== value) onChange(reading.e164);
          if (reading.country && reading.country !== country) {
            onCountryTyped?.(reading.country);
          }
        }}
      />
    </div>
  );
}

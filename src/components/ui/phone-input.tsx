import type { ComponentProps } from 'react';

import {
  formatByMask,
  maskDigitCount,
  nationalDigits,
  onlyDigits,
} from '@/utils/phone';
import { cn } from '@/utils/cn';

import { inputClass } from './input';

type PhoneInputProps = Omit<ComponentProps<'input'>, 'value' | 'onChange'> & {
  /** The whole number in E.164, e.g. +79161234567. */
  value: string;
  onChange: (e164: string) => void;
  phoneCode: string;
  mask: string;
};

/**
 * Phone entry guided by the country's calling code and mask; what it reports
 * is always E.164 (code plus national digits), whatever was typed or pasted.
 */
export function PhoneInput({
  value,
  onChange,
  phoneCode,
  mask,
  className,
  ...props
}: PhoneInputProps) {
  const maxDigits = maskDigitCount(mask);
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
        value={formatByMask(nationalDigits(value, phoneCode), mask)}
        onChange={(event) => {
          let digits = onlyDigits(event.target.value);
          // A pasted international number carries the calling code: drop it.
          const codeDigits = onlyDigits(phoneCode);
          if (digits.length > maxDigits && digits.startsWith(codeDigits)) {
            digits = digits.slice(codeDigits.length);
          }
          onChange(`${phoneCode}${digits.slice(0, maxDigits)}`);
        }}
      />
    </div>
  );
}

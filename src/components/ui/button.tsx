import type { ComponentProps } from 'react';

import { cn } from '@/utils/cn';

const variants = {
  primary:
    'bg-primary text-on-primary hover:bg-primary-hover disabled:opacity-60',
  secondary:
    'border border-border-strong bg-surface text-fg hover:bg-surface-muted disabled:opacity-60',
  ghost: 'text-fg hover:bg-surface-muted disabled:opacity-60',
  danger: 'bg-danger text-surface hover:opacity-90 disabled:opacity-60',
} as const;

const sizes = {
  md: 'h-10 px-4 text-sm',
  sm: 'h-8 px-3 text-sm',
  icon: 'h-10 w-10',
} as const;

export type ButtonProps = ComponentProps<'button'> & {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
};

export function buttonClass(
  variant: keyof typeof variants = 'primary',
  size: keyof typeof sizes = 'md',
): string {
  return cn(
    'inline-flex shrink-0 items-center justify-center gap-2 rounded-md font-medium transition-colors disabled:cursor-not-allowed',
    variants[variant],
    sizes[size],
  );
}

export function Button({
  variant,
  size,
  className,
  type = 'button',
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cn(buttonClass(variant, size), className)}
      {...props}
    />
  );
}

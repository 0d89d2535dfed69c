import type { ReactNode } from 'react';

import { cn } from '@/utils/cn';

const tones = {
  error: 'border-danger bg-danger-soft',
  info: 'border-primary bg-info-soft',
  warning: 'border-border-strong bg-warning-soft',
} as const;

type AlertProps = {
  tone?: keyof typeof tones;
  children: ReactNode;
  action?: ReactNode;
  className?: string;
};

/** A message in the flow of the page; errors are announced at once. */
export function Alert({
  tone = 'error',
  children,
  action,
  className,
}: AlertProps) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn(
        'flex flex-wrap items-center gap-3 rounded-md border-l-4 px-4 py-3 text-sm',
        tones[tone],
        className,
      )}
    >
      <div className="min-w-0 flex-1">{children}</div>
      {action}
    </div>
  );
}

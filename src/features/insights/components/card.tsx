import type { ReactNode } from 'react';

import { cn } from '@/utils/cn';

type CardProps = {
  /** The id of the heading inside `title`. */
  labelledBy: string;
  title: ReactNode;
  /** Controls at the end of the title row. */
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
};

/** A titled panel of the overview. */
export function Card({
  labelledBy,
  title,
  actions,
  className,
  children,
}: CardProps) {
  return (
    <section
      aria-labelledby={labelledBy}
      className={cn(
        'min-w-0 rounded-lg border border-border bg-surface p-4',
        className,
      )}
    >
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>{title}</div>
        {actions}
      </div>
      {children}
    </section>
  );
}

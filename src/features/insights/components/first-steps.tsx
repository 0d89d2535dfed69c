import { useId } from 'react';
import { Link } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import { buttonClass } from '@/components/ui/button';
import { OPEN_ADD } from '@/hooks/use-open-add';
import { cn } from '@/utils/cn';

const steps = [
  { key: 'property', to: '/objects' },
  { key: 'event', to: '/events' },
] as const;

/**
 * For an owner who has not entered anything yet: the two steps that fill
 * the overview, instead of a page of zeros.
 */
export function FirstSteps({
  next,
  name,
}: {
  next: 'property' | 'event';
  /** The owner's first name, once the profile is known. */
  name: string | undefined;
}) {
  const { t } = useTranslation('insights');
  const headingId = useId();
  const nextIndex = steps.findIndex((step) => step.key === next);
  return (
    <section
      aria-labelledby={headingId}
      className="mx-auto max-w-xl rounded-lg border border-dashed border-border-strong bg-surface px-6 py-8"
    >
      {name !== undefined && (
        <p className="mb-1 text-sm text-fg-muted" dir="auto">
          {t('firstSteps.welcome', { name })}
        </p>
      )}
      <h2 id={headingId} className="text-lg font-semibold">
        {t('firstSteps.title')}
      </h2>
      <p className="mt-1 text-sm text-fg-muted">{t('firstSteps.body')}</p>
      <ol className="mt-6 space-y-4">
        {steps.map((step, index) => {
          const done = index < nextIndex;
          const current = index === nextIndex;
          return (
            <li key={step.key} className="flex gap-3">
              <span
                aria-hidden="true"
                className={cn(
                  'flex size-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold',
                  done
                    ? 'bg-income text-surface'
                    : current
                      ? 'bg-primary text-on-primary'
                      : 'bg-surface-muted text-fg-muted',
                )}
              >
                {done ? '✓' : index + 1}
              </span>
              <div className="min-w-0">
                <p className={cn('font-medium', done && 'text-fg-muted')}>
                  {t(`firstSteps.${step.key}.title`)}
                  {done && (
                    <span className="sr-only"> — {t('firstSteps.done')}</span>
                  )}
                </p>
                <p className="text-sm text-fg-muted">
                  {t(`firstSteps.${step.key}.body`)}
                </p>
                {current && (
                  <Link
                    to={step.to}
                    state={OPEN_ADD}
                    className={cn(buttonClass(), 'mt-3')}
                  >
                    {t(`firstSteps.${step.key}.action`)}
                  </Link>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

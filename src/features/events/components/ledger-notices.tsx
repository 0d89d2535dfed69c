import type { ReactNode } from 'react';

import { useTranslation } from '@/lib/i18n';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

import type { FilterProblem } from '../utils/filters';

/** In place of the rows: why there are none, and what to do. */
export function EmptyState({
  title,
  body,
  children,
}: {
  title: string;
  body?: string;
  children: ReactNode;
}) {
  return (
    <section className="rounded-lg border border-dashed border-border-strong bg-surface px-6 py-12 text-center">
      <h2 className="text-lg font-semibold">{title}</h2>
      {body && <p className="mx-auto mt-1 max-w-md text-fg-muted">{body}</p>}
      <div className="mt-5 flex flex-wrap justify-center gap-2">{children}</div>
    </section>
  );
}

/** A filter from the address that cannot be applied as it is. */
export function FilterProblems({
  problems,
  unknownObject,
  onReset,
}: {
  problems: readonly FilterProblem[];
  unknownObject: boolean;
  onReset: () => void;
}) {
  const { t } = useTranslation(['events', 'common']);
  const lines = problems.map((problem) =>
    problem.kind === 'range'
      ? t('problems.range', { from: problem.from, to: problem.to })
      : t(`problems.${problem.kind}`, { value: problem.value }),
  );
  if (unknownObject) lines.push(t('problems.unknownObject'));
  return (
    <Alert
      tone="warning"
      className="mb-4"
      action={
        <Button variant="secondary" size="sm" onClick={onReset}>
          {t('problems.reset')}
        </Button>
      }
    >
      <p className="font-medium">{t('problems.title')}</p>
      <ul className="mt-1 list-disc pl-5">
        {lines.map((line) => (
          <li key={line} dir="auto">
            {line}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

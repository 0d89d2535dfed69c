import { useState, type ReactNode } from 'react';

import { useTranslation } from '@/lib/i18n';
import { EditConflict, withoutFields } from '@/lib/edit-conflicts';

import { Button } from './button';

type ShownConflict<T extends object> = {
  conflict: EditConflict<T>;
  /** The edit as the owner made it. */
  patch: Partial<T>;
};

/** What to send once the owner has chosen: `start` is the record as it is now. */
export type SettledEdit<T extends object> = { start: T; patch: Partial<T> };

/**
 * A form's conflict with an edit made elsewhere (lib/edit-conflicts): shown
 * when its save throws one, settled by the owner's choice of their own
 * values or the ones saved now.
 */
export function useEditConflict<T extends object>() {
  const [shown, setShown] = useState<ShownConflict<T> | null>(null);
  return {
    shown,
    /** Shows the error if it is a conflict; true when it was. */
    caught: (error: unknown, patch: Partial<T>): boolean => {
      if (!(error instanceof EditConflict)) return false;
      setShown({ conflict: error as EditConflict<T>, patch });
      return true;
    },
    /** The edit to send for the choice; the notice goes. */
    settle: (keepMine: boolean): SettledEdit<T> | null => {
      if (!shown) return null;
      setShown(null);
      const { conflict, patch } = shown;
      return {
        start: conflict.current,
        patch: keepMine ? patch : withoutFields(patch, conflict.fields),
      };
    },
  };
}

type EditConflictNoticeProps<T extends object> = {
  shown: ShownConflict<T>;
  /** A field's label in the form. */
  label: (field: keyof T) => string;
  /** A field's value as the form shows it. */
  value: <K extends keyof T>(field: K, value: T[K] | undefined) => ReactNode;
  onSettle: (keepMine: boolean) => void;
  busy: boolean;
};

/** Both values of every field changed here and elsewhere, and the choice. */
export function EditConflictNotice<T extends object>({
  shown: { conflict, patch },
  label,
  value,
  onSettle,
  busy,
}: EditConflictNoticeProps<T>) {
  const { t } = useTranslation();
  const show = <K extends keyof T>(field: K, shown: T[K] | undefined) =>
    shown === '' || shown === undefined
      ? t('conflict.empty')
      : value(field, shown);
  return (
    <div
      role="alert"
      className="col-span-full rounded-md border-l-4 border-border-strong bg-warning-soft px-4 py-3 text-sm"
    >
      <p className="font-medium">{t('conflict.title')}</p>
      <p className="mt-1">{t('conflict.body')}</p>
      <dl className="mt-3 grid gap-3">
        {conflict.fields.map((field) => (
          <div key={String(field)}>
            <dt className="font-medium">{label(field)}</dt>
            <dd className="wrap-anywhere">
              {t('conflict.theirs')}: {show(field, conflict.current[field])}
            </dd>
            <dd className="wrap-anywhere">
              {t('conflict.mine')}: {show(field, patch[field])}
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" disabled={busy} onClick={() => onSettle(true)}>
          {t('conflict.keepMine')}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={busy}
          onClick={() => onSettle(false)}
        >
          {t('conflict.useTheirs')}
        </Button>
      </div>
    </div>
  );
}

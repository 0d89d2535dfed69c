import { Toast } from 'radix-ui';
import { useEffect, useState, useSyncExternalStore } from 'react';

import { useTranslation } from '@/lib/i18n';

import { buttonClass } from './button';
import { CloseIcon } from './icons';

export type ToastInput = {
  title: string;
  description?: string;
  tone?: 'info' | 'error';
  /** How long it stays, in ms (Undo toasts: the undo window). */
  duration?: number;
  action?: { label: string; onClick: () => void };
  /** Called once when the toast goes away without its action being used. */
  onExpire?: () => void;
};

type ToastEntry = ToastInput & { id: number; acted: boolean };

let nextId = 1;
let toasts: readonly ToastEntry[] = [];
const listeners = new Set<() => void>();

function setToasts(next: readonly ToastEntry[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Shows a short message, optionally with one action such as Undo. */
export function showToast(input: ToastInput): void {
  setToasts([...toasts, { ...input, id: nextId++, acted: false }]);
}

function dismiss(id: number) {
  const toast = toasts.find((entry) => entry.id === id);
  setToasts(toasts.filter((entry) => entry.id !== id));
  if (toast && !toast.acted) toast.onExpire?.();
}

function act(id: number) {
  const toast = toasts.find((entry) => entry.id === id);
  if (!toast) return;
  toast.acted = true;
  toast.action?.onClick();
}

/** Where toasts appear; announced politely to screen readers. */
export function Toaster() {
  const { t } = useTranslation();
  const entries = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => toasts,
  );
  // Leaving the signed-in area (sign-out) drops what was on screen, without
  // running anything a toast would have done on expiry.
  useEffect(() => () => setToasts([]), []);
  // Radix keeps the pause of a toast that had the pointer or focus when it
  // went (its Undo pressed) for the next one, whose timer would then never
  // start: an Undo window that never closes, its delete never sent. Each
  // new run of toasts gets a fresh provider, unpaused.
  const [run, setRun] = useState({ key: 0, shown: false });
  if (entries.length > 0 && !run.shown) setRun({ key: run.key, shown: true });
  if (entries.length === 0 && run.shown) {
    setRun({ key: run.key + 1, shown: false });
  }
  return (
    <Toast.Provider
      key={run.key}
      label={t('toast.label')}
      swipeDirection="right"
    >
      {entries.map((entry) => (
        <Toast.Root
          key={entry.id}
          duration={entry.duration ?? 5000}
          type={entry.tone === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => {
            if (!open) dismiss(entry.id);
          }}
          className="flex items-center gap-3 rounded-lg border border-border bg-surface px-4 py-3 text-sm text-fg shadow-lg"
        >
          <div className="min-w-0 flex-1 wrap-anywhere">
            <Toast.Title className="font-medium">{entry.title}</Toast.Title>
            {entry.description && (
              <Toast.Description className="mt-0.5 text-fg-muted">
                {entry.description}
              </Toast.Description>
            )}
          </div>
          {entry.action && (
            <Toast.Action asChild altText={entry.action.label}>
              <button
                type="button"
                className={buttonClass('secondary', 'sm')}
                onClick={() => act(entry.id)}
              >
                {entry.action.label}
              </button>
            </Toast.Action>
          )}
          <Toast.Close
            aria-label={t('actions.close')}
            className="rounded p-1 text-fg-muted hover:text-fg"
          >
            <CloseIcon />
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport
        // Radix puts the F8 shortcut in for {hotkey}.
        label={t('toast.region')}
        className="fixed right-0 bottom-16 z-50 flex w-full max-w-sm flex-col gap-2 p-4 sm:bottom-0"
      />
    </Toast.Provider>
  );
}

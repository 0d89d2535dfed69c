import { AlertDialog, Dialog as RadixDialog } from 'radix-ui';
import { useEffect, useRef, useState, type ReactNode } from 'react';

import { useTranslation } from '@/lib/i18n';
import { cn } from '@/utils/cn';

import { Button } from './button';

const overlayClass = 'fixed inset-0 z-40 bg-black/50';

// Radix's own overlays lock scrolling by injecting a <style> element, which
// the production CSP (style-src 'self') blocks. So the overlay is a plain
// element, and an open modal locks the page with a class from our
// stylesheet; counted, since a confirmation can open over a dialog.
let openModals = 0;

function useScrollLock(open: boolean) {
  useEffect(() => {
    if (!open) return;
    const root = document.documentElement;
    if (openModals === 0) {
      // Set through the CSSOM, which the CSP allows.
      const gap = window.innerWidth - root.clientWidth;
      root.style.setProperty('--scrollbar-gap', `${gap}px`);
      root.classList.add('scroll-locked');
    }
    openModals += 1;
    return () => {
      openModals -= 1;
      if (openModals > 0) return;
      root.classList.remove('scroll-locked');
      root.style.removeProperty('--scrollbar-gap');
    };
  }, [open]);
}

/**
 * Focus to the page's main region: where it goes when what had it is gone,
 * or is about to go (a row a confirmed delete takes away), so the next Tab
 * goes on from the page.
 */
export function focusPage() {
  document.getElementById('main')?.focus({ preventScroll: true });
}

/**
 * Focus goes back to what had it when the dialog opened: Radix returns it
 * only to its own Trigger, and these dialogs open from rows, shortcuts and
 * other dialogs. When that is gone (a deleted row) or was nothing, it goes
 * to the page's main region, so the next Tab goes on from the page rather
 * than from "Skip to content" — unless the page has moved focus on purpose
 * meanwhile. The opener is read as the dialog first renders open, before
 * the dialog or one of its fields takes focus.
 */
function useReturnFocus(open: boolean) {
  const [opener, setOpener] = useState(() =>
    open ? document.activeElement : null,
  );
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setOpener(document.activeElement);
  }
  return (event: Event) => {
    event.preventDefault();
    // Focus the page moved on purpose (to the list a card left) stays.
    const current = document.activeElement;
    if (current && current !== document.body && current.isConnected) return;
    if (
      opener instanceof HTMLElement &&
      opener.isConnected &&
      opener !== document.body
    ) {
      opener.focus({ preventScroll: true });
    } else focusPage();
  };
}

const panelClass =
  'fixed z-50 flex flex-col bg-surface text-fg shadow-xl focus:outline-none ' +
  // A sheet over the whole screen on phones, a centred card from sm up.
  'inset-0 sm:inset-auto sm:top-1/2 sm:left-1/2 sm:max-h-[90dvh] sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-lg sm:border sm:border-border';
const panelWidth = {
  form: 'sm:w-[min(36rem,calc(100vw-2rem))]',
  // Room for a table: an import's preview.
  wide: 'sm:w-[min(64rem,calc(100vw-2rem))]',
} as const;

type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  width?: keyof typeof panelWidth;
  children: ReactNode;
};

/** A modal dialog: traps focus, closes on Escape, gives focus back on close. */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  width = 'form',
  children,
}: DialogProps) {
  const { t } = useTranslation();
  useScrollLock(open);
  const returnFocus = useReturnFocus(open);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <div className={overlayClass} aria-hidden="true" />
        <RadixDialog.Content
          className={cn(panelClass, panelWidth[width])}
          onCloseAutoFocus={returnFocus}
          // Radix expects this said outright when there is no description.
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <div className="flex items-start justify-between gap-4 border-b border-border px-5 py-4">
            <div>
              <RadixDialog.Title className="text-lg font-semibold wrap-anywhere">
                {title}
              </RadixDialog.Title>
              {description && (
                <RadixDialog.Description className="mt-1 text-sm text-fg-muted">
                  {description}
                </RadixDialog.Description>
              )}
            </div>
            <RadixDialog.Close asChild>
              <Button
                variant="ghost"
                size="icon"
                aria-label={t('actions.close')}
              >
                <svg
                  aria-hidden="true"
                  viewBox="0 0 24 24"
                  className="size-5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                >
                  <path d="M6 6l12 12M18 6 6 18" />
                </svg>
              </Button>
            </RadixDialog.Close>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
            {children}
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  tone?: 'danger' | 'primary';
  /**
   * Confirming takes away what opened the dialog (a deleted row): focus
   * then goes to the page, not to the row on its way out.
   */
  confirmRemovesOpener?: boolean;
};

/** Asks before something that cannot be taken back lightly; Cancel has focus. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel,
  onConfirm,
  tone = 'danger',
  confirmRemovesOpener = false,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  useScrollLock(open);
  const returnFocus = useReturnFocus(open);
  const confirmed = useRef(false);
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <div className={overlayClass} aria-hidden="true" />
        <AlertDialog.Content
          onCloseAutoFocus={(event) => {
            if (confirmed.current && confirmRemovesOpener) {
              event.preventDefault();
              focusPage();
            } else returnFocus(event);
            confirmed.current = false;
          }}
          className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-border bg-surface p-5 text-fg shadow-xl"
        >
          <AlertDialog.Title className="text-lg font-semibold wrap-anywhere">
            {title}
          </AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-fg-muted wrap-anywhere">
            {description}
          </AlertDialog.Description>
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">
                {cancelLabel ?? t('actions.cancel')}
              </Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button
                variant={tone}
                onClick={() => {
                  confirmed.current = true;
                  onConfirm();
                }}
              >
                {confirmLabel}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

import { useState, type ReactNode } from 'react';
import {
  FormProvider,
  type FieldValues,
  type UseFormReturn,
} from 'react-hook-form';

import { useTranslation } from '@/lib/i18n';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog } from '@/components/ui/dialog';
import { UnsavedChangesDialog } from '@/components/ui/unsaved-changes-dialog';
import { useSubmitOnce } from '@/hooks/use-submit-once';
import { useUnsavedChanges, type DraftOf } from '@/hooks/use-unsaved-changes';
import { cn } from '@/utils/cn';

import { SubmitButton } from './submit-button';

type FormDialogProps<TInput extends FieldValues, TOutput> = {
  title: string;
  form: UseFormReturn<TInput, unknown, TOutput>;
  /** Sent one at a time: another Enter or click meanwhile sends nothing. */
  onSubmit: (values: TOutput) => Promise<void>;
  onClose: () => void;
  pending: boolean;
  /** The server's verdict on the whole form, above the fields. */
  error: string | null;
  /** Above the fields too: an edit conflict and its choice. */
  notice?: ReactNode;
  submitLabel: string;
  /** At the footer's start, e.g. Delete while editing. */
  secondaryAction?: ReactNode;
  /** What is kept when the session ends under the form. */
  draft?: DraftOf;
  /** The fields' grid. */
  className?: string;
  children: ReactNode;
};

/**
 * A form in a dialog, mounted while it is open: its title, fields and
 * footer; one submit at a time; the server's errors; and what was typed is
 * never lost unasked — closing asks first, as does leaving the page.
 */
export function FormDialog<TInput extends FieldValues, TOutput>({
  title,
  form,
  onSubmit,
  onClose,
  pending,
  error,
  notice,
  submitLabel,
  secondaryAction,
  draft,
  className,
  children,
}: FormDialogProps<TInput, TOutput>) {
  const { t } = useTranslation();
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const { isDirty } = form.formState;
  const blocker = useUnsavedChanges(isDirty, draft);
  const submit = useSubmitOnce(onSubmit);
  const close = () => {
    if (pending) return;
    if (isDirty) setConfirmingDiscard(true);
    else onClose();
  };
  return (
    <>
      <Dialog
        open
        onOpenChange={(open) => {
          if (!open) close();
        }}
        title={title}
      >
        <FormProvider {...form}>
          <form
            noValidate
            aria-busy={pending}
            onSubmit={(event) => void form.handleSubmit(submit)(event)}
            className={cn('grid gap-4', className)}
          >
            {error && <Alert className="col-span-full">{error}</Alert>}
            {notice && <div className="col-span-full">{notice}</div>}
            {children}
            <div className="col-span-full mt-2 flex flex-col-reverse gap-2 sm:flex-row sm:items-center">
              {secondaryAction && (
                <div className="sm:mr-auto">{secondaryAction}</div>
              )}
              <Button
                variant="secondary"
                disabled={pending}
                onClick={close}
                className="sm:ml-auto"
              >
                {t('actions.cancel')}
              </Button>
              <SubmitButton
                pending={pending}
                label={submitLabel}
                pendingLabel={t('actions.saving')}
              />
            </div>
          </form>
        </FormProvider>
      </Dialog>
      <ConfirmDialog
        open={confirmingDiscard}
        onOpenChange={setConfirmingDiscard}
        title={t('discard.title')}
        description={t('discard.body')}
        confirmLabel={t('discard.confirm')}
        cancelLabel={t('discard.keepEditing')}
        onConfirm={onClose}
      />
      <UnsavedChangesDialog blocker={blocker} />
    </>
  );
}

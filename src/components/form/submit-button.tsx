import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useHydrated } from '@/hooks/use-hydrated';

type SubmitButtonProps = {
  pending: boolean;
  label: string;
  /** Said while the form is on its way ("Saving…"). */
  pendingLabel: string;
  disabled?: boolean;
  className?: string;
};

/**
 * A form's submit button: busy, with a spinner, while the form is sent.
 * On a page painted from prerendered HTML it is disabled until the page's
 * code has taken over, so Enter or a click cannot post the form natively.
 */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
  disabled = false,
  className,
}: SubmitButtonProps) {
  const hydrated = useHydrated();
  return (
    <Button
      type="submit"
      disabled={pending || disabled || !hydrated}
      className={className}
    >
      {pending && <Spinner />}
      {pending ? pendingLabel : label}
    </Button>
  );
}

import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';

type SubmitButtonProps = {
  pending: boolean;
  label: string;
  /** Said while the form is on its way ("Saving…"). */
  pendingLabel: string;
  disabled?: boolean;
  className?: string;
};

/** A form's submit button: busy, with a spinner, while the form is sent. */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
  disabled = false,
  className,
}: SubmitButtonProps) {
  return (
    <Button type="submit" disabled={pending || disabled} className={className}>
      {pending && <Spinner />}
      {pending ? pendingLabel : label}
    </Button>
  );
}

import { useFormat } from '@/lib/locale-settings';
import { cn } from '@/utils/cn';

/**
 * A net amount told apart by its sign (and the label around it) as well as
 * by colour.
 */
export function SignedMoney({
  value,
  className,
}: {
  value: number;
  className?: string;
}) {
  const format = useFormat();
  return (
    <span
      className={cn(
        'tabular whitespace-nowrap',
        value > 0 && 'text-income',
        value < 0 && 'text-expense',
        className,
      )}
    >
      {format.signedMoney(value)}
    </span>
  );
}

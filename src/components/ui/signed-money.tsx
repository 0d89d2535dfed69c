import { useFormat } from '@/lib/locale-settings';
import { cn } from '@/utils/cn';

/** "+1 200 ₽", "−300 ₽", "0 ₽": a net amount with its sign spelled out. */
export function signedMoney(value: number, money: (value: number) => string) {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${money(Math.abs(value))}`;
}

/** `signedMoney` in the user's locale and currency. */
export function useSignedMoney(): (value: number) => string {
  const format = useFormat();
  return (value) => signedMoney(value, format.money);
}

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
      {signedMoney(value, format.money)}
    </span>
  );
}

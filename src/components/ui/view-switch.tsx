import { cn } from '@/utils/cn';

type ViewSwitchProps<T extends string> = {
  /** What the choice is about, for screen readers. */
  label: string;
  value: T;
  onChange: (value: T) => void;
  options: readonly { value: T; label: string }[];
};

/** Two or three ways to see the same figures, one pressed at a time. */
export function ViewSwitch<T extends string>({
  label,
  value,
  onChange,
  options,
}: ViewSwitchProps<T>) {
  return (
    <div
      role="group"
      aria-label={label}
      className="inline-flex rounded-md border border-border-strong p-0.5"
    >
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
          className={cn(
            'h-7 rounded px-2.5 text-sm font-medium',
            option.value === value
              ? 'bg-primary text-on-primary'
              : 'text-fg hover:bg-surface-muted',
          )}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

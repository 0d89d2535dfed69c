import { useEffect } from 'react';
import type {
  FieldValues,
  Path,
  PathValue,
  UseFormReturn,
} from 'react-hook-form';

/**
 * Fills a form with what it held when the session ended under it, as
 * changes (so it is dirty, and guarded, again).
 */
export function useFillFromDraft<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  draft: Partial<T> | undefined,
) {
  useEffect(() => {
    if (!draft) return;
    for (const [name, value] of Object.entries(draft)) {
      form.setValue(name as Path<T>, value as PathValue<T, Path<T>>, {
        shouldDirty: true,
      });
    }
  }, [draft, form]);
}

import { z } from 'zod/mini';

import type { EventCreate } from '@/api/generated';
import { hashText } from '@/utils/hash';

import { entryIdentity } from '../identity';

/**
 * What an import had made when its page was left (a reload, a crash, a
 * closed tab restored): the ids of the events it created, and hashes of
 * the rows still in flight (the server may have saved them after the page
 * went), kept in this tab's sessionStorage under a hash of the file's name,
 * size and date, for its owner only. Choosing the same file again tells
 * the owner, and the import's Undo takes those back too. Ids and hashes
 * only: no amount, name or text.
 */

const STORAGE_KEY = 'smartcomm.import-runs';
const KEPT_RUNS = 10;

const runsSchema = z.array(
  z.object({
    owner: z.int(),
    file: z.string(),
    made: z.array(z.int()),
    /** Hashes of the rows in flight when the page went. */
    unsure: z.array(z.string()),
    /** The highest id the ledger held over the file's dates at the start. */
    floor: z.int(),
  }),
);
export type KeptRun = Omit<
  z.infer<typeof runsSchema>[number],
  'owner' | 'file'
>;
type Run = z.infer<typeof runsSchema>[number];

/** Which file it is: the same file chosen again hashes the same. */
export const fileKey = (file: File) =>
  hashText(`${file.name}\u0000${file.size}\u0000${file.lastModified}`);

function runs(): Run[] {
  try {
    const parsed = runsSchema.safeParse(
      JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]'),
    );
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** What an earlier import of this file made, for this owner. */
export function keptRun(owner: number, file: string): KeptRun | null {
  const run = runs().find((kept) => kept.owner === owner && kept.file === file);
  return run ? { made: run.made, unsure: run.unsure, floor: run.floor } : null;
}

/** Keeps (or, with null, forgets) what an import of the file made. */
export function keepRun(owner: number, file: string, run: KeptRun | null) {
  const others = runs().filter(
    (kept) => kept.owner !== owner || kept.file !== file,
  );
  const next = run ? [{ owner, file, ...run }, ...others] : others;
  try {
    sessionStorage.setItem(
      STORAGE_KEY,
      JSON.stringify(next.slice(0, KEPT_RUNS)),
    );
  } catch {
    // Storage full or refused: the ledger still knows what is in.
  }
}

/**
 * The events of the ledger that a kept run made: those it knew, and for
 * each row that was in flight one event like it that the server saved
 * after the run began (a higher id than any the ledger held then).
 */
export function eventsOfRun<T extends EventCreate & { id: number }>(
  run: KeptRun,
  ledger: readonly T[],
): T[] {
  const made = new Set(run.made);
  const unsure = new Map<string, number>();
  for (const hash of run.unsure) unsure.set(hash, (unsure.get(hash) ?? 0) + 1);
  return ledger.filter((event) => {
    if (made.has(event.id)) return true;
    if (event.id <= run.floor) return false;
    const hash = hashText(entryIdentity(event));
    const left = unsure.get(hash) ?? 0;
    if (left === 0) return false;
    unsure.set(hash, left - 1);
    return true;
  });
}

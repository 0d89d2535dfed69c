import type {
  FileSummary,
  LocaleReading,
  OpenOptions,
  ReaderAnswer,
  ReaderRequest,
  Unnumbered,
} from './reader-core';
import type { ReadRows, ReadSettings } from './rows';

/**
 * Reading a statement off the main thread: the file is decoded, parsed and
 * read in a worker, which keeps the parsed table between readings, so a
 * change of a setting sends only the settings. Where there are no workers
 * (Vitest's DOM) the same code runs in the page. Either way the parser
 * loads only with it.
 */

/** Larger files are refused with a message before anything is read. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type ImportReader = {
  open: (file: Blob, options: OpenOptions) => Promise<FileSummary>;
  read: (settings: ReadSettings, locale: LocaleReading) => Promise<ReadRows>;
  close: () => void;
};

/** A reader in a worker where the browser has workers, else in the page. */
export function createReader(): ImportReader {
  if (typeof Worker === 'undefined') {
    const core = import('./reader-core').then((module) =>
      module.createReaderCore(),
    );
    return {
      open: async (file, options) => (await core).open(file, options),
      read: async (settings, locale) => (await core).read(settings, locale),
      close: () => undefined,
    };
  }
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), {
    type: 'module',
  });
  const waiting = new Map<
    number,
    {
      resolve: (value: FileSummary | ReadRows) => void;
      reject: (error: Error) => void;
    }
  >();
  let next = 0;
  worker.addEventListener('message', ({ data }: MessageEvent<ReaderAnswer>) => {
    const call = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.ok) call?.resolve(data.value);
    else call?.reject(new Error(data.message));
  });
  const ask = (request: Unnumbered<ReaderRequest>) =>
    new Promise<FileSummary | ReadRows>((resolve, reject) => {
      const id = (next += 1);
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  return {
    open: (file, options) =>
      ask({ kind: 'open', file, options }) as Promise<FileSummary>,
    read: (settings, locale) =>
      ask({ kind: 'read', settings, locale }) as Promise<ReadRows>,
    close: () => worker.terminate(),
  };
}

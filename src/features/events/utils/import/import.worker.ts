/// <reference lib="webworker" />
import {
  createReaderCore,
  type ReaderAnswer,
  type ReaderRequest,
} from './reader-core';

// The statement reader's worker: see ./reader.ts.
const core = createReaderCore();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', ({ data }: MessageEvent<ReaderRequest>) => {
  void (async () => {
    let answer: ReaderAnswer;
    try {
      const value =
        data.kind === 'open'
          ? await core.open(data.file, data.options)
          : core.read(data.settings, data.locale);
      answer = { id: data.id, ok: true, value };
    } catch (error) {
      answer = { id: data.id, ok: false, message: String(error) };
    }
    scope.postMessage(answer);
  })();
});

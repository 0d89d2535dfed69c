/** A page's code could not be fetched (offline, most often). */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super('A chunk of the app could not be loaded', { cause });
    this.name = 'ChunkLoadError';
  }
}

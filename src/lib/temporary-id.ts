/**
 * A row made before the server has answered (an optimistic create, or one
 * waiting offline in the outbox) carries a temporary id: negative, so it
 * never meets one the server gives, and unique on the device — across
 * tabs and reloads too, since the outbox keeps its rows' ids. The one way
 * such ids are made and told apart.
 */
let last = 0;

export function temporaryId(): number {
  // Each millisecond has a thousand ids; a random start among them keeps
  // two tabs that make one in the same millisecond apart.
  const now = -Date.now() * 1000 - Math.floor(Math.random() * 1000);
  last = Math.min(last - 1, now);
  return last;
}

/** Whether an id is a temporary one: the row is not saved yet. */
export function isTemporary(id: number): boolean {
  return id < 0;
}

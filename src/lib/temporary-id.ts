/**
 * A row made before the server has answered (an optimistic create) carries
 * a temporary id: negative, so it never meets one the server gives, and
 * unique in the tab. The one way such ids are made and told apart.
 */
let last = 0;

export function temporaryId(): number {
  last -= 1;
  return last;
}

/** Whether an id is a temporary one: the row is not saved yet. */
export function isTemporary(id: number): boolean {
  return id < 0;
}

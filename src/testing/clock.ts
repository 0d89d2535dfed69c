import { vi } from 'vitest';

/** The day every test lives in unless it names another: "today" is never left to chance. */
export const TEST_TODAY = '2026-06-15';

/**
 * From now on `Date` says it is noon of `day` (the same date in every time
 * zone within 11 hours of UTC), and time goes on from there; timers are
 * left alone.
 */
export function startClockOn(day: string = TEST_TODAY): void {
  vi.useFakeTimers({
    now: new Date(`${day}T12:00:00Z`),
    toFake: ['Date'],
    shouldAdvanceTime: true,
  });
}

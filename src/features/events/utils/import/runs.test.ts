import { describe, expect, it } from 'vitest';

import { hashText } from '@/utils/hash';

import { entryIdentity } from '../identity';
import { eventsOfRun, keepRun, keptRun } from './runs';

const event = (id: number, description: string) => ({
  id,
  object_id: 1,
  notification_date: '2025-01-10',
  income: 100,
  expense: 0,
  description,
});

describe('an import cut short', () => {
  it('is kept for its owner and file only, and forgotten with null', () => {
    keepRun(7, 'abc', { made: [3, 4], unsure: [], floor: 2 });
    expect(keptRun(7, 'abc')).toEqual({ made: [3, 4], unsure: [], floor: 2 });
    expect(keptRun(8, 'abc')).toBeNull();
    expect(keptRun(7, 'other')).toBeNull();
    keepRun(7, 'abc', null);
    expect(keptRun(7, 'abc')).toBeNull();
  });

  it('reads nothing from storage that is not its shape', () => {
    sessionStorage.setItem('smartcomm.import-runs', '[{"owner":"7"}]');
    expect(keptRun(7, 'abc')).toBeNull();
    sessionStorage.setItem('smartcomm.import-runs', '{not json');
    expect(keptRun(7, 'abc')).toBeNull();
  });

  it('owns the events it made, and one saved row for each that was in flight, newer than the ledger was', () => {
    const inFlight = event(0, 'rent');
    const hash = hashText(entryIdentity(inFlight));
    const ledger = [
      event(5, 'rent'), // there before the run: not the run's
      event(9, 'made'),
      event(12, 'rent'), // saved after the page went
      event(13, 'rent'), // one more like it: only one was in flight
    ];
    expect(
      eventsOfRun({ made: [9], unsure: [hash], floor: 8 }, ledger).map(
        (found) => found.id,
      ),
    ).toEqual([9, 12]);
  });
});

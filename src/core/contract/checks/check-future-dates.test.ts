import { describe, expect, test } from 'vitest';
import { checkFutureDates } from './check-future-dates.ts';
import { contractFor, snapshotFromCsv, withDatetimes } from './test-fixtures.ts';

const CSV = `event,closed,opened
2024-01-10T00:00:00Z,2024-01-12T00:00:00Z,2024-01-01T00:00:00Z
2024-01-10T00:00:00Z,2024-01-09T00:00:00Z,2024-01-02T00:00:00Z
2024-01-10T00:00:00Z,,2024-01-10T00:00:00Z
2024-01-10T00:00:00Z,2024-01-10T00:30:00Z,2024-01-03T00:00:00Z
`;

describe('checkFutureDates', () => {
  test('fails a datetime feature later than the event time, passes one that never is (equal is fine)', async () => {
    const snapshot = withDatetimes(await snapshotFromCsv(CSV), ['event', 'closed', 'opened']);
    const contract = contractFor('y', '1', { event: 'event_time', closed: 'feature', opened: 'feature' });
    const [closed, opened] = checkFutureDates(snapshot, contract);
    expect(closed).toMatchObject({ id: 'leak:future-date:closed', status: 'fail', count: 2, exampleRows: [0, 3] });
    expect(closed.message).toBe('"closed" is later than the event time "event" on 2 rows: recorded after the event, so not available at prediction time.');
    expect(closed.evidence).toBe('2 of 3 rows with both values (66.7%); the largest gap is 2.0 days.');
    expect(opened).toMatchObject({ id: 'leak:future-date:opened', status: 'pass', count: 0 });
  });

  test('no event time, or one that is not a datetime, gives no finding', async () => {
    const snapshot = withDatetimes(await snapshotFromCsv('event,closed\nsoon,2024-01-12T00:00:00Z\nlater,2024-01-13T00:00:00Z\n'), ['closed']);
    expect(snapshot.columns[0].type).toBe('categorical');
    expect(checkFutureDates(snapshot, contractFor('y', '1', { closed: 'feature' }))).toEqual([]);
    expect(checkFutureDates(snapshot, contractFor('y', '1', { event: 'event_time', closed: 'feature' }))).toEqual([]);
  });
});

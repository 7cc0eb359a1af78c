import assert from 'node:assert/strict';
import { test } from 'node:test';
import { japanClock, japanDateTime, japanToday } from './today.ts';

test('the day and the clock are Japan’s, whatever the server’s zone', () => {
  const lateUtc = new Date('2026-12-03T15:30:00Z'); // 00:30 on 4 December in Japan
  assert.equal(japanToday(lateUtc), '2026-12-04');
  assert.equal(japanDateTime(lateUtc), '2026-12-04 00:30');
  assert.equal(japanClock(lateUtc), '00:30');
  assert.equal(japanClock(new Date('2026-12-03T00:05:00Z')), '09:05');
});

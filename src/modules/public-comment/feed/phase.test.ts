// The period rule: the stored status with the Japan calendar day applied, edges included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { japanToday } from '../../../platform/ja/today.ts';
import { consultationPhase } from './phase.ts';

const period = { opensOn: '2026-02-01', closesOn: '2026-02-28' };

test('an open consultation is upcoming before its first day, open through its last day, closed after', () => {
  const open = { status: 'open', ...period };
  assert.equal(consultationPhase(open, '2026-01-31'), 'upcoming');
  assert.equal(consultationPhase(open, '2026-02-01'), 'open');
  assert.equal(consultationPhase(open, '2026-02-28'), 'open');
  assert.equal(consultationPhase(open, '2026-03-01'), 'closed');
});

test('the other statuses read as stored, whatever the day; unknown ones are never public', () => {
  for (const status of ['closed', 'analysing', 'published'] as const) {
    assert.equal(consultationPhase({ status, ...period }, '2026-02-10'), status);
  }
  assert.equal(consultationPhase({ status: 'draft', ...period }, '2026-02-10'), 'draft');
  assert.equal(consultationPhase({ status: 'withdrawn', ...period }, '2026-02-10'), 'draft');
});

test('today is the calendar day in Japan: 15:00 UTC is already the next day there', () => {
  assert.equal(japanToday(new Date('2026-02-28T14:59:59Z')), '2026-02-28');
  assert.equal(japanToday(new Date('2026-02-28T15:00:00Z')), '2026-03-01');
});

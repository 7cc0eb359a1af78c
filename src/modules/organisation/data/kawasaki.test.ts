import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { departments, wards } from './kawasaki.ts';

// The plan lives in shared/ beside the checkout; a checkout without it skips only the line check.
const planFile = new URL('../../../../../shared/seed/000_61f52a3c3a766de5.txt', import.meta.url);
const plan = existsSync(planFile) ? readFileSync(planFile, 'utf8').split('\n') : undefined;

test('Kawasaki has its 7 wards with their local government codes', () => {
  assert.deepEqual(
    wards.map((w) => `${w.code} ${w.nameJa}`),
    [
      '141313 川崎区',
      '141321 幸区',
      '141330 中原区',
      '141348 高津区',
      '141364 宮前区',
      '141356 多摩区',
      '141372 麻生区',
    ],
  );
});

test('codes are unique and every parent exists before its child', () => {
  const seen = new Set<string>();
  for (const d of departments) {
    assert.ok(!seen.has(d.code), `duplicate ${d.code}`);
    if (d.parent) assert.ok(seen.has(d.parent), `${d.code}: parent ${d.parent} missing or later`);
    seen.add(d.code);
  }
});

test('every unit taken from the plan is named on the line it cites', {
  skip: !plan && 'shared/seed is not beside this checkout',
}, () => {
  for (const d of departments.filter((x) => x.line !== null)) {
    const line = plan?.[d.line! - 1] ?? '';
    assert.ok(line.includes(d.nameJa), `${d.nameJa} is not on line ${d.line}`);
  }
});

test('readings are full-width katakana and every ward office has a 区民課', () => {
  for (const d of departments) assert.match(d.nameKana, /^[ァ-ヶー・]+$/, d.code);
  for (const w of wards) {
    assert.ok(
      departments.some((d) => d.wardCode === w.code && d.nameJa === '区民課'),
      w.nameJa,
    );
  }
  assert.equal(departments.filter((d) => d.kind === 'bureau').length, 15);
});

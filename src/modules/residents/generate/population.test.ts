import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { copyRow } from './copy-format.ts';
import { generatePopulation, referenceDate, wardShares } from './population.ts';

function digest(seed: number, residents: number): string {
  const hash = createHash('sha256');
  for (const { household, members } of generatePopulation({ residents, seed })) {
    hash.update(JSON.stringify(household));
    for (const r of members) hash.update(JSON.stringify(r));
  }
  return hash.digest('hex');
}

test('the same seed gives the same city; another seed another one', () => {
  assert.equal(digest(1, 10_000), digest(1, 10_000));
  assert.notEqual(digest(1, 10_000), digest(2, 10_000));
});

test('exactly the requested number of residents, each in a household whose ids follow on', () => {
  let count = 0;
  let lastHousehold = 0;
  for (const { household, members } of generatePopulation({ residents: 5_001, seed: 3 })) {
    assert.equal(household.id, lastHousehold + 1);
    lastHousehold = household.id;
    assert.ok(members.length >= 1);
    assert.equal(members[0]!.relationship, '世帯主');
    for (const r of members) {
      count++;
      assert.equal(r.id, count);
      assert.equal(r.householdId, household.id);
      assert.equal(r.wardCode, household.wardCode);
    }
  }
  assert.equal(count, 5_001);
});

test('a Kawasaki-like population: ward shares, age pyramid, households, foreign residents, certificates', () => {
  const n = 200_000;
  const byWard = new Map<string, number>();
  let households = 0;
  let singles = 0;
  let under15 = 0;
  let over65 = 0;
  let foreign = 0;
  let certificates = 0;
  const refYear = Number(referenceDate.slice(0, 4));
  for (const { members } of generatePopulation({ residents: n, seed: 1 })) {
    households++;
    if (members.length === 1) singles++;
    for (const r of members) {
      byWard.set(r.wardCode, (byWard.get(r.wardCode) ?? 0) + 1);
      const age = refYear - Number(r.birthDate.slice(0, 4));
      if (age < 15) under15++;
      if (age >= 65) over65++;
      if (r.nationality !== 'JP') foreign++;
      if (r.disabilityType) certificates++;
    }
  }
  const total = wardShares.reduce((s, w) => s + w.population, 0);
  for (const w of wardShares) {
    const share = (byWard.get(w.code) ?? 0) / n;
    assert.ok(Math.abs(share - w.population / total) < 0.01, `${w.name}: ${share}`);
  }
  const pct = (x: number, of = n) => (100 * x) / of;
  assert.ok(pct(under15) > 9 && pct(under15) < 15, `under 15: ${pct(under15)}%`);
  assert.ok(pct(over65) > 17 && pct(over65) < 25, `65 and over: ${pct(over65)}%`);
  assert.ok(
    pct(singles, households) > 40 && pct(singles, households) < 52,
    `single households: ${pct(singles, households)}%`,
  );
  assert.ok(n / households > 1.8 && n / households < 2.3, `people per household: ${n / households}`);
  assert.ok(pct(foreign) > 2 && pct(foreign) < 4.5, `foreign: ${pct(foreign)}%`);
  assert.ok(pct(certificates) > 3 && pct(certificates) < 6.5, `disability certificates: ${pct(certificates)}%`);
});

test('COPY text format escapes what would break a row', () => {
  assert.equal(copyRow(['a\tb', 'c\\d', 'e\nf', null, 3]), 'a\\tb\tc\\\\d\te\\nf\t\\N\t3\n');
});

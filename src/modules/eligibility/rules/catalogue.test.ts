import assert from 'node:assert/strict';
import { test } from 'node:test';
import { household, person } from './build.ts';
import { catalogue } from './catalogue/index.ts';
import { evaluateHousehold, evaluateRule, validateRule } from './evaluate.ts';
import type { Evaluation } from './types.ts';

const japanese = /[\u3040-\u30ff\u3400-\u9fff]/;

test('the catalogue has at least 25 rules with unique kebab-case ids and versions', () => {
  assert.ok(catalogue.length >= 25, `${catalogue.length} rules`);
  const ids = catalogue.map((r) => r.id);
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
    'duplicate ids',
  );
  for (const rule of catalogue) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(Number.isInteger(rule.version) && rule.version >= 1, rule.id);
    assert.match(rule.title, japanese, rule.id);
    assert.match(rule.description, japanese, rule.id);
  }
});

test('every rule has at least three examples, at least one eligible and one not', () => {
  for (const rule of catalogue) {
    assert.ok(rule.examples.length >= 3, `${rule.id}: ${rule.examples.length} examples`);
    assert.ok(
      rule.examples.some((e) => e.expected),
      `${rule.id}: no eligible example`,
    );
    assert.ok(
      rule.examples.some((e) => !e.expected),
      `${rule.id}: no not-eligible example`,
    );
  }
});

for (const rule of catalogue) {
  test(`${rule.id} (${rule.title}) v${rule.version}: its examples hold`, async (t) => {
    for (const example of rule.examples) {
      await t.test(example.name, () => {
        const result = evaluateRule(rule, example.household, example.on, example.personId);
        assert.ok(result, 'the person (or recipient) is found');
        assert.equal(result.eligible, example.expected, result.reason);
        if (example.reasonIncludes) assert.ok(result.reason.includes(example.reasonIncludes), result.reason);
        if (rule.audience === 'household' && example.personId) assert.equal(result.personId, example.personId);
      });
    }
    assert.deepEqual(validateRule(rule), [], 'the rule may be activated');
  });
}

test('every reason any rule gives, on every example household and a sweep of ages, is Japanese', () => {
  const seen: Evaluation[] = [];
  for (const rule of catalogue) {
    for (const example of rule.examples) seen.push(...evaluateHousehold(example.household, example.on));
  }
  // One person of every age from 0 to 100 (and 0–24 months month by month), in families and alone, with and
  // without certificates, on a few days of the year.
  const sweep = [];
  for (let age = 0; age <= 100; age++) {
    const year = 2026 - age;
    sweep.push(
      household(
        [
          person(1, '世帯主', `${Math.min(year, 2000) - 30}-07-07`, { sex: age % 2 ? '1' : '2' }),
          person(2, '子', `${year}-04-01`, { sex: '2', disability: age % 3 ? null : { type: 'physical', grade: '1' } }),
          person(3, '子', `${year}-04-02`, { nationality: 'BR' }),
        ],
        { incomeBand: 1 + (age % 10) },
      ),
    );
  }
  for (const on of ['2026-01-15', '2026-03-31', '2026-04-01', '2026-09-01']) {
    for (const h of sweep) seen.push(...evaluateHousehold(h, on));
  }
  assert.ok(seen.length > 10_000);
  for (const e of seen) {
    assert.match(e.reason, japanese, `${e.ruleId}: ${e.reason}`);
    assert.ok(e.reasonEasy, `${e.ruleId}: no やさしい日本語`);
    assert.match(e.reasonEasy, japanese, `${e.ruleId}: ${e.reasonEasy}`);
  }
  const eligibleRules = new Set(seen.filter((e) => e.eligible).map((e) => e.ruleId));
  const notEligibleRules = new Set(seen.filter((e) => !e.eligible).map((e) => e.ruleId));
  for (const rule of catalogue) {
    assert.ok(eligibleRules.has(rule.id), `${rule.id} never eligible`);
    assert.ok(notEligibleRules.has(rule.id), `${rule.id} never not eligible`);
  }
});

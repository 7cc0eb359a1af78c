import assert from 'node:assert/strict';
import { test } from 'node:test';
import { household, person } from './build.ts';
import { catalogue } from './catalogue/index.ts';
import { jidoTeate } from './catalogue/jido-teate.ts';
import { evaluateHousehold, RuleEvaluationError, validateRule } from './evaluate.ts';
import { eligible, notEligible, type PersonRule, type Rule } from './rule.ts';

// A family of four a month after a birth: father, mother, a first-grader and the newborn.
const family = household([
  person(1, '世帯主', '1990-05-10'),
  person(2, '妻', '1992-08-20'),
  person(3, '子', '2019-06-15'),
  person(4, '子', '2026-03-01', { sex: '2', events: [{ type: 'birth', date: '2026-03-01' }] }),
]);

test('a family after a birth is told of exactly what each member is eligible for, addressed to the right person', () => {
  const rows = evaluateHousehold(family, '2026-04-01', catalogue, { eligibleOnly: true });
  assert.deepEqual(rows.map((r) => `${r.ruleId}→${r.personId}`).sort(), [
    'jido-teate→1', // 児童手当 to the parent
    'shoni-iryo→3',
    'shoni-iryo→4',
    'shussan-kosodate-oen→2', // the birth payment to the mother
    'yobo-bcg→4',
    'yobo-goshu→3',
  ]);
  const teate = rows.find((r) => r.ruleId === 'jido-teate')!;
  assert.equal(teate.version, 1);
  assert.match(teate.reason, /2人/);
  assert.deepEqual(teate.facts, { children: 2 });
});

test('every rule answers once per member, household rules once per household', () => {
  const rows = evaluateHousehold(family, '2026-04-01');
  const personRules = catalogue.filter((r) => r.audience === 'person').length;
  const householdRules = catalogue.length - personRules;
  assert.equal(rows.length, personRules * 4 + householdRules);
  const bcg = rows.filter((r) => r.ruleId === 'yobo-bcg');
  assert.deepEqual(
    bcg.map((r) => [r.personId, r.eligible]),
    [
      ['1', false],
      ['2', false],
      ['3', false],
      ['4', true],
    ],
  );
  assert.match(bcg[0]!.reason, /1歳を過ぎている/);
});

test('the newborn is not asked about before the day of birth', () => {
  const rows = evaluateHousehold(family, '2026-02-01', catalogue, { eligibleOnly: true });
  assert.ok(!rows.some((r) => r.personId === '4'));
  assert.ok(
    rows.some((r) => r.ruleId === 'jido-teate'),
    'the first-grader still counts',
  );
});

const alwaysRule: PersonRule = {
  id: 'test-rule',
  version: 1,
  title: 'テスト用の制度',
  audience: 'person',
  description: '65歳以上の方。',
  evaluate: (_h, p) =>
    p.age >= 65 ? eligible('65歳以上のため対象です。', '対象です。') : notEligible('65歳未満です。', '対象外です。'),
  examples: [
    {
      name: '70歳',
      household: household([person(1, '世帯主', '1956-01-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
    },
    {
      name: '40歳',
      household: household([person(1, '世帯主', '1986-01-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '65歳',
      household: household([person(1, '世帯主', '1961-01-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
    },
  ],
};

test('a rule whose examples hold may be activated', () => {
  assert.deepEqual(validateRule(alwaysRule), []);
});

test('a rule whose example fails cannot be activated, and the problem names the example and the reason given', () => {
  const wrong: Rule = {
    ...alwaysRule,
    examples: [...alwaysRule.examples, { ...alwaysRule.examples[1]!, name: '40歳を対象と誤記', expected: true }],
  };
  const problems = validateRule(wrong);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /例「40歳を対象と誤記」: 対象のはずが対象外と判定されました（理由: 65歳未満です。）/);
});

test('a rule that throws, or gives no Japanese reason, cannot be activated', () => {
  const throwing: Rule = {
    ...alwaysRule,
    evaluate: () => {
      throw new Error('boom');
    },
  };
  const problems = validateRule(throwing);
  assert.equal(problems.length, 3);
  assert.match(problems[0]!, /例「70歳」: 判定中にエラーになりました（boom）/);

  const english: Rule = {
    ...alwaysRule,
    evaluate: (_h, p) => (p.age >= 65 ? eligible('ok', 'ok') : notEligible('', '')),
  };
  assert.ok(validateRule(english).some((p) => p.includes('理由が日本語で書かれていません')));
});

test('a rule without enough examples, or with a malformed id, cannot be activated', () => {
  const problems = validateRule({ ...alwaysRule, id: 'Test Rule', examples: alwaysRule.examples.slice(0, 1) });
  assert.ok(problems.some((p) => p.includes('id は英小文字')));
  assert.ok(problems.some((p) => p.includes('例が1件しかありません')));
  assert.ok(problems.some((p) => p.includes('「対象外」となる例がありません')));
});

test('a household rule example that names the wrong recipient is refused', () => {
  const wrongRecipient: Rule = {
    ...jidoTeate,
    examples: jidoTeate.examples.map((e, i) => (i === 0 ? { ...e, personId: '2' } : e)),
  };
  assert.ok(validateRule(wrongRecipient).some((p) => p.includes('通知は住民 2 に届くはずが、住民 1 宛てになりました')));
});

test('a rule that throws during an evaluation is named with the person', () => {
  const throwing: Rule = {
    ...alwaysRule,
    evaluate: () => {
      throw new Error('boom');
    },
  };
  assert.throws(
    () => evaluateHousehold(family, '2026-04-01', [throwing]),
    (e: unknown) => e instanceof RuleEvaluationError && e.ruleId === 'test-rule' && e.personId === '1',
  );
});

test('a malformed evaluation date is refused', () => {
  assert.throws(() => evaluateHousehold(family, '2026/04/01'), /日付「2026\/04\/01」が正しくありません/);
});

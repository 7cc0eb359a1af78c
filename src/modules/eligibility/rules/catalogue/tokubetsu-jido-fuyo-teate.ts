// 特別児童扶養手当 (国の手当, 市区町村が受付). Simplified: the 1級/2級 disability degree is read from certificates
// (身体 1–3級, 療育 A, 精神 1–2級), the income limit (high) is not modelled, and it ends on the day the child
// reaches 20 (in law, payment runs to the month of reaching 20).
import { household, person } from '../build.ts';
import { certificateLabel, isModerateOrSevereDisability, parentOf } from '../conditions.ts';
import { eligible, type HouseholdRule, notEligible } from '../rule.ts';

export const tokubetsuJidoFuyoTeate: HouseholdRule = {
  id: 'tokubetsu-jido-fuyo-teate',
  version: 1,
  title: '特別児童扶養手当',
  audience: 'household',
  description:
    '20歳未満で、中度以上の障害（身体障害者手帳1〜3級、療育手帳A、精神障害者保健福祉手帳1〜2級）のあるお子さんを養育している世帯。通知は世帯主へ。',
  recipient: parentOf,
  evaluate(h) {
    let children = 0;
    let label = '';
    for (const c of h.children) {
      if (c.ageReached < 20 && isModerateOrSevereDisability(c)) {
        children++;
        label ||= certificateLabel(c);
      }
    }
    if (children > 0) {
      return eligible(
        `20歳未満で障害のあるお子さん（${label}）を養育しているため、特別児童扶養手当の対象です。`,
        '障害（しょうがい）の ある 20歳（さい）より 下（した）の 子ども（こども）を そだてて いるので、もらえます。',
        { children },
      );
    }
    return notEligible(
      '20歳未満で中度以上の障害（身体障害者手帳1〜3級、療育手帳A、精神障害者保健福祉手帳1〜2級）のあるお子さんがいないため、特別児童扶養手当の対象ではありません。',
      '決まり（きまり）に 合う（あう） 障害（しょうがい）の ある 子ども（こども）が いないので、もらえません。',
      { children },
    );
  },
  examples: [
    {
      name: '療育手帳Aの小学生',
      household: household([
        person(1, '世帯主', '1985-01-01'),
        person(2, '妻', '1986-01-01'),
        person(3, '子', '2016-07-07', { disability: { type: 'intellectual', grade: 'A' } }),
      ]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '療育手帳A',
    },
    {
      name: '手帳のない子',
      household: household([person(1, '世帯主', '1985-01-01'), person(2, '子', '2016-07-07')]),
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '身体障害者手帳4級は対象の程度に当たらない',
      household: household([
        person(1, '世帯主', '1985-01-01'),
        person(2, '子', '2016-07-07', { disability: { type: 'physical', grade: '4' } }),
      ]),
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '身体2級の子、20歳の誕生日の2日前は対象',
      household: household([
        person(1, '世帯主', '1975-01-01'),
        person(2, '子', '2006-04-11', { disability: { type: 'physical', grade: '2' } }),
      ]),
      on: '2026-04-09',
      expected: true,
    },
    {
      name: '身体2級の子、20歳の誕生日の前日（20歳に達した日）から対象外',
      household: household([
        person(1, '世帯主', '1975-01-01'),
        person(2, '子', '2006-04-11', { disability: { type: 'physical', grade: '2' } }),
      ]),
      on: '2026-04-10',
      expected: false,
    },
  ],
};

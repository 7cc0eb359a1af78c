// 重度障害者医療費助成. Simplified: the income limit and the rule that people who first become 重度 at 65 or
// older are not covered are not modelled (the register carries no date of first issue).
import { household, person } from '../build.ts';
import { certificateLabel, isSevereDisability } from '../conditions.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const judoShogaiIryo: PersonRule = {
  id: 'judo-shogai-iryo',
  version: 1,
  title: '重度障害者医療費助成',
  audience: 'person',
  description: '身体障害者手帳1〜2級、療育手帳A（A1・A2）、精神障害者保健福祉手帳1級のいずれかをお持ちの方。',
  evaluate(_h, p) {
    const certificate = certificateLabel(p);
    if (isSevereDisability(p)) {
      return eligible(
        `${certificate}をお持ちのため、重度障害者医療費助成の対象です。`,
        `${certificate}が あるので、病院（びょういん）の お金（おかね）を 市（し）が 助けます（たすけます）。`,
        { certificate },
      );
    }
    return notEligible(
      certificate
        ? `${certificate}は対象の等級（身体1〜2級、療育A、精神1級）に当たらないため、重度障害者医療費助成の対象ではありません。`
        : '対象となる障害者手帳（身体1〜2級、療育A、精神1級）をお持ちでないため、重度障害者医療費助成の対象ではありません。',
      '決まり（きまり）に 合う（あう） 障害者手帳（しょうがいしゃてちょう）が ないので、対象（たいしょう）では ありません。',
      { certificate },
    );
  },
  examples: [
    {
      name: '身体障害者手帳1級の大人',
      household: household([person(1, '世帯主', '1970-01-01', { disability: { type: 'physical', grade: '1' } })]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '身体障害者手帳1級',
    },
    {
      name: '療育手帳A2の子',
      household: household([
        person(1, '世帯主', '1980-01-01'),
        person(2, '子', '2014-01-01', { disability: { type: 'intellectual', grade: 'A2' } }),
      ]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '療育手帳A',
    },
    {
      name: '身体障害者手帳3級',
      household: household([person(1, '世帯主', '1970-01-01', { disability: { type: 'physical', grade: '3' } })]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '等級',
    },
    {
      name: '精神障害者保健福祉手帳2級',
      household: household([person(1, '世帯主', '1970-01-01', { disability: { type: 'mental', grade: '2' } })]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '手帳なし',
      household: household([person(1, '世帯主', '1970-01-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
      reasonIncludes: 'お持ちでない',
    },
  ],
};

// ひとり親家庭等医療費助成. Simplified: ひとり親 = no spouse of the head in the household; income band ≤ 4 stands
// for the income limit; the parent and children up to 高校生年代 are covered; members with a 重度障害 are
// covered by 重度障害者医療費助成 instead.
import { household, person } from '../build.ts';
import { isCoveredBySingleParentMedical, isSevereDisability, isSingleParentHousehold } from '../conditions.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const hitorioyaIryo: PersonRule = {
  id: 'hitorioya-iryo',
  version: 1,
  title: 'ひとり親家庭等医療費助成',
  audience: 'person',
  description: 'ひとり親世帯（所得区分4以下）の親と、高校生年代までのお子さん。重度障害者医療費助成の対象の方を除く。',
  evaluate(h, p) {
    const facts = { singleParent: isSingleParentHousehold(h), incomeBand: h.incomeBand };
    if (isCoveredBySingleParentMedical(h, p)) {
      return eligible(
        p === h.head
          ? 'ひとり親世帯の親で、所得が基準以内のため、ひとり親家庭等医療費助成の対象です。'
          : 'ひとり親世帯の高校生年代までのお子さんで、所得が基準以内のため、ひとり親家庭等医療費助成の対象です。',
        'ひとりで 子ども（こども）を そだてて いる 家族（かぞく）の 病院（びょういん）の お金（おかね）を 助けます（たすけます）。',
        facts,
      );
    }
    let reason: string;
    if (!facts.singleParent) reason = 'ひとり親世帯（配偶者がおらず、高校生年代までのお子さんを養育）ではないため、';
    else if (h.incomeBand > 4) reason = `所得が基準を超えている（所得区分${h.incomeBand}）ため、`;
    else if (isSevereDisability(p)) reason = '重度障害者医療費助成の対象となるため、';
    else reason = '世帯の親でも高校生年代までのお子さんでもないため、';
    return notEligible(
      `${reason}ひとり親家庭等医療費助成の対象ではありません。`,
      'この 制度（せいど）の 対象（たいしょう）では ありません。',
      facts,
    );
  },
  examples: [
    {
      name: 'ひとり親世帯の親（所得区分2）',
      household: household([person(1, '世帯主', '1990-01-01', { sex: '2' }), person(2, '子', '2018-01-01')], {
        incomeBand: 2,
      }),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '親',
    },
    {
      name: 'ひとり親世帯の子（所得区分2）',
      household: household([person(1, '世帯主', '1990-01-01', { sex: '2' }), person(2, '子', '2018-01-01')], {
        incomeBand: 2,
      }),
      personId: '2',
      on: '2026-04-01',
      expected: true,
    },
    {
      name: '所得区分5',
      household: household([person(1, '世帯主', '1990-01-01', { sex: '2' }), person(2, '子', '2018-01-01')], {
        incomeBand: 5,
      }),
      personId: '1',
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '所得',
    },
    {
      name: '高校卒業後の年代の兄（弟は対象）',
      household: household(
        [person(1, '世帯主', '1975-01-01', { sex: '2' }), person(2, '子', '2007-05-01'), person(3, '子', '2012-05-01')],
        { incomeBand: 3 },
      ),
      personId: '2',
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '高校生年代',
    },
  ],
};

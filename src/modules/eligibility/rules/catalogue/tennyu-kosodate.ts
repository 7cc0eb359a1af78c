// 転入された子育て家庭へのご案内 (保育・小児医療証・児童手当の手続きのまとめ): a member moved in (転入届) within the
// last 30 days and the household has a child up to 中学3年生. Simplified: moves within the city are not told
// apart (the event is only recorded for moves into the city).
import { household, person } from '../build.ts';
import { daysSinceEvent, parentOf } from '../conditions.ts';
import { eligible, type HouseholdRule, notEligible } from '../rule.ts';

const period = 30;

export const tennyuKosodate: HouseholdRule = {
  id: 'tennyu-kosodate',
  version: 1,
  title: '転入された子育て家庭へのご案内',
  audience: 'household',
  description: '30日以内に川崎市へ転入した世帯で、中学3年生までのお子さんがいる世帯。通知は世帯主へ。',
  recipient: parentOf,
  evaluate(h, _p, on) {
    let movedIn = -1;
    for (const m of h.members) {
      const since = daysSinceEvent(m, 'move_in', on, period);
      if (since >= 0 && (movedIn < 0 || since < movedIn)) movedIn = since;
    }
    let children = 0;
    for (const c of h.children) if (c.grade <= 9) children++;
    const facts = { daysSinceMoveIn: movedIn, children };
    if (movedIn < 0) {
      return notEligible(
        '30日以内の転入の届出がないため、転入された子育て家庭へのご案内の対象ではありません。',
        '最近（さいきん） 引っ越して（ひっこして） 来た（きた） 家族（かぞく）では ないので、対象（たいしょう）では ありません。',
        facts,
      );
    }
    if (children === 0) {
      return notEligible(
        '中学3年生までのお子さんがいないため、転入された子育て家庭へのご案内の対象ではありません。',
        '中学生（ちゅうがくせい）までの 子ども（こども）が いないので、対象（たいしょう）では ありません。',
        facts,
      );
    }
    return eligible(
      `川崎市へ転入され、中学3年生までのお子さん（${children}人）がいるため、子育ての手続きのご案内の対象です。`,
      '川崎市（かわさきし）へ ようこそ。子ども（こども）の ための 手続き（てつづき）を お知らせ（おしらせ）します。',
      facts,
    );
  },
  examples: [
    {
      name: '10日前に転入した小学生のいる家族',
      household: household([
        person(1, '世帯主', '1985-01-01', { events: [{ type: 'move_in', date: '2026-03-22' }] }),
        person(2, '妻', '1986-01-01', { events: [{ type: 'move_in', date: '2026-03-22' }] }),
        person(3, '子', '2018-05-05', { events: [{ type: 'move_in', date: '2026-03-22' }] }),
      ]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '転入',
    },
    {
      name: '転入から30日目まで',
      household: household([
        person(1, '世帯主', '1985-01-01', { events: [{ type: 'move_in', date: '2026-03-02' }] }),
        person(2, '子', '2018-05-05'),
      ]),
      on: '2026-04-01',
      expected: true,
    },
    {
      name: '転入から31日',
      household: household([
        person(1, '世帯主', '1985-01-01', { events: [{ type: 'move_in', date: '2026-03-01' }] }),
        person(2, '子', '2018-05-05'),
      ]),
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '子どものいない転入世帯',
      household: household([person(1, '世帯主', '1985-01-01', { events: [{ type: 'move_in', date: '2026-03-22' }] })]),
      on: '2026-04-01',
      expected: false,
      reasonIncludes: 'お子さんがいない',
    },
  ],
};

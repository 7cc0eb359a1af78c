// 妊婦健康診査 (補助券): for a woman whose 妊娠届 (pregnancy event) was made within the last 300 days and whose
// baby has not been born yet (no child of the household born on or after that day). Simplified: the expected
// delivery date is not known, so 300 days stands for it; miscarriage is not modelled.
import { household, person } from '../build.ts';
import { daysSinceEvent } from '../conditions.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

const period = 300;

export const ninpuKenshin: PersonRule = {
  id: 'ninpu-kenshin',
  version: 1,
  title: '妊婦健康診査',
  audience: 'person',
  description: '妊娠の届出から300日以内で、まだ出産していない方。健診の補助券をご案内します。',
  evaluate(h, p, on) {
    const since = daysSinceEvent(p, 'pregnancy', on, period);
    if (since < 0) {
      return notEligible(
        '300日以内の妊娠の届出がないため、妊婦健康診査の対象ではありません。',
        '妊娠（にんしん）の 届け（とどけ）が ないので、対象（たいしょう）では ありません。',
        { daysSincePregnancy: since },
      );
    }
    const notifiedOn = on.serial - since;
    for (const c of h.children) {
      if (c.birth.serial >= notifiedOn && c.ageDays >= 0) {
        return notEligible(
          '妊娠の届出の後に出産されたため、妊婦健康診査の対象ではありません（乳幼児健診などをご案内します）。',
          '赤ちゃん（あかちゃん）が 生まれた（うまれた）ので、妊婦（にんぷ）の 健診（けんしん）は 終わり（おわり）です。',
          { daysSincePregnancy: since },
        );
      }
    }
    return eligible(
      '妊娠の届出をされたため、妊婦健康診査（補助券）の対象です。',
      '妊娠（にんしん）の 届け（とどけ）を 出した（だした）ので、妊婦（にんぷ）の 健診（けんしん）を 安く（やすく） 受けられます（うけられます）。',
      { daysSincePregnancy: since },
    );
  },
  examples: [
    {
      name: '妊娠の届出から2か月',
      household: household([
        person(1, '世帯主', '1990-01-01'),
        person(2, '妻', '1992-01-01', { events: [{ type: 'pregnancy', date: '2026-02-01' }] }),
      ]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '妊娠の届出',
    },
    {
      name: '届出なし',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '妻', '1992-01-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '届出の後に出産済み',
      household: household([
        person(1, '世帯主', '1990-01-01'),
        person(2, '妻', '1992-01-01', { events: [{ type: 'pregnancy', date: '2025-07-01' }] }),
        person(3, '子', '2026-01-10', { events: [{ type: 'birth', date: '2026-01-10' }] }),
      ]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '出産',
    },
    {
      name: '届出からちょうど300日',
      household: household([
        person(1, '世帯主', '1990-01-01'),
        person(2, '妻', '1992-01-01', { events: [{ type: 'pregnancy', date: '2025-06-05' }] }),
      ]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
    },
    {
      name: '届出から301日',
      household: household([
        person(1, '世帯主', '1990-01-01'),
        person(2, '妻', '1992-01-01', { events: [{ type: 'pregnancy', date: '2025-06-04' }] }),
      ]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
    },
  ],
};

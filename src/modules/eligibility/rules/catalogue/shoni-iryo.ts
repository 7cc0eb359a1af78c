// 小児医療費助成 (川崎市): since September 2023 0歳 to 中学3年生 with no income limit; from 1 September 2026 to
// 高校生年代 (to the first 31 March after reaching 18). Simplified: the grade is reckoned from age, health
// insurance and 生活保護 are assumed, and 500円 co-payments are not modelled. Those covered by 重度障害者医療費助成
// or ひとり親家庭等医療費助成 are helped by that scheme instead, as in the city's rules.
import { household, person } from '../build.ts';
import { isCoveredBySingleParentMedical, isSevereDisability } from '../conditions.ts';
import { eligible, gradeLabel, notEligible, type PersonRule } from '../rule.ts';

/** 2026-09-01 as a day serial: from this day the scheme reaches 高校生年代. */
const highSchoolFrom = Date.UTC(2026, 8, 1) / 86_400_000;

export const shoniIryo: PersonRule = {
  id: 'shoni-iryo',
  version: 1,
  title: '小児医療費助成',
  audience: 'person',
  description:
    '0歳から中学3年生まで（2026年9月1日からは高校生年代まで）のお子さん。所得制限なし。重度障害者医療費助成・ひとり親家庭等医療費助成の対象の方を除く。',
  evaluate(h, p, on) {
    const lastGrade = on.serial >= highSchoolFrom ? 12 : 9;
    const facts = { grade: p.grade, lastGrade };
    if (p.ageDays < 0 || p.grade > lastGrade) {
      return notEligible(
        lastGrade === 12
          ? '高校生年代（18歳に達した日以後の最初の3月31日）を過ぎているため、小児医療費助成の対象ではありません。'
          : '中学3年生の年代を過ぎているため、小児医療費助成の対象ではありません（2026年9月からは高校生年代まで広がります）。',
        '子ども（こども）の 年齢（ねんれい）を 過ぎて（すぎて）いるので、対象（たいしょう）では ありません。',
        facts,
      );
    }
    if (isSevereDisability(p)) {
      return notEligible(
        '重度障害者医療費助成の対象となるため、小児医療費助成ではなく、そちらで医療費が助成されます。',
        '別（べつ）の 制度（せいど）で 病院（びょういん）の お金（おかね）を 助けます（たすけます）。',
        facts,
      );
    }
    if (isCoveredBySingleParentMedical(h, p)) {
      return notEligible(
        'ひとり親家庭等医療費助成の対象となるため、小児医療費助成ではなく、そちらで医療費が助成されます。',
        '別（べつ）の 制度（せいど）で 病院（びょういん）の お金（おかね）を 助けます（たすけます）。',
        facts,
      );
    }
    return eligible(
      `${p.grade >= 1 ? gradeLabel(p.grade) : `${p.age}歳`}のお子さんのため、小児医療費助成の対象です（所得制限はありません）。`,
      '子ども（こども）の 病院（びょういん）の お金（おかね）を 市（し）が 助けます（たすけます）。',
      facts,
    );
  },
  examples: [
    {
      name: '小学3年生',
      household: household([
        person(1, '世帯主', '1985-01-01'),
        person(2, '妻', '1986-01-01'),
        person(3, '子', '2017-06-01'),
      ]),
      personId: '3',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '小学3年生',
    },
    {
      name: '大人（世帯主）',
      household: household([
        person(1, '世帯主', '1985-01-01'),
        person(2, '妻', '1986-01-01'),
        person(3, '子', '2017-06-01'),
      ]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '高校1年生相当: 2026年8月31日はまだ対象外',
      household: household([
        person(1, '世帯主', '1980-01-01'),
        person(2, '妻', '1981-01-01'),
        person(3, '子', '2010-06-01'),
      ]),
      personId: '3',
      on: '2026-08-31',
      expected: false,
      reasonIncludes: '中学3年生',
    },
    {
      name: '高校1年生相当: 2026年9月1日から対象',
      household: household([
        person(1, '世帯主', '1980-01-01'),
        person(2, '妻', '1981-01-01'),
        person(3, '子', '2010-06-01'),
      ]),
      personId: '3',
      on: '2026-09-01',
      expected: true,
    },
    {
      name: '療育手帳Aの子は重度障害者医療費助成で',
      household: household([
        person(1, '世帯主', '1985-01-01'),
        person(2, '妻', '1986-01-01'),
        person(3, '子', '2017-06-01', { disability: { type: 'intellectual', grade: 'A' } }),
      ]),
      personId: '3',
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '重度障害者医療費助成',
    },
  ],
};

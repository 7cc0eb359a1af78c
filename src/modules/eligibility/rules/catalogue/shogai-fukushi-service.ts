// 障害福祉サービス (障害者総合支援法: 居宅介護, 就労支援, 移動支援 …) and the 福祉のしおり. Simplified: any
// disability certificate makes the holder eligible for the guide; 支援区分 assessment follows an application.
// A certificate issued within the last 30 days is named in the reason, since that is when the notice matters.
import { household, person } from '../build.ts';
import { certificateLabel, daysSinceEvent } from '../conditions.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const shogaiFukushiService: PersonRule = {
  id: 'shogai-fukushi-service',
  version: 1,
  title: '障害福祉サービスのご案内',
  audience: 'person',
  description: '身体障害者手帳・療育手帳・精神障害者保健福祉手帳のいずれかをお持ちの方。',
  evaluate(_h, p, on) {
    if (!p.hasCertificate) {
      return notEligible(
        '障害者手帳をお持ちでないため、障害福祉サービスのご案内の対象ではありません（手帳がなくても相談はできます）。',
        '障害者手帳（しょうがいしゃてちょう）が ないので、対象（たいしょう）では ありません。',
      );
    }
    const certificate = certificateLabel(p);
    const issued = daysSinceEvent(p, 'certificate_issued', on, 30);
    return eligible(
      issued >= 0
        ? `${certificate}が交付されたため、障害福祉サービスのご案内の対象です。`
        : `${certificate}をお持ちのため、障害福祉サービスのご案内の対象です。`,
      `${certificate}が あるので、福祉（ふくし）の サービスを 使えます（つかえます）。`,
      { certificate, daysSinceIssued: issued },
    );
  },
  examples: [
    {
      name: '精神障害者保健福祉手帳2級',
      household: household([person(1, '世帯主', '1980-01-01', { disability: { type: 'mental', grade: '2' } })]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '精神障害者保健福祉手帳2級',
    },
    {
      name: '手帳なし',
      household: household([person(1, '世帯主', '1980-01-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '療育手帳が先週交付された（台帳の障害欄はまだ空）',
      household: household([
        person(1, '世帯主', '1980-01-01'),
        person(2, '子', '2020-01-01', {
          certificates: ['ryoiku'],
          events: [{ type: 'certificate_issued', date: '2026-03-25' }],
        }),
      ]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '療育手帳が交付された',
    },
  ],
};

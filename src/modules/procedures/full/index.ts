// The procedures written in full: each carries its form, workflow and issued-document template, so it can
// be applied for here. The catalogue lists them beside the other entries; the form engine renders them.
import type { Procedure } from '../definition.ts';
import { doroSenyo } from './doro-senyo.ts';
import { hoikusho } from './hoikusho.ts';
import { inkanCertificate } from './inkan-certificate.ts';
import { inuToroku } from './inu-toroku.ts';
import { jidoTeate } from './jido-teate.ts';
import { jiritsuShienSeishin } from './jiritsu-shien-seishin.ts';
import { juminhyoCopy } from './juminhyo-copy.ts';
import { kenchikuKensa } from './kenchiku-kensa.ts';
import { kozaFurikae } from './koza-furikae.ts';
import { nyusatsuShikaku } from './nyusatsu-shikaku.ts';
import { shieiJutaku } from './shiei-jutaku.ts';
import { shogaishaTecho } from './shogaisha-techo.ts';
import { sodaiGomi } from './sodai-gomi.ts';
import { suidoShiyoKaishi } from './suido-shiyo-kaishi.ts';
import { tenshutsu } from './tenshutsu.ts';

export const fullProcedures: Procedure[] = [
  juminhyoCopy,
  inkanCertificate,
  jidoTeate,
  hoikusho,
  sodaiGomi,
  inuToroku,
  jiritsuShienSeishin,
  shogaishaTecho,
  doroSenyo,
  kenchikuKensa,
  shieiJutaku,
  suidoShiyoKaishi,
  kozaFurikae,
  nyusatsuShikaku,
  tenshutsu,
];

/**
 * The case fields the document templates of these procedures use besides the answers (`{{case.x}}`).
 * `wardMayor` is the ward mayor of the applicant's ward (川崎市中原区長): in a designated city the 区長
 * certifies register extracts (住民基本台帳法 第38条).
 */
export const documentCaseFields = ['receiptNumber', 'decidedAt', 'applicantName', 'wardMayor'] as const;

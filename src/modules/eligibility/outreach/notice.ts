// What a person is told when a rule finds them: why (the rule's own reason for them), what the service is,
// and where to apply; in Japanese, やさしい日本語 and English. One notice per person and rule version.
import type { Rule } from '../rules/index.ts';

/** The procedure in the catalogue that applies for what a rule finds (conversion is counted on it). */
export const procedureOf: Readonly<Record<string, string>> = {
  'jido-teate': 'jido-teate',
  'jido-fuyo-teate': 'jido-fuyo-teate',
  'shoni-iryo': 'shoni-iryo',
  'shugaku-enjo': 'shugaku-enjo',
  'koki-korei-iryo': 'koki-korei-iryo',
  'kokumin-nenkin-20': 'kokumin-nenkin',
  'ninpu-kenshin': 'boshi-techo',
  'yobo-bcg': 'yobo-sesshu-kodomo',
  'yobo-goshu': 'yobo-sesshu-kodomo',
  'yobo-mr1': 'yobo-sesshu-kodomo',
  'yobo-mr2': 'yobo-sesshu-kodomo',
  'yobo-hpv': 'yobo-sesshu-kodomo',
};

export interface NoticeText {
  title: string;
  bodyJa: string;
  bodyEasy: string;
  bodyEn: string;
}

export function noticeFor(
  rule: Rule,
  why: { reason: string; reasonEasy?: string | undefined },
  origin: string,
): NoticeText {
  const code = procedureOf[rule.id];
  const link = code ? `${origin}/procedures/${code}` : `${origin}/procedures?q=${encodeURIComponent(rule.title)}`;
  return {
    title: `${rule.title}のご案内`,
    bodyJa: `${why.reason}\n\n${rule.description}\n\n${code ? '手続きの案内とオンライン申請' : '手続きの案内'}: ${link}\n\nこのお知らせは、住民記録をもとに市からお送りしています。ご不明な点はお住まいの区役所へお問い合わせください。`,
    bodyEasy: `${why.reasonEasy ?? why.reason}\n\nくわしくは ここを 見て（みて）ください: ${link}`,
    bodyEn: `The city's records show you may be eligible for 「${rule.title}」. Details and how to apply (in Japanese): ${link}`,
  };
}

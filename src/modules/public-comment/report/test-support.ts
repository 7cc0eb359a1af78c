// For tests: a seeded PRNG and random report inputs (random topics, classes and opinion counts, zero
// included), so the renderers' tests and the builder's property test draw from the same generator.
import { dxPlanReportInput } from '../demo/dx-plan.ts';
import type { ReportInput } from './types.ts';

export type Random = () => number;

/** mulberry32: small, fast and the same sequence on every machine for a given seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const topicCodes = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク'];
const classCodes = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
// Kanji, kana, full-width and ASCII: enough variety that one wrapped line never repeats another by chance.
const alphabet = [
  ...'市民行政手続窓口申請電子化推進計画業務効率改善地域支援高齢者障害福祉情報公開子育教育交通環境防災医療介護',
  ...'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん',
  ...'アイウエオカキクケコサシスセソ',
  ...'０１２３４５６７８９ＡＢＣ',
  ...'abcXYZ0123456789',
  '、',
  '。',
  '（',
  '）',
  '「',
  '」',
];

/** `length` random characters, prefixed with `tag` so a test can tell the texts apart. */
export function randomText(random: Random, tag: string, length: number): string {
  let text = tag;
  while (text.length < length) text += alphabet[Math.floor(random() * alphabet.length)]!;
  return text;
}

/** A report of random shape on top of the demo's texts: 1–6 topics, 1–6 classes, 0–40 opinions. */
export function randomReportInput(random: Random): ReportInput {
  const topics = topicCodes.slice(0, randomInt(random, 1, 6)).map((code) => ({ code, title: `項目${code}` }));
  const classes = classCodes.slice(0, randomInt(random, 1, 6)).map((code) => ({ code, label: `区分${code}` }));
  const count = random() < 0.15 ? 0 : randomInt(random, 1, 40);
  const opinions = Array.from({ length: count }, (_, i) => ({
    topicCode: topics[Math.floor(random() * topics.length)]!.code,
    classCode: classes[Math.floor(random() * classes.length)]!.code,
    summary: `要旨${i}${random() < 0.3 ? `\n\n要旨${i}の続き` : ''}`,
    response: `考え方${i}`,
  }));
  return {
    ...dxPlanReportInput(),
    topics,
    classes,
    opinions,
    submissionCount: count === 0 ? randomInt(random, 0, 3) : randomInt(random, 1, count),
  };
}

/**
 * A long report for page breaks: `count` opinions, every `longEvery`-th one with a summary and a
 * response of about `longLength` characters in several paragraphs (taller than a page in a table cell).
 */
export function longReportInput(random: Random, count = 120, longEvery = 15, longLength = 2000): ReportInput {
  const demo = dxPlanReportInput();
  const paragraphs = (tag: string, total: number) => {
    const parts: string[] = [];
    for (let written = 0, p = 0; written < total; p++) {
      const text = randomText(random, `${tag}段落${p}：`, randomInt(random, 60, 400));
      parts.push(text);
      written += text.length;
    }
    return parts.join('\n');
  };
  const opinions = Array.from({ length: count }, (_, i) => {
    const long = i % longEvery === longEvery - 1;
    return {
      topicCode: demo.topics[i % demo.topics.length]!.code,
      classCode: demo.classes[randomInt(random, 0, demo.classes.length - 1)]!.code,
      summary: long
        ? paragraphs(`〔要旨${i}〕`, longLength)
        : randomText(random, `〔要旨${i}〕`, randomInt(random, 20, 200)),
      response: long
        ? paragraphs(`〔考え方${i}〕`, longLength)
        : randomText(random, `〔考え方${i}〕`, randomInt(random, 20, 300)),
    };
  });
  return { ...demo, opinions, submissionCount: Math.ceil(count / 2) };
}

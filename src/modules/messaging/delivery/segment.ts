// Who a message goes to: topics × wards × age band × language × channels, checked together so every
// problem is named at once, and turned into one SQL condition over active subscribers.
import { type RawBuilder, sql } from 'kysely';
import type { FieldError } from '../../../platform/http/errors.ts';

export const channels = ['line', 'email', 'webpush', 'inbox'] as const;
export type Channel = (typeof channels)[number];
export const languages = ['ja', 'ja-easy', 'en'] as const;
export type Language = (typeof languages)[number];
export const topics = ['bosai', 'bohan', 'kosodate', 'kenko', 'event', 'gomi', 'shisei'] as const;

export interface Segment {
  /** Subscribers of any of these topics; empty: every subscriber. */
  topics: string[];
  /** Subscribers in these wards (全国地方公共団体コード); empty: every ward. */
  wards: string[];
  ageMin: number | null;
  ageMax: number | null;
  languages: Language[];
  channels: Channel[];
}

export interface SegmentInput {
  topics?: string[];
  wards?: string[];
  ageMin?: number | string | null;
  ageMax?: number | string | null;
  languages?: string[];
  channels?: string[];
}

function age(value: number | string | null | undefined, field: string, errors: FieldError[]): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).normalize('NFKC'));
  if (!Number.isInteger(n) || n < 0 || n > 120) {
    errors.push({ field, message: '年齢は0から120までの整数で入力してください。' });
    return null;
  }
  return n;
}

export function parseSegment(input: SegmentInput): { errors: FieldError[]; value: Segment } {
  const errors: FieldError[] = [];
  const unique = (list: string[] | undefined) => [...new Set((list ?? []).map((v) => v.trim()).filter((v) => v))];
  const chosenTopics = unique(input.topics);
  const unknownTopic = chosenTopics.find((t) => !(topics as readonly string[]).includes(t));
  if (unknownTopic) errors.push({ field: 'topics', message: `分野「${unknownTopic.slice(0, 30)}」はありません。` });
  const wards = unique(input.wards);
  if (wards.some((w) => !/^\d{6}$/.test(w))) errors.push({ field: 'wards', message: '区は一覧から選んでください。' });
  const ageMin = age(input.ageMin, 'ageMin', errors);
  const ageMax = age(input.ageMax, 'ageMax', errors);
  if (ageMin !== null && ageMax !== null && ageMin > ageMax) {
    errors.push({ field: 'ageMax', message: '年齢の上限は下限以上にしてください。' });
  }
  const chosenLanguages = unique(input.languages);
  if (chosenLanguages.some((l) => !(languages as readonly string[]).includes(l))) {
    errors.push({ field: 'languages', message: '言語は日本語・やさしい日本語・英語から選んでください。' });
  }
  const chosenChannels = unique(input.channels);
  if (chosenChannels.some((c) => !(channels as readonly string[]).includes(c))) {
    errors.push({
      field: 'channels',
      message: '送る方法は LINE・メール・Web プッシュ・アプリのお知らせから選んでください。',
    });
  }
  return {
    errors,
    value: {
      topics: chosenTopics,
      wards,
      ageMin,
      ageMax,
      languages: (chosenLanguages.length > 0 ? chosenLanguages : [...languages]) as Language[],
      channels: (chosenChannels.length > 0 ? chosenChannels : [...channels]) as Channel[],
    },
  };
}

/** The condition on msg_subscribers (alias s) for active subscribers in the segment, ages on `year`. */
export function segmentCondition(segment: Segment, year: number): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`s.status = 'active'`];
  parts.push(sql`s.channel = any(${segment.channels}::text[])`);
  parts.push(sql`s.language = any(${segment.languages}::text[])`);
  if (segment.topics.length > 0) parts.push(sql`s.topics && ${segment.topics}::text[]`);
  if (segment.wards.length > 0) parts.push(sql`s.ward_code = any(${segment.wards}::text[])`);
  // Age by year of birth: the band is approximate by up to a year, which a notice's audience tolerates.
  if (segment.ageMin !== null) parts.push(sql`s.birth_year <= ${year - segment.ageMin}`);
  if (segment.ageMax !== null) parts.push(sql`s.birth_year >= ${year - segment.ageMax - 1}`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

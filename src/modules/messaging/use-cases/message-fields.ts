// A message's fields as staff write them, checked against every channel it may go to, so nothing is refused
// halfway: the strictest text limit is LINE's (5,000 characters, counted in UTF-16 units as LINE counts them).
import type { FieldError } from '../../../platform/http/errors.ts';
import { parseSegment, type Segment, type SegmentInput } from '../delivery/segment.ts';

/** The strictest text limit of the channels: a LINE text message holds 5,000 characters, counted in UTF-16 units as LINE counts them. */
export const bodyLimit = 5000;
export const titleLimit = 100;

export interface MessageFields {
  title?: string;
  bodyJa?: string;
  bodyEasy?: string;
  bodyEn?: string;
  urgent?: boolean;
  segment?: SegmentInput;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters (other than tab and newline) are refused
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const n = (value: number) => value.toLocaleString('ja-JP');

function text(
  value: string | undefined,
  field: string,
  label: string,
  limit: number,
  required: boolean,
  errors: FieldError[],
) {
  const v = (value ?? '').normalize('NFC').trim();
  if (required && v === '') errors.push({ field, message: `${label}を入力してください。` });
  else if (v.length > limit) {
    errors.push({
      field,
      message: `${label}は${n(limit)}文字以内にしてください（LINE の上限）。いま${n(v.length)}文字です（絵文字は2文字に数えます）。`,
    });
  } else if (controlCharacters.test(v)) errors.push({ field, message: `${label}に使えない制御文字が含まれています。` });
  return v;
}

export interface CheckedMessage {
  title: string;
  bodyJa: string;
  bodyEasy: string;
  bodyEn: string;
  urgent: boolean;
  segment: Segment;
}

/** A message's fields checked as createMessage checks them; every problem is named at once. */
export function checkMessageFields(f: MessageFields): { errors: FieldError[]; value: CheckedMessage } {
  const errors: FieldError[] = [];
  const title = text(f.title, 'title', '件名', titleLimit, true, errors);
  const bodyJa = text(f.bodyJa, 'bodyJa', '本文（日本語）', bodyLimit, true, errors);
  const bodyEasy = text(f.bodyEasy, 'bodyEasy', '本文（やさしい日本語）', bodyLimit, false, errors);
  const bodyEn = text(f.bodyEn, 'bodyEn', '本文（英語）', bodyLimit, false, errors);
  // What LINE receives is the title, a blank line and the body: all of it within LINE's 5,000 (UTF-16 units).
  for (const [field, body] of [
    ['bodyJa', bodyJa],
    ['bodyEasy', bodyEasy],
    ['bodyEn', bodyEn],
  ] as const) {
    if (body && body.length <= bodyLimit && title.length + 2 + body.length > bodyLimit) {
      errors.push({ field, message: `件名と本文を合わせて${n(bodyLimit)}文字以内にしてください（LINE の上限）。` });
    }
  }
  const segment = parseSegment(f.segment ?? {});
  errors.push(...segment.errors);
  return { errors, value: { title, bodyJa, bodyEasy, bodyEn, urgent: f.urgent ?? false, segment: segment.value } };
}

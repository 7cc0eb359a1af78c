// The demo catalogue: the hand-written entries (curated.ts), then about 3,000 more built from subjects ×
// kinds of procedure (vocabulary.ts). Deterministic: the same code always gets the same procedure, because
// every choice comes from a hash of the code, not from a random generator's position.
import type {
  AttachmentSpec,
  Availability,
  Fee,
  LifeEvent,
  Localized,
  NotOnlineReason,
  PaymentMethod,
  Procedure,
} from '../definition.ts';
import { type CuratedEntry, curated } from './curated.ts';
import { reasonTexts } from './reasons.ts';
import {
  type Action,
  type FamilyName,
  families,
  type SubjectGroup,
  subjectGroups,
  wardFacilities,
} from './vocabulary.ts';

/** Hand-written and generated entries together; with the 15 full procedures about 3,100 in all. */
export const catalogueSize = 3_085;

/** FNV-1a: a stable 32-bit hash, so each choice depends only on the procedure's code and a salt. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const unit = (code: string, salt: string) => hash(`${code}:${salt}`) / 0x1_0000_0000;
const pick = <T>(code: string, salt: string, items: readonly T[]): T => items[hash(`${code}:${salt}`) % items.length]!;

function parts(line: string): { ja: string; kana: string; en: string } {
  const [ja = '', kana = '', en = ''] = line.split('|').map((s) => s.trim());
  return { ja, kana, en };
}

function onlineMethods(fee: Fee, availability: Availability): PaymentMethod[] {
  if (fee.kind === 'none') return [];
  const methods: PaymentMethod[] = ['card', 'paypay', 'el_qr'];
  return availability === 'online' ? methods : [...methods, 'cash'];
}

function notOnline(reason: NotOnlineReason): Procedure['notOnline'] {
  return { reason, ...reasonTexts[reason] };
}

const pdfOrImage = ['application/pdf', 'image/jpeg', 'image/png'];
const attachment = (key: string, label: string, required = true): AttachmentSpec => ({
  key,
  label,
  required,
  types: pdfOrImage,
  maxBytes: 10 * 1024 * 1024,
});

const familyAttachments: Record<FamilyName, AttachmentSpec[]> = {
  subsidy: [attachment('plan', '事業計画書'), attachment('estimate', '見積書の写し')],
  permit: [attachment('site-map', '位置図・案内図'), attachment('drawings', '平面図・構造図')],
  notification: [attachment('overview', '概要書・配置図', false)],
  registration: [attachment('register', '登記事項証明書または住民票の写し')],
  benefit: [attachment('bank', '振込先口座がわかるもの'), attachment('evidence', '要件を確認できる書類', false)],
  certificate: [],
  facility: [],
  reduction: [attachment('evidence', '収入の減少や被災を確認できる書類')],
  application: [],
  designation: [
    attachment('register', '登記事項証明書'),
    attachment('staff', '従業者の勤務体制及び勤務形態一覧表'),
    attachment('floor', '事業所の平面図'),
  ],
};

const categoryWords: Record<string, string[]> = {
  certificates: ['証明書', 'certificate'],
  tax: ['税金', 'tax'],
  children: ['子ども', 'child'],
  care: ['介護', 'care'],
  waste: ['ごみ', 'waste'],
  water: ['水道', 'water'],
  construction: ['工事', 'construction'],
};

function synonymsFor(subject: { ja: string; en: string }, categories: string[]): string[] {
  const words = categories.flatMap((c) => categoryWords[c] ?? []);
  return [...new Set([subject.ja, subject.en.toLowerCase(), ...words])];
}

function fill(template: string, subject: string): string {
  return template.replaceAll('{s}', subject);
}

interface Generated {
  subject: { ja: string; kana: string; en: string };
  action: Action;
  actionIndex: number;
  family: FamilyName;
  department: string;
  categories: string[];
  lifeEvents: LifeEvent[];
  filer: SubjectGroup['filer'];
  fee: number | undefined;
}

function fromGenerated(code: string, g: Generated): Procedure {
  const family = families[g.family];
  const u = unit(code, 'availability');
  const availability: Availability =
    u < family.online ? 'online' : u < family.online + family.visit ? 'online_with_visit' : 'in_person';
  const reason = availability === 'online' ? undefined : pick(code, 'reason', family.reasons);
  const first = g.actionIndex === 0;
  let fee: Fee = { kind: 'none' };
  if (g.family === 'certificate') {
    fee = { kind: 'per_unit', amount: g.fee ?? 300, unitField: 'copies', unitLabel: '通' };
  } else if (g.family === 'facility' && first) {
    fee = { kind: 'fixed', amount: 400 * (1 + (hash(`${code}:fee`) % 30)) };
  } else if (first && g.fee) {
    fee = { kind: 'fixed', amount: g.fee };
  }
  const [aboutJa, aboutEasy, aboutEn] = g.action.about;
  const description: Localized = {
    ja: fill(aboutJa, g.subject.ja),
    jaEasy: fill(aboutEasy, g.subject.ja),
    en: fill(aboutEn, g.subject.en),
  };
  return {
    code,
    name: g.subject.ja + g.action.ja,
    nameKana: g.subject.kana + g.action.kana,
    nameEn: fill(g.action.en, g.subject.en),
    description,
    department: g.department,
    categories: g.categories,
    lifeEvents: g.lifeEvents,
    filer: g.filer,
    availability,
    ...(reason ? { notOnline: notOnline(reason) } : {}),
    assurance: family.assurance,
    jpkiSignature: family.assurance === 'jpki_signature',
    proxyAllowed: reason !== 'face_to_face_identity' && unit(code, 'proxy') < 0.85,
    fee,
    paymentMethods: onlineMethods(fee, availability),
    attachments: first ? familyAttachments[g.family] : familyAttachments[g.family].slice(0, 1),
    processingDays: pick(code, 'days', family.processingDays),
    synonyms: synonymsFor(g.subject, g.categories),
  };
}

function fromCurated(entry: CuratedEntry): Procedure {
  const name = parts(entry.name);
  const [ja = '', jaEasy = '', en = ''] = entry.about.split('|');
  const availability = entry.availability ?? 'online';
  const fee: Fee = !entry.fee
    ? { kind: 'none' }
    : entry.perCopy
      ? { kind: 'per_unit', amount: entry.fee, unitField: 'copies', unitLabel: '通' }
      : { kind: 'fixed', amount: entry.fee };
  const assurance = entry.identity ?? 'account';
  return {
    code: entry.code,
    name: name.ja,
    nameKana: name.kana,
    nameEn: name.en,
    description: { ja, jaEasy, en },
    department: entry.department,
    categories: entry.categories,
    lifeEvents: entry.lifeEvents,
    filer: entry.filer ?? 'resident',
    availability,
    ...(availability !== 'online' ? { notOnline: notOnline(entry.reason ?? 'original_documents') } : {}),
    assurance,
    jpkiSignature: assurance === 'jpki_signature',
    proxyAllowed: entry.proxy ?? true,
    fee,
    paymentMethods: onlineMethods(fee, availability),
    attachments: [],
    processingDays: entry.days ?? 14,
    synonyms: entry.synonyms,
  };
}

const wardNames = [
  ['141313', '川崎|カワサキ|Kawasaki'],
  ['141321', '幸|サイワイ|Saiwai'],
  ['141330', '中原|ナカハラ|Nakahara'],
  ['141348', '高津|タカツ|Takatsu'],
  ['141364', '宮前|ミヤマエ|Miyamae'],
  ['141356', '多摩|タマ|Tama'],
  ['141372', '麻生|アサオ|Asao'],
] as const;

function* drafts(): Generator<Generated> {
  for (const group of subjectGroups) {
    const family = families[group.family];
    for (const line of group.subjects.split('\n')) {
      const subject = parts(line);
      for (const [actionIndex, action] of family.actions.entries()) {
        yield { ...group, subject, action, actionIndex, fee: group.fee };
      }
    }
  }
  // Facilities belong to one ward, so they name that ward's office (`ward-<code>`), not `ward.`.
  for (const line of wardFacilities) {
    const facility = parts(line);
    for (const [wardCode, wardLine] of wardNames) {
      const ward = parts(wardLine);
      const subject = { ja: ward.ja + facility.ja, kana: ward.kana + facility.kana, en: `${ward.en} ${facility.en}` };
      for (const [actionIndex, action] of families.facility.actions.entries()) {
        yield {
          subject,
          action,
          actionIndex,
          family: 'facility',
          department: `ward-${wardCode}`,
          categories: ['facilities'],
          lifeEvents: [],
          filer: 'both',
          fee: undefined,
        };
      }
    }
  }
}

/** The hand-written entries and the generated ones (codes p-0001 …), without the full procedures. */
export function generateCatalogue(): Procedure[] {
  const out = curated.map(fromCurated);
  const names = new Set(out.map((p) => p.name));
  let n = 0;
  for (const draft of drafts()) {
    if (out.length >= catalogueSize) break;
    const name = draft.subject.ja + draft.action.ja;
    if (names.has(name)) continue;
    names.add(name);
    n++;
    out.push(fromGenerated(`p-${String(n).padStart(4, '0')}`, draft));
  }
  return out;
}

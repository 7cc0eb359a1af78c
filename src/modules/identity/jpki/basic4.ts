// 基本4情報 (name, sex, birth date, address) in a JPKI signing certificate: subjectAltName otherNames under
// 1.2.392.200149.8.5.5, each value a UTF8String (PrintableString also read). What we assume about the
// encoding, from the published profile as quoted by users who dumped their own cards (openssl x509 -ext
// subjectAltName); the demo CA writes the same:
//   .1 氏名: family and given name separated by a full-width space, non-JIS characters replaced by 代替文字
//   .2 氏名代替文字の使用位置情報: one digit per character of the name, '1' where that character is a substitute
//   .3 性別: '1' 男, '2' 女, '3' 不明
//   .4 生年月日: EYYYYMMDD, E the era (0 不明, 1 明治, 2 大正, 3 昭和, 4 平成, 5 令和) and YYYYMMDD the
//      *Gregorian* date (not the year of the era), e.g. 319800217 is 1980-02-17
//   .5 住所: from the prefecture, no postcode, full-width hyphens allowed
//   .6 住所代替文字の使用位置情報: as .2, for the address
import * as asn1js from 'asn1js';
import { normalizeForMatch } from './normalize.ts';

export const basic4Oids = {
  name: '1.2.392.200149.8.5.5.1',
  nameSubstitute: '1.2.392.200149.8.5.5.2',
  sex: '1.2.392.200149.8.5.5.3',
  birthDate: '1.2.392.200149.8.5.5.4',
  address: '1.2.392.200149.8.5.5.5',
  addressSubstitute: '1.2.392.200149.8.5.5.6',
} as const;

export interface Basic4Info {
  name: string;
  /** 氏名代替文字の使用位置情報 as on the card: '0'/'1' per character of `name`. */
  nameSubstitute?: string;
  /** '1' 男, '2' 女, '3' 不明 */
  sex: string;
  /** ISO date (yyyy-mm-dd), Gregorian. */
  birthDate: string;
  /** The era the card names: 明治 … 令和, or 不明. */
  birthEra: string;
  address: string;
  /** 住所代替文字の使用位置情報: '0'/'1' per character of `address`. */
  addressSubstitute?: string;
}

const eras: { digit: string; name: string; from: string }[] = [
  { digit: '5', name: '令和', from: '2019-05-01' },
  { digit: '4', name: '平成', from: '1989-01-08' },
  { digit: '3', name: '昭和', from: '1926-12-25' },
  { digit: '2', name: '大正', from: '1912-07-30' },
  { digit: '1', name: '明治', from: '1868-01-25' },
];

export function eraDigitOf(isoDate: string): string {
  return eras.find((era) => isoDate >= era.from)?.digit ?? '0';
}

export function encodeBirthDate(isoDate: string): string {
  return `${eraDigitOf(isoDate)}${isoDate.replaceAll('-', '')}`;
}

/**
 * EYYYYMMDD → ISO date and era name. The Gregorian digits are authoritative; the era digit is only
 * reported, not cross-checked, so a card that names the era differently on a boundary day still reads.
 */
export function decodeBirthDate(value: string): { iso: string; era: string } | undefined {
  const m = /^([0-5])(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  const iso = `${m[2]}-${m[3]}-${m[4]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return undefined;
  return { iso, era: eras.find((era) => era.digit === m[1])?.name ?? '不明' };
}

/** otherName entries as [oid, text] from a subjectAltName extension value (DER of GeneralNames). */
export function otherNames(extensionValue: Uint8Array): [string, string][] {
  const parsed = asn1js.fromBER(extensionValue);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) return [];
  const out: [string, string][] = [];
  for (const item of parsed.result.valueBlock.value) {
    // otherName is [0] IMPLICIT SEQUENCE { type-id OID, value [0] EXPLICIT ANY }
    if (item.idBlock.tagClass !== 3 || item.idBlock.tagNumber !== 0) continue;
    const parts = (item as asn1js.Constructed).valueBlock.value;
    const oid = parts?.[0];
    const wrapped = parts?.[1] as asn1js.Constructed | undefined;
    const text = wrapped?.valueBlock?.value?.[0];
    if (!(oid instanceof asn1js.ObjectIdentifier)) continue;
    if (text instanceof asn1js.Utf8String || text instanceof asn1js.PrintableString) {
      out.push([oid.valueBlock.toString(), text.valueBlock.value]);
    }
  }
  return out;
}

/**
 * The holder's 基本4情報, or null when the certificate carries none (a user-authentication certificate)
 * or a part is missing or unreadable: a partial identity is not one we can match a resident with.
 */
export function readBasic4(extensionValue: Uint8Array | undefined): Basic4Info | null {
  if (!extensionValue) return null;
  const values = new Map(otherNames(extensionValue));
  const name = values.get(basic4Oids.name);
  const birth = decodeBirthDate(values.get(basic4Oids.birthDate) ?? '');
  const sex = values.get(basic4Oids.sex);
  const address = values.get(basic4Oids.address);
  if (!name || !birth || !sex || !address) return null;
  const info: Basic4Info = { name, sex, birthDate: birth.iso, birthEra: birth.era, address };
  const nameSubstitute = values.get(basic4Oids.nameSubstitute);
  const addressSubstitute = values.get(basic4Oids.addressSubstitute);
  if (nameSubstitute) info.nameSubstitute = nameSubstitute;
  if (addressSubstitute) info.addressSubstitute = addressSubstitute;
  return info;
}

export interface Basic4Input {
  name: string;
  sex: string;
  birthDate: string;
  address: string;
  /** Character positions (0-based) of `name` that are 代替文字. */
  nameSubstitutePositions?: number[];
  addressSubstitutePositions?: number[];
}

function positionFlags(text: string, positions: number[] = []): string {
  return [...text].map((_, i) => (positions.includes(i) ? '1' : '0')).join('');
}

/** Builds the subjectAltName value (GeneralNames of otherNames) the way a real signing certificate holds it. */
export function encodeBasic4(info: Basic4Input): ArrayBuffer {
  const entry = (oid: string, text: string) =>
    new asn1js.Constructed({
      idBlock: { tagClass: 3, tagNumber: 0 },
      value: [
        new asn1js.ObjectIdentifier({ value: oid }),
        new asn1js.Constructed({
          idBlock: { tagClass: 3, tagNumber: 0 },
          value: [new asn1js.Utf8String({ value: text })],
        }),
      ],
    });
  return new asn1js.Sequence({
    value: [
      entry(basic4Oids.name, info.name),
      entry(basic4Oids.birthDate, encodeBirthDate(info.birthDate)),
      entry(basic4Oids.sex, info.sex),
      entry(basic4Oids.address, info.address),
      entry(basic4Oids.nameSubstitute, positionFlags(info.name, info.nameSubstitutePositions)),
      entry(basic4Oids.addressSubstitute, positionFlags(info.address, info.addressSubstitutePositions)),
    ],
  }).toBER(false);
}

export interface ResidentRecord {
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: string;
  address: string;
}

export type Basic4Field = 'name' | 'birthDate' | 'sex' | 'address';

export interface Basic4Match {
  matches: boolean;
  fields: Record<Basic4Field, boolean>;
  mismatched: Basic4Field[];
  /** A field matched only by letting the card's 代替文字 stand for whatever character the register has. */
  substituted: boolean;
}

// A private-use character survives NFKC and stands for "a substitute character" while normalising.
const placeholder = '\uE000';

/**
 * Card text against register text after normalising width and spacing. A character the card marks as
 * 代替文字 is one the card could not hold (a 外字 the register may have), so it matches any one character.
 */
function compareText(
  card: string,
  flags: string | undefined,
  register: string,
): { equal: boolean; substituted: boolean } {
  const wanted = normalizeForMatch(register);
  if (normalizeForMatch(card) === wanted) return { equal: true, substituted: false };
  if (!flags?.includes('1')) return { equal: false, substituted: false };
  const masked = [...card].map((c, i) => (flags[i] === '1' ? placeholder : c)).join('');
  const pattern = normalizeForMatch(masked)
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replaceAll(placeholder, '.');
  return { equal: new RegExp(`^${pattern}$`, 'u').test(wanted), substituted: true };
}

/** Compares the card's 基本4情報 with a resident record; says which fields match and which do not. */
export function matchResident(card: Basic4Info, resident: ResidentRecord): Basic4Match {
  const name = compareText(card.name, card.nameSubstitute, `${resident.familyName}${resident.givenName}`);
  const address = compareText(card.address, card.addressSubstitute, resident.address);
  const fields: Record<Basic4Field, boolean> = {
    name: name.equal,
    birthDate: card.birthDate === resident.birthDate,
    sex: card.sex === resident.sex,
    address: address.equal,
  };
  const mismatched = (Object.keys(fields) as Basic4Field[]).filter((f) => !fields[f]);
  return {
    matches: mismatched.length === 0,
    fields,
    mismatched,
    substituted: (name.equal && name.substituted) || (address.equal && address.substituted),
  };
}

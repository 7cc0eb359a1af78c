// 基本4情報 (name, address, birth date, sex) in a JPKI signing certificate: subjectAltName otherNames
// under 1.2.392.200149.8.5.5. Birth date is the era digit (1 明治 2 大正 3 昭和 4 平成 5 令和) followed
// by the Gregorian date yyyymmdd, as the issue describes the card's encoding.
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
  /** 代替文字: characters outside JIS that the card holds as substitutes, if any. */
  nameSubstitute?: string;
  /** '1' 男, '2' 女, '3' その他 */
  sex: string;
  /** ISO date (yyyy-mm-dd). */
  birthDate: string;
  birthEra: string;
  address: string;
  addressSubstitute?: string;
}

const eras: Record<string, { name: string; from: string }> = {
  '1': { name: '明治', from: '1868-01-25' },
  '2': { name: '大正', from: '1912-07-30' },
  '3': { name: '昭和', from: '1926-12-25' },
  '4': { name: '平成', from: '1989-01-08' },
  '5': { name: '令和', from: '2019-05-01' },
};

export function eraDigitOf(isoDate: string): string {
  for (const digit of ['5', '4', '3', '2', '1']) if (isoDate >= eras[digit]!.from) return digit;
  return '1';
}

export function encodeBirthDate(isoDate: string): string {
  return `${eraDigitOf(isoDate)}${isoDate.replaceAll('-', '')}`;
}

export function decodeBirthDate(value: string): { iso: string; era: string } | undefined {
  const m = /^([1-5])(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  const iso = `${m[2]}-${m[3]}-${m[4]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return undefined;
  // The era digit must be the era the date falls in.
  if (eraDigitOf(iso) !== m[1]) return undefined;
  return { iso, era: eras[m[1]!]!.name };
}

/** otherName entries as [oid, text] from a subjectAltName extension value (DER of GeneralNames). */
export function otherNames(extensionValue: Uint8Array): [string, string][] {
  const parsed = asn1js.fromBER(extensionValue);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) return [];
  const out: [string, string][] = [];
  for (const item of parsed.result.valueBlock.value) {
    if (item.idBlock.tagClass !== 3 || item.idBlock.tagNumber !== 0) continue;
    const parts = (item as asn1js.Constructed).valueBlock.value;
    const oid = parts[0];
    const wrapped = parts[1] as asn1js.Constructed | undefined;
    if (!(oid instanceof asn1js.ObjectIdentifier) || !wrapped?.valueBlock?.value?.[0]) continue;
    const text = wrapped.valueBlock.value[0] as unknown as { valueBlock: { value: unknown } };
    if (typeof text.valueBlock.value === 'string') out.push([oid.valueBlock.toString(), text.valueBlock.value]);
  }
  return out;
}

/** The holder's 基本4情報, or null when the certificate carries none (a user-authentication certificate). */
export function readBasic4(extensionValue: Uint8Array | undefined): Basic4Info | null {
  if (!extensionValue) return null;
  const values = new Map(otherNames(extensionValue));
  const name = values.get(basic4Oids.name);
  const birth = decodeBirthDate(values.get(basic4Oids.birthDate) ?? '');
  const sex = values.get(basic4Oids.sex);
  const address = values.get(basic4Oids.address);
  if (!name || !birth || !sex || !address) return null;
  const info: Basic4Info = { name, sex, birthDate: birth.iso, birthEra: birth.era, address };
  const ns = values.get(basic4Oids.nameSubstitute);
  const as = values.get(basic4Oids.addressSubstitute);
  if (ns) info.nameSubstitute = ns;
  if (as) info.addressSubstitute = as;
  return info;
}

/** Builds the subjectAltName value (GeneralNames with otherNames) for demo cards. */
export function encodeBasic4(info: {
  name: string;
  sex: string;
  birthDate: string;
  address: string;
  nameSubstitute?: string;
  addressSubstitute?: string;
}): ArrayBuffer {
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
  const items = [
    entry(basic4Oids.name, info.name),
    ...(info.nameSubstitute ? [entry(basic4Oids.nameSubstitute, info.nameSubstitute)] : []),
    entry(basic4Oids.sex, info.sex),
    entry(basic4Oids.birthDate, encodeBirthDate(info.birthDate)),
    entry(basic4Oids.address, info.address),
    ...(info.addressSubstitute ? [entry(basic4Oids.addressSubstitute, info.addressSubstitute)] : []),
  ];
  return new asn1js.Sequence({ value: items }).toBER(false);
}

export interface ResidentRecord {
  familyName: string;
  givenName: string;
  birthDate: string;
  sex: string;
  address: string;
}

export interface Basic4Match {
  matches: boolean;
  fields: { name: boolean; birthDate: boolean; sex: boolean; address: boolean };
}

/** Compares the card's 基本4情報 with a resident record after normalising width and spacing. */
export function matchResident(card: Basic4Info, resident: ResidentRecord): Basic4Match {
  const fields = {
    name: normalizeForMatch(card.name) === normalizeForMatch(`${resident.familyName}${resident.givenName}`),
    birthDate: card.birthDate === resident.birthDate,
    sex: card.sex === resident.sex,
    address: normalizeForMatch(card.address) === normalizeForMatch(resident.address),
  };
  return { matches: Object.values(fields).every(Boolean), fields };
}

// 転入届: a household moving into the city is added to the register (ward, postal code, address, income band)
// with its members, and each member gets a 'move_in' event dated by the moving-in day; one
// `residents.life_event` names them all. A child born after the move is a birth, not a move-in.
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { Events } from '../../../platform/events/events.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { lookupPostalCode } from '../../../platform/ja/postal.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import { listWards } from '../../organisation/index.ts';
import { earlierSubmission, nextIds, type RecordedLifeEvent, recordLifeEvent } from '../life-events/record.ts';
import {
  fail,
  japaneseDate,
  parseDay,
  parseKana,
  parseKey,
  parseName,
  parseNationality,
  parseSex,
} from '../life-events/validate.ts';

/** 続柄 as the register writes them; exactly one 世帯主 per household. */
export const relationships = ['世帯主', '妻', '夫', '子', '父', '母'] as const;
export const maxMembers = 10;
const addressLimit = 200;

export interface MoveInMember {
  relationship: string | undefined;
  familyName: string | undefined;
  givenName: string | undefined;
  familyNameKana: string | undefined;
  givenNameKana: string | undefined;
  birthDate: string | undefined;
  sex: string | undefined;
  nationality?: string | undefined;
}

export interface RegisterMoveInInput {
  tenantId: string;
  actor: StaffActor;
  idempotencyKey: string;
  /** 全国地方公共団体コード of the ward moved into (6 digits, e.g. 141313 川崎区). */
  wardCode: string | undefined;
  postalCode: string | undefined;
  address: string | undefined;
  /** 1 (lowest, 住民税非課税) … 10. */
  incomeBand: string | number | undefined;
  /** The day the household moved in (転入日). */
  movedInOn: string | undefined;
  /** In the form's order; a row left entirely blank is skipped (errors name rows by their index). */
  members: MoveInMember[];
}

const blank = (m: MoveInMember) => Object.values(m).every((v) => v === undefined || String(v).trim() === '');

export async function registerMoveIn(
  deps: { db: Kysely<any>; events: Events },
  input: RegisterMoveInInput,
): Promise<RecordedLifeEvent> {
  const key = parseKey(input.idempotencyKey);
  const today = japanToday();
  const errors: FieldError[] = [];

  const wardCode = (input.wardCode ?? '').trim();
  const wards = await listWards(deps, { tenantId: input.tenantId });
  const ward = wards.find((w) => w.code === wardCode);
  if (!ward) errors.push({ field: 'wardCode', message: '転入先の区を選んでください。' });

  let postalCode = '';
  const postalText = (input.postalCode ?? '').trim();
  if (postalText === '') errors.push({ field: 'postalCode', message: '郵便番号を入力してください（例: 210-0001）。' });
  else {
    try {
      const found = lookupPostalCode(postalText);
      postalCode = found[0]?.postalCode ?? '';
      if (found.length === 0) {
        errors.push({ field: 'postalCode', message: `郵便番号「${postalText}」は見つかりません。確かめてください。` });
      } else if (ward && !found.some((a) => a.cityCode === ward.code.slice(0, 5))) {
        errors.push({
          field: 'postalCode',
          message: `郵便番号「${postalText}」は${ward.nameJa}の郵便番号ではありません（${found[0]!.city}${found[0]!.town}）。区か郵便番号を確かめてください。`,
        });
      }
    } catch (error) {
      errors.push({ field: 'postalCode', message: (error as Error).message });
    }
  }

  const address = (input.address ?? '').normalize('NFC').trim();
  if (address === '') errors.push({ field: 'address', message: '住所を入力してください。' });
  else if (/[\p{Cc}]/u.test(address)) {
    errors.push({ field: 'address', message: '住所に使えない文字（改行や制御文字）が含まれています。' });
  } else if ([...address].length > addressLimit) {
    errors.push({ field: 'address', message: `住所は${addressLimit}文字以内で入力してください。` });
  }

  const bandText = String(input.incomeBand ?? '')
    .normalize('NFKC')
    .trim();
  const incomeBand = /^\d{1,2}$/.test(bandText) ? Number(bandText) : Number.NaN;
  if (!(incomeBand >= 1 && incomeBand <= 10)) {
    errors.push({ field: 'incomeBand', message: '所得区分を1から10の中で選んでください。' });
  }

  const movedInOn = parseDay(input.movedInOn, errors, 'movedInOn', '転入日', today);

  const members: { index: number; row: Record<string, string> }[] = [];
  input.members.forEach((m, index) => {
    if (blank(m)) return;
    const field = (name: string) => `members.${index}.${name}`;
    const n = index + 1;
    const relationship = (m.relationship ?? '').trim();
    if (!(relationships as readonly string[]).includes(relationship)) {
      errors.push({ field: field('relationship'), message: `${n}人目の続柄を選んでください。` });
    }
    const birthDate = parseDay(m.birthDate, errors, field('birthDate'), `${n}人目の生年月日`, today);
    if (birthDate && movedInOn && birthDate > movedInOn) {
      errors.push({
        field: field('birthDate'),
        message: `${n}人目の生年月日（${japaneseDate(birthDate)}）が転入日（${japaneseDate(movedInOn)}）より後です。転入後に生まれた方は出生届で登録してください。`,
      });
    }
    members.push({
      index,
      row: {
        relationship,
        family_name: parseName(m.familyName, errors, field('familyName'), `${n}人目の氏`),
        given_name: parseName(m.givenName, errors, field('givenName'), `${n}人目の名`),
        family_name_kana: parseKana(m.familyNameKana, errors, field('familyNameKana'), `${n}人目の氏（フリガナ）`),
        given_name_kana: parseKana(m.givenNameKana, errors, field('givenNameKana'), `${n}人目の名（フリガナ）`),
        birth_date: birthDate,
        sex: parseSex(m.sex, errors, field('sex')),
        nationality: parseNationality(m.nationality, errors, field('nationality')),
      },
    });
  });
  if (members.length === 0) {
    errors.push({ field: 'members.0.familyName', message: '転入する方を1人以上入力してください。' });
  } else if (members.length > maxMembers) {
    errors.push({ field: 'members.0.familyName', message: `一度に登録できるのは${maxMembers}人までです。` });
  } else {
    const heads = members.filter((m) => m.row.relationship === '世帯主');
    if (heads.length !== 1) {
      errors.push({
        field: `members.${(heads[1] ?? members[0]!).index}.relationship`,
        message:
          heads.length === 0
            ? '世帯主を1人選んでください（続柄「世帯主」）。'
            : '世帯主は1人だけです。ほかの方の続柄を選び直してください。',
      });
    }
  }
  if (errors.length > 0) fail(errors);

  return withTenant(deps.db, input.tenantId, async (trx) => {
    const earlier = await earlierSubmission(trx, { tenantId: input.tenantId, idempotencyKey: key }, 'move_in');
    if (earlier) return earlier;
    const [householdId] = await nextIds(trx, input.tenantId, 'households', 1);
    const residentIds = await nextIds(trx, input.tenantId, 'residents', members.length);
    await trx
      .insertInto('households')
      .values({
        tenant_id: input.tenantId,
        id: householdId,
        ward_code: wardCode,
        postal_code: postalCode,
        address,
        income_band: incomeBand,
      })
      .execute();
    await trx
      .insertInto('residents')
      .values(
        members.map((m, i) => ({
          ...m.row,
          tenant_id: input.tenantId,
          id: residentIds[i],
          household_id: householdId,
          ward_code: wardCode,
        })),
      )
      .execute();
    return recordLifeEvent(
      trx,
      deps,
      { tenantId: input.tenantId, actor: input.actor, idempotencyKey: key },
      {
        kind: 'move_in',
        householdId: householdId!,
        wardCode,
        date: movedInOn,
        people: residentIds.map((residentId) => ({ residentId })),
      },
    );
  });
}

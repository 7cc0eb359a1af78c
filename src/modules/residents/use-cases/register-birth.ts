// 出生届: a child born into a household already in the register is added to it (続柄 子, the names staff
// give, birth date and sex), with a 'birth' event for the child and one `residents.life_event`. The mother,
// when named, must be a woman of the household born before the child.
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../../platform/audit/audit.ts';
import type { Events } from '../../../platform/events/events.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import { nextIds, type RecordedLifeEvent, recordForHousehold, recordLifeEvent } from '../life-events/record.ts';
import {
  fail,
  japaneseDate,
  parseDay,
  parseId,
  parseKana,
  parseKey,
  parseName,
  parseNationality,
  parseSex,
} from '../life-events/validate.ts';

export interface RegisterBirthInput {
  tenantId: string;
  actor: StaffActor;
  /** The form's own key: a retry with it returns the first result and records nothing more. */
  idempotencyKey: string;
  householdId: string;
  /** The child's mother among the household's members; null when she is not in the household. */
  motherId: string | null | undefined;
  familyName: string | undefined;
  givenName: string | undefined;
  familyNameKana: string | undefined;
  givenNameKana: string | undefined;
  birthDate: string | undefined;
  /** 1 男, 2 女 */
  sex: string | undefined;
  /** ISO 3166-1 alpha-2; JP when left out. */
  nationality?: string | undefined;
}

export async function registerBirth(
  deps: { db: Kysely<any>; events: Events },
  input: RegisterBirthInput,
): Promise<RecordedLifeEvent> {
  const key = parseKey(input.idempotencyKey);
  const householdId = parseId(input.householdId);
  const today = japanToday();
  const errors: FieldError[] = [];
  const familyName = parseName(input.familyName, errors, 'familyName', '子の氏');
  const givenName = parseName(input.givenName, errors, 'givenName', '子の名');
  const familyNameKana = parseKana(input.familyNameKana, errors, 'familyNameKana', '子の氏（フリガナ）');
  const givenNameKana = parseKana(input.givenNameKana, errors, 'givenNameKana', '子の名（フリガナ）');
  const birthDate = parseDay(input.birthDate, errors, 'birthDate', '生年月日', today);
  const sex = parseSex(input.sex, errors, 'sex');
  const nationality = parseNationality(input.nationality, errors, 'nationality');
  const motherId = input.motherId === null ? undefined : parseId(input.motherId);
  if (input.motherId !== null && !motherId) {
    errors.push({
      field: 'motherId',
      message: '母を世帯員から選んでください（母がこの世帯にいないときは「この世帯にいない」を選びます）。',
    });
  }
  return recordForHousehold(
    deps.db,
    { tenantId: input.tenantId, idempotencyKey: key, kind: 'birth', householdId, errors },
    async (trx, household) => {
      if (motherId) {
        const mother = household.members.find((m) => m.id === motherId);
        if (!mother) {
          errors.push({ field: 'motherId', message: `住民番号 ${motherId} の方はこの世帯の世帯員ではありません。` });
        } else if (mother.sex !== '2') {
          errors.push({ field: 'motherId', message: '母には、住民記録の性別が女性の世帯員を選んでください。' });
        } else if (birthDate <= mother.birthDate) {
          errors.push({
            field: 'birthDate',
            message: `生年月日（${japaneseDate(birthDate)}）が母の生年月日（${japaneseDate(mother.birthDate)}）より前です。生年月日を確かめてください。`,
          });
        }
      }
      const twin = household.members.find(
        (m) => m.birthDate === birthDate && m.givenName === givenName && m.relationship === '子',
      );
      if (twin) {
        throw new AppError(
          'conflict',
          `この世帯には、同じ名前と生年月日のお子さん（${twin.familyName} ${twin.givenName}、住民番号 ${twin.id}）がすでに登録されています。同じ出生届を二度登録していないか確かめてください。`,
        );
      }
      if (errors.length > 0) fail(errors);

      const [childId] = await nextIds(trx, input.tenantId, 'residents', 1);
      await trx
        .insertInto('residents')
        .values({
          tenant_id: input.tenantId,
          id: childId,
          household_id: household.id,
          relationship: '子',
          family_name: familyName,
          given_name: givenName,
          family_name_kana: familyNameKana,
          given_name_kana: givenNameKana,
          birth_date: birthDate,
          sex,
          nationality,
          ward_code: household.wardCode,
        })
        .execute();
      return recordLifeEvent(
        trx,
        deps,
        { tenantId: input.tenantId, actor: input.actor, idempotencyKey: key },
        {
          kind: 'birth',
          householdId: household.id,
          wardCode: household.wardCode,
          date: birthDate,
          people: [{ residentId: childId!, details: motherId ? { motherId } : {} }],
        },
      );
    },
  );
}

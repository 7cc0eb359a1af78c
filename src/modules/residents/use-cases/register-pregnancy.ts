// 妊娠届: a 'pregnancy' event on the expectant mother, dated by the day of the notification, with the expected
// delivery date in its details, and one `residents.life_event` (妊婦健康診査 and the like are offered from it).
// A second notification while the first pregnancy is still expected is refused.
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../../../platform/audit/audit.ts';
import type { Events } from '../../../platform/events/events.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import { memberOf } from '../life-events/household.ts';
import { type RecordedLifeEvent, recordForHousehold, recordLifeEvent } from '../life-events/record.ts';
import { daysBetween, fail, japaneseDate, parseAnyDay, parseDay, parseId, parseKey } from '../life-events/validate.ts';

/** A pregnancy lasts about 280 days from the last period; a notification comes after the first weeks. */
const longestWait = 300;

export interface RegisterPregnancyInput {
  tenantId: string;
  actor: StaffActor;
  idempotencyKey: string;
  householdId: string;
  /** The expectant mother, a member of the household. */
  residentId: string | undefined;
  /** The day the notification was made (届出日). */
  notifiedOn: string | undefined;
  expectedDeliveryDate: string | undefined;
}

export async function registerPregnancy(
  deps: { db: Kysely<any>; events: Events },
  input: RegisterPregnancyInput,
): Promise<RecordedLifeEvent> {
  const key = parseKey(input.idempotencyKey);
  const householdId = parseId(input.householdId);
  const errors: FieldError[] = [];
  const residentId = parseId(input.residentId);
  if (!residentId) errors.push({ field: 'residentId', message: '妊娠している方を世帯員から選んでください。' });
  const notifiedOn = parseDay(input.notifiedOn, errors, 'notifiedOn', '届出日', japanToday());
  const expected = parseAnyDay(input.expectedDeliveryDate, errors, 'expectedDeliveryDate', '出産予定日');
  if (notifiedOn && expected) {
    if (expected <= notifiedOn) {
      errors.push({
        field: 'expectedDeliveryDate',
        message: `出産予定日（${japaneseDate(expected)}）は届出日（${japaneseDate(notifiedOn)}）より後の日付にしてください。`,
      });
    } else if (daysBetween(notifiedOn, expected) > longestWait) {
      errors.push({
        field: 'expectedDeliveryDate',
        message: `出産予定日（${japaneseDate(expected)}）が届出日から${longestWait}日より先です。出産予定日を確かめてください。`,
      });
    }
  }
  return recordForHousehold(
    deps.db,
    { tenantId: input.tenantId, idempotencyKey: key, kind: 'pregnancy', householdId, errors },
    async (trx, household) => {
      const mother = memberOf(household, residentId!);
      if (mother.sex !== '2') {
        fail([{ field: 'residentId', message: '妊娠届は、住民記録の性別が女性の世帯員について登録してください。' }]);
      }
      if (notifiedOn <= mother.birthDate) {
        fail([
          {
            field: 'notifiedOn',
            message: `届出日（${japaneseDate(notifiedOn)}）がこの方の生年月日（${japaneseDate(mother.birthDate)}）より前です。`,
          },
        ]);
      }
      // Still expected: due on or after this notification, and no birth in the household since it was notified.
      const { rows: ongoing } = await sql<{ due: string }>`
      select p.details->>'expectedDeliveryDate' as due from resident_events p
      where p.resident_id = ${mother.id}::bigint and p.type = 'pregnancy'
        and p.details->>'expectedDeliveryDate' >= ${notifiedOn}
        and not exists (
          select 1 from resident_events b
          where b.household_id = p.household_id and b.type = 'birth' and b.date >= p.date
        )
      limit 1`.execute(trx);
      if (ongoing[0]) {
        const due = ongoing[0].due;
        throw new AppError(
          'conflict',
          `${mother.familyName} ${mother.givenName}さんの妊娠届は登録済みです（出産予定日 ${japaneseDate(due)}）。同じ届出を二度登録していないか確かめてください。`,
        );
      }
      return recordLifeEvent(
        trx,
        deps,
        { tenantId: input.tenantId, actor: input.actor, idempotencyKey: key },
        {
          kind: 'pregnancy',
          householdId: household.id,
          wardCode: household.wardCode,
          date: notifiedOn,
          people: [{ residentId: mother.id, details: { expectedDeliveryDate: expected } }],
        },
      );
    },
  );
}

// 障害者手帳の交付: 身体障害者手帳 (1–6級), 療育手帳 (A, A1, A2, B, B1, B2) or 精神障害者保健福祉手帳 (1–3級)
// issued to a resident. The register keeps one disability record per person (the certificate the rules read),
// so it becomes this certificate; the event's details keep what it replaced.
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../../platform/audit/audit.ts';
import type { Events } from '../../../platform/events/events.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import { memberOf } from '../life-events/household.ts';
import { type RecordedLifeEvent, recordForHousehold, recordLifeEvent } from '../life-events/record.ts';
import { fail, japaneseDate, parseDay, parseId, parseKey } from '../life-events/validate.ts';

/** shintai 身体障害者手帳, ryoiku 療育手帳, seishin 精神障害者保健福祉手帳, with the register's type and grades. */
export const certificates = {
  shintai: { type: 'physical', name: '身体障害者手帳', grades: ['1', '2', '3', '4', '5', '6'] },
  ryoiku: { type: 'intellectual', name: '療育手帳', grades: ['A', 'A1', 'A2', 'B', 'B1', 'B2'] },
  seishin: { type: 'mental', name: '精神障害者保健福祉手帳', grades: ['1', '2', '3'] },
} as const;
export type CertificateKind = keyof typeof certificates;

export interface RecordCertificateInput {
  tenantId: string;
  actor: StaffActor;
  idempotencyKey: string;
  householdId: string;
  residentId: string | undefined;
  certificate: string | undefined;
  /** 身体 '1'–'6', 療育 'A' 'A1' 'A2' 'B' 'B1' 'B2', 精神 '1'–'3' (full-width and 級 are read too). */
  grade: string | undefined;
  issuedOn: string | undefined;
}

export async function recordCertificate(
  deps: { db: Kysely<any>; events: Events },
  input: RecordCertificateInput,
): Promise<RecordedLifeEvent> {
  const key = parseKey(input.idempotencyKey);
  const householdId = parseId(input.householdId);
  const errors: FieldError[] = [];
  const residentId = parseId(input.residentId);
  if (!residentId) errors.push({ field: 'residentId', message: '手帳を交付した方を世帯員から選んでください。' });
  const kind = input.certificate as CertificateKind;
  const certificate = Object.hasOwn(certificates, kind) ? certificates[kind] : undefined;
  if (!certificate) {
    errors.push({ field: 'certificate', message: '手帳の種類（身体・療育・精神）を選んでください。' });
  }
  const grade = (input.grade ?? '').normalize('NFKC').trim().replace(/級$/, '').toUpperCase();
  if (certificate && !(certificate.grades as readonly string[]).includes(grade)) {
    errors.push({
      field: 'grade',
      message:
        grade === ''
          ? `${certificate.name}の等級を選んでください。`
          : `${certificate.name}の等級は ${certificate.grades.join('・')} のどれかです（「${input.grade}」は使えません）。`,
    });
  }
  const issuedOn = parseDay(input.issuedOn, errors, 'issuedOn', '交付日', japanToday());
  return recordForHousehold(
    deps.db,
    { tenantId: input.tenantId, idempotencyKey: key, kind: 'certificate_issued', householdId, errors },
    async (trx, household) => {
      const person = memberOf(household, residentId!);
      if (issuedOn < person.birthDate) {
        fail([
          {
            field: 'issuedOn',
            message: `交付日（${japaneseDate(issuedOn)}）がこの方の生年月日（${japaneseDate(person.birthDate)}）より前です。`,
          },
        ]);
      }
      await trx
        .updateTable('residents')
        .set({ disability_type: certificate!.type, disability_grade: grade })
        .where('id', '=', person.id)
        .execute();
      return recordLifeEvent(
        trx,
        deps,
        { tenantId: input.tenantId, actor: input.actor, idempotencyKey: key },
        {
          kind: 'certificate_issued',
          householdId: household.id,
          wardCode: household.wardCode,
          date: issuedOn,
          people: [{ residentId: person.id, details: { certificate: kind, grade, previous: person.disability } }],
        },
      );
    },
  );
}

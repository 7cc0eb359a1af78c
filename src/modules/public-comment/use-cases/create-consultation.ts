// Staff draft a consultation: what is consulted on, its topics, the period (30 days unless said
// otherwise) and how opinions can be sent. It stays a draft, invisible to the public, until opened.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { nextConsultationNumber, replaceTopics, tenantResponseClasses } from '../queries.ts';
import { fail, lines, parseMethods, parsePeriod, parseText, parseTopics } from '../validate.ts';

export interface ConsultationFields {
  title?: string;
  subject?: string;
  summary?: string;
  opensOn?: string;
  closesOn?: string;
  methods?: string[];
  announcements?: string;
  sendTo?: string;
  topics?: string;
}

/** The fields of the consultation form, checked together so every problem is reported at once. */
export function parseConsultationFields(fields: ConsultationFields) {
  const errors: FieldError[] = [];
  const title = parseText(fields.title, errors, 'title', '件名', { required: true, max: 200 });
  const subject = parseText(fields.subject, errors, 'subject', '意見を募集する案', { required: true, max: 200 });
  const summary = parseText(fields.summary, errors, 'summary', '案の概要', { max: 5000 });
  const period = parsePeriod(fields.opensOn, fields.closesOn, errors);
  const methods = parseMethods(fields.methods ?? [], errors);
  const announcements = lines(
    parseText(fields.announcements, errors, 'announcements', '周知方法・資料の閲覧場所', { max: 3000 }),
  );
  const sendTo = parseText(fields.sendTo, errors, 'sendTo', '提出先', { max: 1000 });
  if (methods.some((m) => m !== 'web') && sendTo === '' && errors.every((e) => e.field !== 'sendTo')) {
    errors.push({
      field: 'sendTo',
      message: '郵送・FAX・持参を受け付けるときは、提出先（住所・FAX番号・窓口）を入力してください。',
    });
  }
  const topics = parseTopics(fields.topics, errors);
  return { errors, value: { title, subject, summary, ...period, methods, announcements, sendTo, topics } };
}

export async function createConsultation(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: StaffActor; department: string; fields: ConsultationFields },
): Promise<{ id: string; number: number }> {
  const { errors, value } = parseConsultationFields(input.fields);
  if (errors.length > 0) fail(errors);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const number = await nextConsultationNumber(trx, input.tenantId);
    const classes = await tenantResponseClasses(trx);
    const row = await trx
      .insertInto('pc_consultations')
      .values({
        tenant_id: input.tenantId,
        number,
        department: input.department,
        title: value.title,
        subject: value.subject,
        summary: value.summary,
        opens_on: value.opensOn,
        closes_on: value.closesOn,
        methods: value.methods,
        announcements: value.announcements,
        send_to: value.sendTo,
        classes: JSON.stringify(classes),
        created_by: input.actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceTopics(trx, input.tenantId, row.id, value.topics);
    await auditStaff(trx, input, {
      action: 'public_comment.consultation.created',
      resourceType: 'consultation',
      resourceId: row.id,
      department: input.department,
      details: { number, title: value.title },
    });
    return { id: row.id as string, number };
  });
}

// Staff pages of /staff/residents/life-events: 出生届, 転入届, 妊娠届 and 障害者手帳の交付 recorded at a ward
// office. Every page goes through staffOrRedirect and the policy decision point (audited), scoped to the
// household's ward (data class personal): counter staff and case workers of that ward record, others are
// refused with the policy's reason. Each form carries its own random key, so a form sent twice (a double
// click, a retried request) records once and shows the same confirmation. Forms that fail re-render with
// 400 (409 for a duplicate) and an error summary; a recorded form redirects (303) to its confirmation.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Action } from '../../../platform/access/policy.ts';
import { createZoneClassifier } from '../../../platform/access/zones.ts';
import type { StaffActor } from '../../../platform/audit/audit.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { formText } from '../../../platform/http/form-body.ts';
import { seeOther, sendPage } from '../../../platform/http/respond.ts';
import { t } from '../../../platform/i18n/i18n.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { authorize, type StaffContext, staffOrRedirect } from '../../identity/staff-access.ts';
import { listWards } from '../../organisation/index.ts';
import { listLifeEvents } from '../use-cases/list-life-events.ts';
import { recordCertificate } from '../use-cases/record-certificate.ts';
import { registerBirth } from '../use-cases/register-birth.ts';
import { type MoveInMember, maxMembers, registerMoveIn } from '../use-cases/register-move-in.ts';
import { registerPregnancy } from '../use-cases/register-pregnancy.ts';
import { findHousehold, type RegisterHousehold } from './household.ts';
import { k } from './messages.ts';
import {
  birthPage,
  certificatePage,
  type FormState,
  type HouseholdFormView,
  householdPage,
  householdPath,
  lifeEventsPath,
  moveInPage,
  moveInPath,
  pregnancyPage,
  recordedPage,
  recordedPath,
  startPage,
  type Ward,
} from './pages.ts';
import type { RecordedLifeEvent } from './record.ts';
import { parseId } from './validate.ts';

const page = { hide: true };
type Body = Record<string, unknown>;
type Params = { Params: { id: string } };

const str = formText;
const textValues = (body: Body) =>
  Object.fromEntries(Object.entries(body).filter(([name, v]) => name !== '_csrf' && typeof v === 'string')) as Record<
    string,
    string
  >;
const isFormError = (error: unknown): error is AppError =>
  error instanceof AppError && (error.code === 'validation_failed' || error.code === 'conflict');
const errorsOf = (error: AppError) =>
  error.errors.length > 0 ? error.errors : [{ field: '#main', message: error.message }];
const newKey = () => randomBytes(16).toString('base64url');
/** The key the form came with, when it is one this page could have made; a fresh one otherwise. */
const keyOf = (body: Body) => {
  const key = str(body, 'key') ?? '';
  return /^[A-Za-z0-9_-]{8,64}$/.test(key) ? key : newKey();
};

const householdForms = {
  birth: { render: birthPage, audit: 'residents.life_event.birth' },
  pregnancy: { render: pregnancyPage, audit: 'residents.life_event.pregnancy' },
  certificate: { render: certificatePage, audit: 'residents.life_event.certificate_issued' },
} as const;
type HouseholdForm = keyof typeof householdForms;

export async function lifeEventRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const zoneOf = createZoneClassifier(deps.config.networkZones);
  const actorOf = (request: FastifyRequest, staff: StaffContext): StaffActor => ({
    accountId: staff.session.accountId,
    ip: request.ip,
    requestId: request.id,
  });
  const wardsOf = (request: FastifyRequest): Promise<Ward[]> => listWards(deps, { tenantId: request.tenant.id });

  /** Asks the policy about `ward`'s register (the staff member's own ward when not given); audited. */
  async function allow(
    request: FastifyRequest,
    staff: StaffContext,
    what: { action: Action; auditAction: string; ward?: string | undefined; id?: string },
  ): Promise<string> {
    const ward = what.ward ?? staff.session.staff.wards[0];
    if (!ward) {
      throw new AppError('forbidden', '担当する区が設定されていないため、住民異動の届出を扱えません。');
    }
    await authorize(deps, request, staff, {
      action: what.action,
      resource: {
        type: 'household',
        ...(what.id ? { id: what.id } : {}),
        dataClass: 'personal',
        department: `ward-${ward}.kumin`,
        ward,
      },
      auditAction: what.auditAction,
    });
    return ward;
  }

  /** The household of the URL (404 when the register has none) and the signed-in staff member it allows. */
  async function householdGuard(
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    action: Action,
    auditAction: string,
  ): Promise<{ staff: StaffContext; household: RegisterHousehold; ward: Ward | undefined } | undefined> {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return undefined;
    const id = parseId(request.params.id);
    const household = id ? await findHousehold(deps, { tenantId: request.tenant.id, householdId: id }) : undefined;
    if (!household) throw new AppError('not_found', `世帯番号 ${request.params.id} の世帯は住民記録にありません。`);
    await allow(request, staff, { action, auditAction, ward: household.wardCode, id: household.id });
    const ward = (await wardsOf(request)).find((w) => w.code === household.wardCode);
    return { staff, household, ward };
  }

  const recorded = (reply: FastifyReply, result: RecordedLifeEvent) =>
    seeOther(reply, `${recordedPath(result.idempotencyKey)}${result.repeated ? '?repeated=1' : ''}`);

  app.get<{ Querystring: { household?: string } }>(lifeEventsPath, { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const asked = request.query.household;
    await allow(request, staff, {
      action: 'read',
      auditAction: asked === undefined ? 'residents.life_event.list' : 'residents.household.find',
    });
    const ctx = pageContext(request);
    if (asked !== undefined) {
      const id = parseId(asked);
      const found = id ? await findHousehold(deps, { tenantId: request.tenant.id, householdId: id }) : undefined;
      if (found) return seeOther(reply, householdPath(found.id));
      const message =
        asked.trim() === ''
          ? t(ctx.lang, k('householdRequired'))
          : id
            ? t(ctx.lang, k('householdUnknown'), { id })
            : t(ctx.lang, k('householdInvalid'));
      const recent = await listLifeEvents(deps, { tenantId: request.tenant.id, wards: staff.session.staff.wards });
      return sendPage(
        reply,
        startPage(
          ctx,
          { recent },
          { values: { household: asked.slice(0, 30) }, errors: [{ field: 'household', message }] },
        ),
        400,
      );
    }
    const recent = await listLifeEvents(deps, { tenantId: request.tenant.id, wards: staff.session.staff.wards });
    return sendPage(reply, startPage(ctx, { recent }));
  });

  app.get<Params>(`${lifeEventsPath}/households/:id`, { schema: page }, async (request, reply) => {
    const g = await householdGuard(request, reply, 'read', 'residents.household.view');
    if (!g) return reply;
    const events = await listLifeEvents(deps, { tenantId: request.tenant.id, householdId: g.household.id });
    return sendPage(reply, householdPage(pageContext(request), { household: g.household, ward: g.ward, events }));
  });

  for (const form of Object.keys(householdForms) as HouseholdForm[]) {
    const { render, audit } = householdForms[form];
    const path = `${lifeEventsPath}/households/:id/${form}`;
    const view = (g: { household: RegisterHousehold; ward: Ward | undefined }, key: string): HouseholdFormView => ({
      household: g.household,
      ward: g.ward,
      key,
      today: japanToday(),
    });

    app.get<Params>(path, { schema: page }, async (request, reply) => {
      const g = await householdGuard(request, reply, 'create', `${audit}.form`);
      if (!g) return reply;
      return sendPage(reply, render(pageContext(request), view(g, newKey())));
    });

    app.post<Params>(path, { schema: page }, async (request, reply) => {
      const g = await householdGuard(request, reply, 'create', `${audit}.submit`);
      if (!g) return reply;
      const body = (request.body ?? {}) as Body;
      const common = {
        tenantId: request.tenant.id,
        actor: actorOf(request, g.staff),
        idempotencyKey: str(body, 'key') ?? '',
        householdId: g.household.id,
      };
      let result: RecordedLifeEvent;
      try {
        if (form === 'birth') {
          const mother = str(body, 'motherId');
          result = await registerBirth(deps, {
            ...common,
            motherId: mother === 'none' ? null : mother,
            familyName: str(body, 'familyName'),
            givenName: str(body, 'givenName'),
            familyNameKana: str(body, 'familyNameKana'),
            givenNameKana: str(body, 'givenNameKana'),
            birthDate: str(body, 'birthDate'),
            sex: str(body, 'sex'),
            nationality: str(body, 'nationality'),
          });
        } else if (form === 'pregnancy') {
          result = await registerPregnancy(deps, {
            ...common,
            residentId: str(body, 'residentId'),
            notifiedOn: str(body, 'notifiedOn'),
            expectedDeliveryDate: str(body, 'expectedDeliveryDate'),
          });
        } else {
          result = await recordCertificate(deps, {
            ...common,
            residentId: str(body, 'residentId'),
            certificate: str(body, 'certificate'),
            grade: str(body, 'grade'),
            issuedOn: str(body, 'issuedOn'),
          });
        }
      } catch (error) {
        if (!isFormError(error)) throw error;
        const state: FormState = { values: textValues(body), errors: errorsOf(error) };
        return sendPage(
          reply,
          render(pageContext(request), view(g, keyOf(body)), state),
          error.code === 'conflict' ? 409 : 400,
        );
      }
      return recorded(reply, result);
    });
  }

  /** The move-in form's wards: the staff member's own (a move-in is filed where the household now lives). */
  async function moveInWards(request: FastifyRequest, staff: StaffContext): Promise<Ward[]> {
    const own = staff.session.staff.wards;
    return (await wardsOf(request)).filter((w) => own.includes(w.code));
  }

  app.get(moveInPath, { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const ward = await allow(request, staff, { action: 'create', auditAction: 'residents.life_event.move_in.form' });
    const wards = await moveInWards(request, staff);
    return sendPage(
      reply,
      moveInPage(pageContext(request), { wards, rows: 3, key: newKey(), ward, today: japanToday() }),
    );
  });

  app.post(moveInPath, { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const body = (request.body ?? {}) as Body;
    const chosen = str(body, 'wardCode');
    const wards = await moveInWards(request, staff);
    // The policy decides on the ward the household moves into; one the form could not offer is the use case's to name.
    const ward = await allow(request, staff, {
      action: 'create',
      auditAction: 'residents.life_event.move_in.submit',
      ward: chosen && /^\d{6}$/.test(chosen) ? chosen : undefined,
    });
    const sentRows = Number.parseInt(str(body, 'rows') ?? '', 10);
    const rows = Math.min(Math.max(Number.isFinite(sentRows) ? sentRows : 3, 1), maxMembers);
    const ctx = pageContext(request);
    const view = (rowCount: number) => ({ wards, rows: rowCount, key: keyOf(body), ward, today: japanToday() });
    if (str(body, 'action') === 'more') {
      return sendPage(reply, moveInPage(ctx, view(Math.min(rows + 1, maxMembers)), { values: textValues(body) }));
    }
    let result: RecordedLifeEvent;
    try {
      result = await registerMoveIn(deps, {
        tenantId: request.tenant.id,
        actor: actorOf(request, staff),
        idempotencyKey: str(body, 'key') ?? '',
        wardCode: chosen,
        postalCode: str(body, 'postalCode'),
        address: str(body, 'address'),
        incomeBand: str(body, 'incomeBand'),
        movedInOn: str(body, 'movedInOn'),
        members: Array.from({ length: rows }, (_, i): MoveInMember => {
          const member = (name: string) => str(body, `members.${i}.${name}`);
          return {
            relationship: member('relationship'),
            familyName: member('familyName'),
            givenName: member('givenName'),
            familyNameKana: member('familyNameKana'),
            givenNameKana: member('givenNameKana'),
            birthDate: member('birthDate'),
            sex: member('sex'),
            nationality: member('nationality'),
          };
        }),
      });
    } catch (error) {
      if (!isFormError(error)) throw error;
      const state: FormState = { values: textValues(body), errors: errorsOf(error) };
      return sendPage(reply, moveInPage(ctx, view(rows), state), error.code === 'conflict' ? 409 : 400);
    }
    return recorded(reply, result);
  });

  app.get<{ Params: { key: string }; Querystring: { repeated?: string } }>(
    `${lifeEventsPath}/recorded/:key`,
    { schema: page },
    async (request, reply) => {
      const staff = await staffOrRedirect(deps, zoneOf, request, reply);
      if (!staff) return reply;
      const key = request.params.key;
      const entries = /^[A-Za-z0-9_-]{8,64}$/.test(key)
        ? await listLifeEvents(deps, { tenantId: request.tenant.id, idempotencyKey: key })
        : [];
      const first = entries[0];
      if (!first) throw new AppError('not_found', 'この届出の記録は見つかりません。');
      await allow(request, staff, {
        action: 'read',
        auditAction: 'residents.life_event.view',
        ward: first.wardCode,
        id: first.householdId,
      });
      const ward = (await wardsOf(request)).find((w) => w.code === first.wardCode);
      return sendPage(
        reply,
        recordedPage(pageContext(request), { entries, repeated: request.query.repeated === '1', ward }),
      );
    },
  );
}

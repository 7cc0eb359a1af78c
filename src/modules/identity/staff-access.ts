// Every staff request goes through here: the session must have passed the second factor, the
// environment (network zone, registered device, time) is read, the policy decision point decides, and
// the decision is audited (every read of personal data, every change, every denial).
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { type Action, type DataClass, type Decision, decide, type Role } from '../../platform/access/policy.ts';
import type { Zone, ZoneClassifier } from '../../platform/access/zones.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { readWithTenant } from '../../platform/db/tenant.ts';
import { readCookie } from '../../platform/http/cookies.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PlatformDeps } from '../../platform/module.ts';
import type { Session, StaffProfile } from './sessions.ts';

export const deviceCookie = 'device';

export interface StaffContext {
  session: Session & { staff: StaffProfile };
  zone: Zone;
  deviceRegistered: boolean;
}

export function deviceTokenHash(token: string): Buffer {
  return createHash('sha256').update(`device:${token}`).digest();
}

/** The signed-in staff member with their environment, or a redirect to the staff sign-in page. */
export async function staffOrRedirect(
  deps: PlatformDeps,
  zoneOf: ZoneClassifier,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<StaffContext | undefined> {
  const session = request.session;
  if (session?.kind !== 'staff' || !session.staff) {
    void reply
      .status(303)
      .header('location', `/staff/sign-in?next=${encodeURIComponent(request.url)}`)
      .send();
    return undefined;
  }
  if (session.mfaPending) {
    void reply.status(303).header('location', '/staff/sign-in/totp').send();
    return undefined;
  }
  const device = readCookie(request, deviceCookie);
  const deviceRegistered =
    device !== undefined &&
    /^[A-Za-z0-9_-]{43}$/.test(device) &&
    // Every staff request asks this: one statement, one round trip.
    (
      await readWithTenant(
        deps.pool,
        request.tenant.id,
        deps.db
          .selectFrom('staff_devices')
          .select('id')
          .where('token_hash', '=', sql<Buffer>`decode(${deviceTokenHash(device).toString('hex')}, 'hex')`)
          .where('revoked_at', 'is', null),
      )
    ).length > 0;
  return { session: session as StaffContext['session'], zone: zoneOf(request.ip), deviceRegistered };
}

export interface Authorization {
  action: Action;
  resource: { type: string; id?: string; dataClass: DataClass; department?: string; ward?: string };
  /** Audit action name, e.g. 'resident.search'. */
  auditAction: string;
  details?: Record<string, unknown>;
  onBehalfOf?: string | null;
}

/** Decides, audits, and throws 403 with the policy's Japanese reason when denied. */
export async function authorize(
  deps: PlatformDeps,
  request: FastifyRequest,
  ctx: StaffContext,
  what: Authorization,
): Promise<Decision> {
  const decision = decide({
    subject: {
      id: ctx.session.accountId,
      roles: ctx.session.staff.roles as Role[],
      departments: ctx.session.staff.departments,
      wards: ctx.session.staff.wards,
    },
    action: what.action,
    resource: what.resource,
    environment: {
      zone: ctx.zone,
      deviceRegistered: ctx.deviceRegistered,
      at: new Date(),
      offHours: deps.config.staffOffHours,
    },
  });
  const worthRecording = !decision.allow || what.resource.dataClass !== 'public' || what.action !== 'read';
  if (worthRecording) {
    await recordAudit(deps, {
      tenantId: request.tenant.id,
      action: what.auditAction,
      actor: ctx.session.accountId,
      actorKind: 'staff',
      onBehalfOf: what.onBehalfOf ?? null,
      resourceType: what.resource.type,
      resourceId: what.resource.id ?? null,
      department: what.resource.department ?? null,
      dataClass: what.resource.dataClass,
      decision: decision.allow ? 'allow' : 'deny',
      reason: decision.reason,
      zone: ctx.zone,
      ip: request.ip,
      requestId: request.id,
      details: { ...(what.details ?? {}), deviceRegistered: ctx.deviceRegistered, policyAction: what.action },
    });
  }
  if (!decision.allow) throw new AppError('forbidden', decision.message);
  return decision;
}

// Sessions: a random token in an HttpOnly cookie, known to the database only by its SHA-256. A new
// token at every sign-in (no session fixation), idle and absolute timeouts, and "sign out everywhere".
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import { readWithTenant, withTenant } from '../../platform/db/tenant.ts';
import { clearCookie, readCookie, setCookie } from '../../platform/http/cookies.ts';
import type { PlatformDeps } from '../../platform/module.ts';

export const sessionCookie = 'sid';

export type SignInMethod = 'password' | 'passkey' | 'jpki' | 'password+totp';
export type SessionAssurance = 'account' | 'jpki_identity';

export interface StaffProfile {
  roles: string[];
  departments: string[];
  wards: string[];
  staffNumber: string;
  totpEnrolled: boolean;
}

export interface Session {
  tokenHash: Buffer;
  accountId: string;
  kind: 'resident' | 'staff';
  displayName: string;
  email: string | null;
  method: SignInMethod;
  assurance: SessionAssurance;
  mfaPending: boolean;
  residentId: string | null;
  actingFor: { id: string; name: string } | undefined;
  actingAsBusiness: string | undefined;
  createdAt: Date;
  expiresAt: Date;
  staff: StaffProfile | undefined;
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export interface NewSession {
  tenantId: string;
  accountId: string;
  method: SignInMethod;
  assurance: SessionAssurance;
  mfaPending?: boolean;
  ip?: string;
  userAgent?: string;
  absoluteHours: number;
}

function sessionInsert(db: Kysely<any>, session: NewSession, token: string) {
  return db.insertInto('sessions').values({
    tenant_id: session.tenantId,
    // Written as hex so the statement can also go out inlined in one message (readWithTenant).
    token_hash: sql`decode(${hashToken(token).toString('hex')}, 'hex')`,
    account_id: session.accountId,
    method: session.method,
    assurance: session.assurance,
    mfa_pending: session.mfaPending ?? false,
    expires_at: sql`now() + make_interval(hours => ${session.absoluteHours})`,
    ip: session.ip ?? null,
    user_agent: session.userAgent?.slice(0, 300) ?? null,
  });
}

/** Inserts a session and returns the cookie value (the only place the raw token exists). */
export async function insertSession(trx: Kysely<any>, session: NewSession): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await sessionInsert(trx, session, token).execute();
  return token;
}

interface SessionRow {
  token_hash: Buffer;
  account_id: string;
  kind: 'resident' | 'staff';
  display_name: string;
  email: string | null;
  method: SignInMethod;
  assurance: SessionAssurance;
  mfa_pending: boolean;
  resident_id: string | null;
  acting_for: string | null;
  acting_for_name: string | null;
  acting_as_business: string | null;
  created_at: Date;
  expires_at: Date;
  last_seen_at: Date;
  roles: string[] | null;
  departments: string[] | null;
  wards: string[] | null;
  staff_number: string | null;
  totp_enrolled_at: Date | null;
}

/** The live session for this cookie value, or undefined (unknown, revoked, expired, idle too long). */
export async function loadSession(
  deps: { db: Kysely<any>; pool: pg.Pool },
  tenantId: string,
  token: string,
  idleMinutes: number,
): Promise<Session | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const tokenHash = hashToken(token);
  const hex = tokenHash.toString('hex');
  // Every request with a cookie comes here: one statement, one round trip (readWithTenant).
  const [row] = await readWithTenant<SessionRow>(
    deps.pool,
    tenantId,
    deps.db
      .selectFrom('sessions as s')
      .innerJoin('accounts as a', (j) => j.onRef('a.tenant_id', '=', 's.tenant_id').onRef('a.id', '=', 's.account_id'))
      .leftJoin('staff_members as m', (j) =>
        j.onRef('m.tenant_id', '=', 'a.tenant_id').onRef('m.account_id', '=', 'a.id'),
      )
      .leftJoin('accounts as p', (j) => j.onRef('p.tenant_id', '=', 's.tenant_id').onRef('p.id', '=', 's.acting_for'))
      .select([
        's.token_hash',
        's.account_id',
        'a.kind',
        'a.display_name',
        'a.email',
        's.method',
        's.assurance',
        's.mfa_pending',
        'a.resident_id',
        's.acting_for',
        'p.display_name as acting_for_name',
        's.acting_as_business',
        's.created_at',
        's.expires_at',
        's.last_seen_at',
        'm.roles',
        'm.departments',
        'm.wards',
        'm.staff_number',
        'm.totp_enrolled_at',
      ])
      .where('s.token_hash', '=', sql<Buffer>`decode(${hex}, 'hex')`)
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', sql<Date>`now()`)
      .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
      .where('a.disabled_at', 'is', null),
  );
  if (!row) return undefined;
  // Touch at most once a minute: the idle timeout needs no finer grain, and most requests stay read-only.
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await readWithTenant(
      deps.pool,
      tenantId,
      deps.db
        .updateTable('sessions')
        .set({ last_seen_at: sql`now()` })
        .where('token_hash', '=', sql<Buffer>`decode(${hex}, 'hex')`),
    );
  }
  return {
    tokenHash,
    accountId: row.account_id,
    kind: row.kind,
    displayName: row.display_name,
    email: row.email,
    method: row.method,
    assurance: row.assurance,
    mfaPending: row.mfa_pending,
    // bigint comes back from pg as a number or string depending on the path; ids are strings here.
    residentId: row.resident_id === null ? null : String(row.resident_id),
    actingFor: row.acting_for ? { id: row.acting_for, name: row.acting_for_name ?? '' } : undefined,
    actingAsBusiness: row.acting_as_business ?? undefined,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    staff: row.roles
      ? {
          roles: row.roles,
          departments: row.departments ?? [],
          wards: row.wards ?? [],
          staffNumber: row.staff_number ?? '',
          totpEnrolled: row.totp_enrolled_at !== null,
        }
      : undefined,
  };
}

export async function revokeSession(trx: Kysely<any>, tokenHash: Buffer): Promise<void> {
  await trx
    .updateTable('sessions')
    .set({ revoked_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeAllSessions(trx: Kysely<any>, accountId: string): Promise<number> {
  const result = await trx
    .updateTable('sessions')
    .set({ revoked_at: sql`now()` })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Signs the browser in: whatever session cookie it brought is revoked and a new token is issued, so a
 * token planted before sign-in (session fixation) never becomes a signed-in session.
 */
export async function startSession(
  deps: Pick<PlatformDeps, 'db' | 'pool' | 'config'>,
  request: FastifyRequest,
  reply: FastifyReply,
  session: Omit<NewSession, 'tenantId' | 'absoluteHours' | 'ip' | 'userAgent'>,
): Promise<void> {
  const tenantId = request.tenant.id;
  const previous = readCookie(request, sessionCookie);
  const fresh: NewSession = {
    ...session,
    tenantId,
    absoluteHours: deps.config.sessionAbsoluteHours,
    ip: request.ip,
    userAgent: request.headers['user-agent'],
  };
  let token: string;
  if (previous) {
    token = await withTenant(deps.db, tenantId, async (trx) => {
      await revokeSession(trx, hashToken(previous));
      return insertSession(trx, fresh);
    });
  } else {
    // Nothing to revoke: one statement, one round trip.
    token = randomBytes(32).toString('base64url');
    await readWithTenant(deps.pool, tenantId, sessionInsert(deps.db, fresh, token));
  }
  setCookie(request, reply, sessionCookie, token);
  request.session = undefined;
}

export function endSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  clearCookie(request, reply, sessionCookie);
}

// Who changes the catalogue: a staff member signed in on a page, or the owner of an API token. Either way
// the same facts decide: the roles that maintain public information, and the departments they publish for.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.ts';

export interface OpenDataActor {
  accountId: string;
  roles: readonly string[];
  departments: readonly string[];
  ip?: string;
  requestId?: string;
}

const maintainers = ['case_worker', 'department_admin', 'dx_admin'];

/** DX administrators publish for every department; others for their own departments and the units under them. */
export function canPublishFor(actor: OpenDataActor, organization: string): boolean {
  if (!actor.roles.some((r) => maintainers.includes(r))) return false;
  if (actor.roles.includes('dx_admin')) return true;
  return actor.departments.some((d) => organization === d || organization.startsWith(`${d}.`));
}

export function assertCanPublishFor(actor: OpenDataActor, organization: string): void {
  if (!canPublishFor(actor, organization)) {
    throw new AppError(
      'forbidden',
      `所属（${organization}）のデータセットを作成・更新する権限がありません。所属の担当者またはDX推進担当に依頼してください。`,
    );
  }
}

/**
 * The signed-in staff member reading a public page, so they can preview their department's private or
 * draft datasets before publishing them; undefined for everyone else (and before the second factor).
 */
export function staffViewer(request: FastifyRequest): OpenDataActor | undefined {
  const session = request.session;
  if (session?.kind !== 'staff' || !session.staff || session.mfaPending) return undefined;
  return {
    accountId: session.accountId,
    roles: session.staff.roles,
    departments: session.staff.departments,
    ip: request.ip,
    requestId: request.id,
  };
}

// Starts (or resumes) a draft of a procedure that can be applied for here, prefilled from what the city
// already holds about the person. A second click resumes the same draft instead of making another.
import type { Kysely } from 'kysely';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { resolveActingParty, type Session } from '../../identity/index.ts';
import type { Procedure } from '../../procedures/definition.ts';
import { findDraft } from '../queries.ts';
import { encryptSecrets, splitSecrets } from '../secrets.ts';
import { prefillFor } from './prefill.ts';

export function assertCanFile(procedure: Procedure, session: Session): void {
  if (!procedure.form) {
    throw new AppError(
      'not_found',
      `「${procedure.name}」は、このサイトからは申請できません。手続の案内をご覧ください。`,
    );
  }
  if (procedure.filer === 'business' && !session.actingAsBusiness) {
    throw new AppError(
      'forbidden',
      `「${procedure.name}」は事業者の手続です。アカウントのページで事業者として操作を切り替えてから申請してください。`,
    );
  }
  if (procedure.filer === 'resident' && session.actingAsBusiness) {
    throw new AppError(
      'forbidden',
      `「${procedure.name}」は個人の手続です。事業者としての操作を終えてから申請してください。`,
    );
  }
}

export async function startApplication(
  deps: { db: Kysely<any>; fieldCrypto: FieldCrypto },
  input: { tenantId: string; session: Session; procedure: Procedure },
): Promise<{ id: string; resumed: boolean }> {
  const { procedure, session, tenantId } = input;
  assertCanFile(procedure, session);
  const party = await resolveActingParty(deps, {
    tenantId,
    session,
    procedureCode: procedure.code,
    procedureAllowsProxy: procedure.proxyAllowed,
  });
  const existing = await withTenant(deps.db, tenantId, (trx) =>
    findDraft(trx, { procedureCode: procedure.code, actorId: party.actor, onBehalfOf: party.onBehalfOf }),
  );
  if (existing) return { id: existing, resumed: true };
  // A proxy's draft is not prefilled from the proxy's own record; the principal's stays theirs to give.
  const prefill = await prefillFor(deps, {
    tenantId,
    form: procedure.form!,
    residentId: session.actingFor ? null : session.residentId,
    email: session.actingFor ? null : session.email,
    businessId: party.business,
  });
  const { masked, secrets } = splitSecrets(procedure.form!, prefill.answers);
  const blob = await encryptSecrets(deps.fieldCrypto, tenantId, secrets);
  const row = await withTenant(deps.db, tenantId, (trx) =>
    trx
      .insertInto('applications')
      .values({
        tenant_id: tenantId,
        procedure_code: procedure.code,
        procedure_name: procedure.name,
        department: procedure.department,
        status: 'draft',
        channel: 'online',
        actor_id: party.actor,
        on_behalf_of: party.onBehalfOf,
        via_proxy_grant: party.viaProxyGrant,
        business_id: party.business,
        applicant_name: session.actingFor?.name ?? session.displayName,
        answers: JSON.stringify(masked),
        secret_answers: blob,
        prefilled: JSON.stringify(prefill.sources),
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return { id: row.id as string, resumed: false };
}

// The audit row each change of the catalogue writes in its own transaction. Catalogue data is public;
// who changed it, and from where, is still recorded.
import type { Kysely } from 'kysely';
import { appendStaffChange } from '../../platform/audit/audit.ts';
import type { OpenDataActor } from './actor.ts';

export async function auditOpenData(
  trx: Kysely<any>,
  input: { tenantId: string; actor: OpenDataActor },
  what: { action: string; resourceType: string; resourceId: string; department: string | null; details?: object },
): Promise<void> {
  await appendStaffChange(trx, input, { ...what, dataClass: 'public' });
}

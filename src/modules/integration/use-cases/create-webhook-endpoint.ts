// Registers a department's webhook receiver. Returns the signing secret, shown to staff this once.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { auditChange, type StaffActor } from '../audit.ts';
import { fail, parseDepartment, parseEventTypes, parseWebhookUrl } from '../validate.ts';
import { webhookSecret } from '../webhook-signature.ts';

export async function createWebhookEndpoint(
  deps: { db: Kysely<any>; secrets: { derive(purpose: string): Buffer } },
  input: {
    tenantId: string;
    actor: StaffActor;
    department: string | null | undefined;
    url: string | undefined;
    /** Space- or comma-separated event types; empty: all. */
    eventTypes: string | undefined;
  },
): Promise<{ id: string; secret: string }> {
  const errors: FieldError[] = [];
  const department = parseDepartment(input.department, errors);
  const url = parseWebhookUrl(input.url, errors);
  const eventTypes = parseEventTypes(input.eventTypes, errors);
  if (errors.length > 0) fail(errors);
  const id = randomUUID();
  await withTenant(deps.db, input.tenantId, async (trx) => {
    await trx
      .insertInto('webhook_endpoints')
      .values({
        tenant_id: input.tenantId,
        id,
        department,
        url,
        event_types: eventTypes,
        created_by: input.actor.accountId,
      })
      .execute();
    await auditChange(trx, input, {
      action: 'integration.webhook.created',
      resourceType: 'webhook_endpoint',
      resourceId: id,
      department,
      details: { url, eventTypes },
    });
  });
  return { id, secret: webhookSecret(deps.secrets.derive('integration.webhook'), input.tenantId, id) };
}

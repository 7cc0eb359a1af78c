// Staff pages: the documents of one's departments, one document, and revoking it with a reason. Each
// page asks the policy decision point first; the revoke is a decision (決裁) and is audited twice: the
// decision by authorize(), the change by the use case.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createZoneClassifier } from '../../../platform/access/zones.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { authorize, type StaffContext, staffOrRedirect } from '../../identity/staff-access.ts';
import type { IssuanceDeps } from '../deps.ts';
import { renderStaffDocument, renderStaffDocuments } from '../pages/staff-documents.ts';
import { getDocument } from '../use-cases/get-document.ts';
import { revokeDocument } from '../use-cases/revoke-document.ts';
import { searchDocuments } from '../use-cases/search-documents.ts';

const page = { hide: true };

export async function staffDocumentRoutes(
  app: FastifyInstance,
  deps: PlatformDeps,
  issuance: IssuanceDeps,
): Promise<void> {
  const zoneOf = createZoneClassifier(deps.config.networkZones);

  /** The document if it exists and the policy allows `action` on it; 404 for another tenant's or none. */
  const documentFor = async (
    request: FastifyRequest,
    staff: StaffContext,
    action: 'read' | 'decide',
    auditAction: string,
    details: Record<string, unknown> = {},
  ) => {
    const { id } = request.params as { id: string };
    const document = await getDocument(issuance, { tenantId: request.tenant.id, documentId: id });
    if (!document) throw new AppError('not_found', '交付した書類が見つかりません。');
    await authorize(deps, request, staff, {
      action,
      resource: { type: 'document', id: document.id, dataClass: 'personal', department: document.department },
      auditAction,
      onBehalfOf: document.recipientAccountId,
      details,
    });
    return document;
  };

  app.get('/staff/documents', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const departments = staff.session.staff.departments;
    const department = departments[0];
    if (!department)
      throw new AppError('forbidden', '所属する部署が設定されていないため、交付した書類を参照できません。');
    const query = String((request.query as Record<string, unknown>).q ?? '').slice(0, 40);
    await authorize(deps, request, staff, {
      action: 'read',
      resource: { type: 'document', dataClass: 'personal', department },
      auditAction: query ? 'document.search' : 'document.list',
      details: query ? { query, departments } : { departments },
    });
    const documents = await searchDocuments(issuance, { tenantId: request.tenant.id, departments, query });
    return reply.type('text/html; charset=utf-8').send(renderStaffDocuments(pageContext(request), query, documents));
  });

  app.get('/staff/documents/:id', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const document = await documentFor(request, staff, 'read', 'document.read');
    const notice = (request.query as Record<string, unknown>).notice === 'revoked';
    return reply.type('text/html; charset=utf-8').send(renderStaffDocument(pageContext(request), document, { notice }));
  });

  app.post('/staff/documents/:id/revoke', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const reason = String((request.body as Record<string, unknown> | undefined)?.reason ?? '');
    const document = await documentFor(request, staff, 'decide', 'document.revoke_decision');
    try {
      await revokeDocument(issuance, {
        tenantId: request.tenant.id,
        documentId: document.id,
        reason,
        actor: staff.session.accountId,
        meta: { ip: request.ip, requestId: request.id, zone: staff.zone },
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return reply
        .status(400)
        .type('text/html; charset=utf-8')
        .send(renderStaffDocument(pageContext(request), document, { reason, error: error.detail ?? error.message }));
    }
    return reply.status(303).header('location', `/staff/documents/${document.id}?notice=revoked`).send();
  });
}

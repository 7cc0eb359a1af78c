// GET /documents/:id.pdf — the recipient downloads their document; staff of its department may open it
// (through the policy decision point, audited). Anyone else gets 404, as if it did not exist.
import type { FastifyInstance } from 'fastify';
import { createZoneClassifier } from '../../../platform/access/zones.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { authorize, staffOrRedirect } from '../../identity/staff-access.ts';
import type { IssuanceDeps } from '../deps.ts';
import { readDocumentPdf } from '../use-cases/read-document-pdf.ts';

const notFound = () => new AppError('not_found', '書類が見つかりません。');

export async function documentRoutes(app: FastifyInstance, deps: PlatformDeps, issuance: IssuanceDeps): Promise<void> {
  const zoneOf = createZoneClassifier(deps.config.networkZones);

  app.get('/documents/:file', { schema: { hide: true } }, async (request, reply) => {
    const { file } = request.params as { file: string };
    const id = /^([0-9a-f-]{36})\.pdf$/.exec(file)?.[1];
    if (!id) throw notFound();
    const session = request.session;
    if (!session) {
      return reply
        .status(303)
        .header('location', `/sign-in?next=${encodeURIComponent(request.url)}`)
        .send();
    }
    const document = await readDocumentPdf(issuance, { tenantId: request.tenant.id, documentId: id });
    if (!document) throw notFound();
    if (session.kind === 'staff') {
      const staff = await staffOrRedirect(deps, zoneOf, request, reply);
      if (!staff) return reply;
      try {
        await authorize(deps, request, staff, {
          action: 'read',
          resource: { type: 'document', id, dataClass: 'personal', department: document.department },
          auditAction: 'document.read_pdf',
        });
      } catch (error) {
        // The denial is audited; the answer does not tell that the document exists.
        if (error instanceof AppError && error.code === 'forbidden') throw notFound();
        throw error;
      }
    } else if (session.mfaPending || session.accountId !== document.recipientAccountId) {
      throw notFound();
    }
    const filename = `${document.title}_${document.documentNumber}.pdf`;
    return reply
      .type('application/pdf')
      .header(
        'content-disposition',
        `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      )
      .header('cache-control', 'private, no-store')
      .send(document.pdf);
  });
}

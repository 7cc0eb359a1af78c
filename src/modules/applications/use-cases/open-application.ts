// The applicant's own application with its procedure, the answers (My Numbers decrypted for the form's
// checks, never for display) and the names of attached files.
import type { Kysely } from 'kysely';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Session } from '../../identity/index.ts';
import type { Procedure } from '../../procedures/definition.ts';
import { getProcedure } from '../../procedures/index.ts';
import type { Application } from '../model.ts';
import { assertOwnApplication, attachmentsOf, loadApplicationWithSecrets } from '../queries.ts';
import { decryptSecrets, mergeSecrets } from '../secrets.ts';

export interface OpenedApplication {
  application: Application;
  procedure: Procedure;
  answers: Record<string, unknown>;
  fileNames: Record<string, string>;
}

export async function openApplication(
  deps: { db: Kysely<any>; fieldCrypto: FieldCrypto },
  input: { tenantId: string; session: Session | null; applicationId: string },
): Promise<OpenedApplication> {
  const loaded = await withTenant(deps.db, input.tenantId, async (trx) => {
    const found = await loadApplicationWithSecrets(trx, input.applicationId);
    if (!found) return undefined;
    return {
      application: found.application,
      blob: found.secretBlob,
      files: await attachmentsOf(trx, found.application.id),
    };
  });
  if (!loaded) throw new AppError('not_found', '申請が見つかりません。');
  const application = input.session ? assertOwnApplication(loaded.application, input.session) : loaded.application;
  const procedure = await getProcedure(deps, { tenantId: input.tenantId, code: application.procedureCode });
  if (!procedure?.form) throw new AppError('not_found', '申請の手続が見つかりません。');
  const secrets = await decryptSecrets(deps.fieldCrypto, input.tenantId, loaded.blob);
  return {
    application,
    procedure,
    answers: mergeSecrets(application.answers, secrets),
    fileNames: Object.fromEntries(loaded.files.map((f) => [f.id as string, f.filename as string])),
  };
}

// For this module's tests: use-case deps on a fresh test database, with keys in a temporary folder, and
// a template shaped like a real procedure's.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { createEvents } from '../../platform/events/events.ts';
import type { DocumentTemplate } from '../procedures/definition.ts';
import { cityKeys } from './city-key.ts';
import type { IssuanceDeps } from './deps.ts';
import type { IssueDocumentInput } from './use-cases/issue-document.ts';

export interface IssuanceTestBed {
  deps: IssuanceDeps;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function createIssuanceTestBed(): Promise<IssuanceTestBed> {
  const database = await createTestDatabase();
  const dir = await mkdtemp(path.join(tmpdir(), 'issuance-'));
  return {
    database,
    deps: {
      db: database.db,
      pool: database.pool,
      // Emitting only writes the event row; no relay runs in use-case tests.
      events: createEvents([]),
      keys: cityKeys(dir),
      publicBaseUrl: 'https://kawasaki.cityhall.example',
    },
    async close() {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const juminhyoTemplate: DocumentTemplate = {
  kind: 'certificate',
  title: '住民票の写し',
  body: ['この写しは、住民票の原本と相違ないことを証明する。', '請求者 {{case.applicantName}}'],
  table: [
    { label: '氏名', value: '{{applicant.familyName}} {{applicant.givenName}}' },
    { label: '住所', value: '{{applicant.address}}' },
    { label: '決定日', value: '{{case.decidedAt}}' },
  ],
  issuer: '川崎市長',
};

export function issueInput(applicationId: string, overrides: Partial<IssueDocumentInput> = {}): IssueDocumentInput {
  return {
    tenantId: 'kawasaki',
    applicationId,
    receiptNumber: `R8-${applicationId.slice(-6)}`,
    procedureCode: 'juminhyo-copy',
    department: 'ward-141313.kumin',
    recipientAccountId: '6f1c2d3e-0000-4000-8000-000000000001',
    template: juminhyoTemplate,
    values: {
      'case.applicantName': '川崎 花子',
      'applicant.familyName': '川崎',
      'applicant.givenName': '花子',
      'applicant.address': '神奈川県川崎市川崎区宮本町1番地',
      'case.decidedAt': '令和8年4月1日',
    },
    ...overrides,
  };
}

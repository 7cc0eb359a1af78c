// 職員アカウントの作成 (CLI and demo data): staff get no self sign-up; an administrator creates them.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { hashPassword, passwordProblem } from '../passwords.ts';
import { normaliseEmail } from '../validate.ts';

export const staffRoles = ['counter_staff', 'case_worker', 'department_admin', 'dx_admin', 'auditor'] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface NewStaffMember {
  tenantId: string;
  email: string;
  displayName: string;
  password: string;
  staffNumber: string;
  roles: StaffRole[];
  departments: string[];
  wards: string[];
}

/** Creates the staff member, or leaves an existing one with the same e-mail as it is (idempotent). */
export async function createStaffMember(deps: { db: Kysely<any> }, input: NewStaffMember): Promise<string> {
  const email = normaliseEmail(input.email);
  const weak = passwordProblem(input.password, { email });
  if (weak) throw new AppError('validation_failed', weak, { errors: [{ field: 'password', message: weak }] });
  if (input.roles.length === 0 || input.roles.some((r) => !staffRoles.includes(r))) {
    throw new AppError('validation_failed', `役割は ${staffRoles.join(', ')} から選んでください。`);
  }
  const passwordHash = await hashPassword(input.password);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const existing = await trx.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) return existing.id as string;
    const account = await trx
      .insertInto('accounts')
      .values({
        tenant_id: input.tenantId,
        kind: 'staff',
        email,
        email_verified_at: sql`now()`,
        display_name: input.displayName,
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('staff_members')
      .values({
        tenant_id: input.tenantId,
        account_id: account.id,
        staff_number: input.staffNumber,
        roles: input.roles,
        departments: input.departments,
        wards: input.wards,
      })
      .execute();
    return account.id as string;
  });
}

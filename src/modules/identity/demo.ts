// Demo accounts for `npm start`: one resident and one staff member per role, all synthetic, with the
// passwords printed at start-up. Never created outside the demo tenant set-up.
import { sql } from 'kysely';
import { withTenant } from '../../platform/db/tenant.ts';
import type { PlatformDeps, SeedOptions } from '../../platform/module.ts';
import { hashPassword } from './passwords.ts';
import { createStaffMember, type NewStaffMember } from './use-cases/create-staff-member.ts';

export const demoResident = { email: 'hanako@example.jp', password: 'kawasaki-demo-2026', displayName: '川崎 花子' };
export const demoProxy = { email: 'taro@example.jp', password: 'kawasaki-demo-2026', displayName: '川崎 太郎' };
export const demoStaffPassword = 'cityhall-staff-demo';

export const demoStaff: Omit<NewStaffMember, 'tenantId' | 'password'>[] = [
  {
    email: 'counter@kawasaki.example',
    displayName: '窓口 一郎（川崎区 区民課）',
    staffNumber: 'K0001',
    roles: ['counter_staff'],
    departments: ['ward-141313.kumin'],
    wards: ['141313'],
  },
  {
    email: 'caseworker@kawasaki.example',
    displayName: '業務 二郎（川崎区 区民課）',
    staffNumber: 'K0002',
    roles: ['case_worker'],
    departments: ['ward-141313.kumin'],
    wards: ['141313'],
  },
  {
    email: 'manager@kawasaki.example',
    displayName: '所属 三子（川崎区 区民課長）',
    staffNumber: 'K0003',
    roles: ['department_admin'],
    departments: ['ward-141313.kumin'],
    wards: ['141313'],
  },
  {
    // The demo's reviewer for the city-wide procedures written in full (each bureau has its own in a
    // real city): one account, so a visitor can follow any demo application to its decision.
    email: 'reviewer@kawasaki.example',
    displayName: '審査 五郎（本庁各局の審査担当・デモ用）',
    staffNumber: 'K0006',
    roles: ['case_worker'],
    departments: [
      'kodomo-mirai',
      'kenko-fukushi',
      'kankyo',
      'kensetsu-ryokusei',
      'machizukuri.shido.kenchiku-shinsa',
      'machizukuri.jutaku-seisaku.shiei-jutaku',
      'jogesuido.service.eigyo',
      'zaisei',
      'zaisei.shisan-kanri.keiyaku',
    ],
    wards: [],
  },
  {
    // Runs the DX office's public comments (パブリックコメント): drafts, analysis and the result.
    email: 'planner@kawasaki.example',
    displayName: '企画 六実（デジタル化施策推進室）',
    staffNumber: 'K0007',
    roles: ['case_worker'],
    departments: ['somu-kikaku.digital'],
    wards: [],
  },
  {
    email: 'dx@kawasaki.example',
    displayName: 'DX 四郎（デジタル化施策推進室）',
    staffNumber: 'K0004',
    roles: ['dx_admin'],
    departments: ['somu-kikaku.digital'],
    wards: [],
  },
  {
    email: 'auditor@kawasaki.example',
    displayName: '監査 五月（監査担当）',
    staffNumber: 'K0005',
    roles: ['auditor'],
    departments: [],
    wards: [],
  },
];

export async function seedIdentityDemo(deps: PlatformDeps, options: SeedOptions): Promise<void> {
  for (const staff of demoStaff) {
    await createStaffMember(deps, { ...staff, tenantId: options.tenantId, password: demoStaffPassword });
  }
  for (const resident of [demoResident, demoProxy]) {
    const passwordHash = await hashPassword(resident.password);
    await withTenant(deps.db, options.tenantId, (trx) =>
      trx
        .insertInto('accounts')
        .values({
          tenant_id: options.tenantId,
          kind: 'resident',
          email: resident.email,
          email_verified_at: sql`now()`,
          display_name: resident.displayName,
          password_hash: passwordHash,
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'email']).doNothing())
        .execute(),
    );
  }
}

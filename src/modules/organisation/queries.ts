// This module's SQL (Kysely). Only the organisation module touches wards and departments.
import type { Kysely, Transaction } from 'kysely';

export interface WardRow {
  tenant_id: string;
  code: string;
  name_ja: string;
  name_kana: string;
  name_en: string;
  sort_order: number;
}

export interface DepartmentRow {
  tenant_id: string;
  code: string;
  parent_code: string | null;
  kind: 'bureau' | 'department' | 'section' | 'ward_office';
  name_ja: string;
  name_kana: string;
  name_en: string;
  ward_code: string | null;
  sort_order: number;
}

export interface OrganisationTables {
  wards: WardRow;
  departments: DepartmentRow;
}

export type OrganisationDb = Kysely<OrganisationTables> | Transaction<OrganisationTables>;

const departmentColumns = ['code', 'parent_code', 'kind', 'name_ja', 'name_kana', 'name_en', 'ward_code'] as const;
const wardColumns = ['code', 'name_ja', 'name_kana', 'name_en'] as const;

export function selectWards(db: OrganisationDb) {
  return db.selectFrom('wards').select(wardColumns).orderBy('sort_order').execute();
}

export function selectDepartments(db: OrganisationDb) {
  return db.selectFrom('departments').select(departmentColumns).orderBy('sort_order').execute();
}

export function departmentByCode(db: OrganisationDb, code: string) {
  return db.selectFrom('departments').select(departmentColumns).where('code', '=', code);
}

export async function insertOrganisation(db: OrganisationDb, wards: WardRow[], departments: DepartmentRow[]) {
  if (wards.length)
    await db
      .insertInto('wards')
      .values(wards)
      .onConflict((oc) => oc.doNothing())
      .execute();
  if (departments.length) {
    await db
      .insertInto('departments')
      .values(departments)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

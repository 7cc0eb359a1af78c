// Once-only (ワンスオンリー): what the city already holds fills the form, and the person sees each value's
// source. Only the person's own record is read (their resident id from My Number Card verification).
import type { Kysely } from 'kysely';
import { type JsonSchema, topProperties, uiOf, widgetOf } from '../../../platform/forms/index.ts';
import type { FormDefinition } from '../../../platform/forms/types.ts';
import { readBusiness } from '../../identity/index.ts';
import { type HouseholdMember, readHousehold } from '../../residents/index.ts';

export interface Prefill {
  answers: Record<string, unknown>;
  /** Top-level field → where its value came from, as the person reads it. */
  sources: Record<string, string>;
}

const registerSource = '住民記録（住民基本台帳）';
const accountSource = 'アカウントに登録されたメールアドレス';
const businessSource = '事業者の登録情報';

function personName(m: HouseholdMember) {
  return {
    familyName: m.familyName,
    givenName: m.givenName,
    familyNameKana: m.familyNameKana.replace(/\u3000/g, ''),
    givenNameKana: m.givenNameKana.replace(/\u3000/g, ''),
  };
}

/** A household member as an item of a repeating group: name, birth date and relationship where the item has them. */
function memberItem(item: JsonSchema | undefined, m: HouseholdMember): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(item?.properties ?? {})) {
    const widget = widgetOf(schema);
    if (widget === 'person-name') out[name] = personName(m);
    else if (widget === 'date' && /birth/i.test(name)) out[name] = m.birthDate;
    else if (/relationship/i.test(name) && (!schema.enum || schema.enum.includes(m.relationship)))
      out[name] = m.relationship;
  }
  return out;
}

export async function prefillFor(
  deps: { db: Kysely<any> },
  input: {
    tenantId: string;
    form: FormDefinition;
    residentId: string | null;
    email: string | null;
    businessId?: string | null;
  },
): Promise<Prefill> {
  const answers: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  const wanted = Object.entries(topProperties(input.form)).filter(([, s]) => uiOf(s).prefill);
  if (wanted.length === 0) return { answers, sources };
  const business = input.businessId
    ? await readBusiness(deps, { tenantId: input.tenantId, businessId: input.businessId })
    : undefined;
  const household = input.residentId
    ? await readHousehold(deps, { tenantId: input.tenantId, residentId: input.residentId })
    : undefined;
  for (const [name, schema] of wanted) {
    const source = uiOf(schema).prefill;
    if (source === 'account.email' && input.email) {
      answers[name] = input.email;
      sources[name] = accountSource;
      continue;
    }
    if (source === 'business.name' || source === 'business.corporateNumber') {
      const value = source === 'business.name' ? business?.name : business?.corporateNumber;
      if (value) {
        answers[name] = value;
        sources[name] = businessSource;
      }
      continue;
    }
    if (!household) continue;
    if (source === 'resident.name') answers[name] = personName(household.resident);
    else if (source === 'resident.birthDate') answers[name] = household.resident.birthDate;
    else if (source === 'resident.address')
      answers[name] =
        widgetOf(schema) === 'address'
          ? { postalCode: household.postalCode, address: household.address }
          : household.address;
    else if (source === 'resident.householdMembers')
      answers[name] = household.members
        .filter((m) => m.id !== household.resident.id)
        .map((m) => memberItem(schema.items, m));
    else continue;
    sources[name] = registerSource;
  }
  return { answers, sources };
}

export async function wardOf(deps: { db: Kysely<any> }, tenantId: string, residentId: string | null) {
  if (!residentId) return null;
  return (await readHousehold(deps, { tenantId, residentId }))?.wardCode ?? null;
}

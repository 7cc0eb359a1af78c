// The demo catalogue a tenant is seeded with: the 15 full procedures (full/) and the generated entries.
// A full procedure replaces the generated entry with its code or its name.
import { createHash } from 'node:crypto';
import type { Procedure } from '../definition.ts';
import { fullProcedures } from '../full/index.ts';
import { generateCatalogue } from './generate.ts';

let cached: { procedures: Procedure[]; digest: string } | undefined;

/** The whole demo catalogue, full procedures first, and a digest that changes when any entry does. */
export function demoCatalogue(): { procedures: Procedure[]; digest: string } {
  if (cached) return cached;
  const codes = new Set(fullProcedures.map((p) => p.code));
  const names = new Set(fullProcedures.map((p) => p.name));
  const generated = generateCatalogue().filter((p) => !codes.has(p.code) && !names.has(p.name));
  const procedures = [...fullProcedures, ...generated];
  const digest = createHash('sha256').update(JSON.stringify(procedures)).digest('hex');
  cached = { procedures, digest };
  return cached;
}

// Pieces both procedure pages show: the availability badge, the fee and the department's name.
import { type Lang, t, th } from '../../../platform/i18n/i18n.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import type { listDepartments } from '../../organisation/index.ts';
import type { Availability, Fee, Localized } from '../definition.ts';

export type Department = Awaited<ReturnType<typeof listDepartments>>[number];

const badgeKeys: Record<Availability, string> = {
  online: 'procedures.availabilityOnline',
  online_with_visit: 'procedures.availabilityVisit',
  in_person: 'procedures.availabilityInPerson',
};

export function availabilityBadge(lang: Lang, availability: Availability): SafeHtml {
  return html`<strong class="procedure-badge procedure-badge--${availability.replaceAll('_', '-')}">${th(lang, badgeKeys[availability])}</strong>`;
}

export function feeText(lang: Lang, fee: Fee): string {
  const amount = (n: number) => n.toLocaleString('ja-JP');
  if (fee.kind === 'none') return t(lang, 'procedures.feeNone');
  if (fee.kind === 'fixed') return t(lang, 'procedures.feeFixed', { amount: amount(fee.amount) });
  const unit = lang === 'en' ? 'copy' : fee.unitLabel;
  return t(lang, 'procedures.feePerUnit', { amount: amount(fee.amount), unit });
}

export function localized(lang: Lang, text: Localized): string {
  return lang === 'en' ? text.en : lang === 'ja-easy' ? text.jaEasy : text.ja;
}

const wardSections = new Set(['kumin', 'hoken-nenkin', 'mimamori', 'chiiki-shinko', 'doro-koen']);

/**
 * A department code as a resident reads it. `ward.<section>` is the section of the applicant's own ward
 * office; other codes are the organisation's units, named with their bureau (健康福祉局 保健医療政策部).
 */
export function departmentName(lang: Lang, code: string, departments: Department[]): string {
  if (code.startsWith('ward.')) {
    const section = code.slice('ward.'.length);
    const key = wardSections.has(section) ? `procedures.ward.${section}` : 'procedures.ward.other';
    return t(lang, 'procedures.wardOffice', { section: t(lang, key) });
  }
  const byCode = new Map(departments.map((d) => [d.code, d]));
  const unit = byCode.get(code);
  if (!unit) return code;
  const chain: Department[] = [];
  for (let d: Department | undefined = unit; d; d = d.parentCode ? byCode.get(d.parentCode) : undefined)
    chain.unshift(d);
  const top = chain[0]!;
  const names = top === unit ? [unit] : [top, unit];
  return names.map((d) => (lang === 'en' ? d.nameEn : d.nameJa)).join(lang === 'en' ? ', ' : ' ');
}

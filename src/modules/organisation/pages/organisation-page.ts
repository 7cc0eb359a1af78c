import { type Lang, t, th } from '../../../platform/i18n/i18n.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import type { Department, Ward } from '../schema.ts';

const hiragana = (katakana: string) =>
  katakana.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/** A unit's name in the page's language; in やさしい日本語 with its reading as furigana. */
function name(lang: Lang, unit: { nameJa: string; nameKana: string; nameEn: string }): SafeHtml {
  if (lang === 'en') return html`${unit.nameEn}`;
  if (lang === 'ja-easy')
    return html`<ruby>${unit.nameJa}<rp>(</rp><rt>${hiragana(unit.nameKana)}</rt><rp>)</rp></ruby>`;
  return html`${unit.nameJa}`;
}

function tree(lang: Lang, all: Department[], parent: string | null): SafeHtml {
  const children = all.filter((d) => d.parentCode === parent && d.kind !== 'ward_office');
  if (children.length === 0) return html``;
  return html`<ul>${children.map((d) => html`<li>${name(lang, d)}${tree(lang, all, d.code)}</li>`)}</ul>`;
}

export function renderOrganisationPage(ctx: PageContext, wards: Ward[], departments: Department[]): string {
  const { lang } = ctx;
  const city = ctx.tenant ? (lang === 'en' ? ctx.tenant.nameEn : ctx.tenant.name) : '';
  const counter = (ward: Ward) => departments.find((d) => d.wardCode === ward.code && d.kind === 'section');
  return renderPage(ctx, {
    title: t(lang, 'organisation.title'),
    breadcrumbs: [{ text: t(lang, 'platform.home'), href: '/' }],
    body: html`<h1>${th(lang, 'organisation.title')}</h1>
<p class="lead">${th(lang, 'organisation.lead', { city })}</p>
<h2>${th(lang, 'organisation.wardsHeading')}</h2>
<div class="table-scroll"><table>
<caption>${th(lang, 'organisation.wardsCaption')}</caption>
<thead><tr><th scope="col">${th(lang, 'organisation.wardName')}</th><th scope="col">${th(lang, 'organisation.wardCode')}</th><th scope="col">${th(lang, 'organisation.wardOffice')}</th></tr></thead>
<tbody>${wards.map((w) => {
      const section = counter(w);
      return html`<tr><th scope="row">${name(lang, w)}</th><td>${w.code}</td><td>${section ? name(lang, section) : ''}</td></tr>`;
    })}</tbody>
</table></div>
<h2>${th(lang, 'organisation.bureausHeading')}</h2>
<div class="org-tree">${tree(lang, departments, null)}</div>`,
  });
}

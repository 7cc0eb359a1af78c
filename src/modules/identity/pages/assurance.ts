// 本人確認のレベル: what each level means, why it is asked, and where the visitor stands now.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html } from '../../../platform/pages/html.ts';
import { type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { type AssuranceLevel, assuranceLevels } from '../assurance.ts';

const keys: Record<AssuranceLevel, string> = {
  none: 'levelNone',
  account: 'levelAccount',
  jpki_identity: 'levelJpkiIdentity',
  jpki_signature: 'levelJpkiSignature',
};

export function renderAssurance(ctx: PageContext, current: AssuranceLevel | undefined): string {
  return renderPage(ctx, {
    title: t(ctx.lang, 'identity.assuranceTitle'),
    body: html`${pageHeading({ text: th(ctx.lang, 'identity.assuranceTitle'), lead: th(ctx.lang, 'identity.assuranceLead') })}
<p><strong>${th(ctx.lang, 'identity.yourLevel', { level: current ? t(ctx.lang, `identity.${keys[current]}`) : t(ctx.lang, 'identity.notSignedIn') })}</strong></p>
<ol class="assurance-levels">${assuranceLevels.map(
      (level) =>
        html`<li id="level-${level}"><h2>${th(ctx.lang, `identity.${keys[level]}`)}</h2><p>${th(ctx.lang, `identity.${keys[level]}Body`)}</p></li>`,
    )}</ol>
<h2>${th(ctx.lang, 'identity.levelWhy')}</h2>
<p>${th(ctx.lang, 'identity.levelWhyBody')}</p>`,
  });
}

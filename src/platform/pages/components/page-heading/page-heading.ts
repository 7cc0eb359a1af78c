// The page's one <h1>, with an optional caption inside it (the section the page belongs to, read as part
// of the heading) and an optional lead paragraph under it.
import { html, type SafeHtml } from '../../html.ts';

export interface PageHeadingParams {
  text: SafeHtml | string;
  /** Context above the heading, e.g. the ward or the procedure: 「中原区役所」. */
  caption?: SafeHtml | string;
  lead?: SafeHtml | string;
}

export function pageHeading(p: PageHeadingParams): SafeHtml {
  const caption = p.caption ? html`<span class="page-heading__caption">${p.caption}</span>` : '';
  return html`<h1>${caption}${p.text}</h1>${p.lead ? html`\n<p class="lead">${p.lead}</p>` : ''}`;
}

export const examples: Record<string, PageHeadingParams> = {
  plain: { text: '区役所と局の一覧' },
  'with caption and lead': {
    caption: '中原区役所',
    text: '転入届',
    lead: '川崎市の外から中原区に引っ越してきた方の手続です。',
  },
};

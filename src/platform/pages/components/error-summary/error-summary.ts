// Error summary (GOV.UK / デジタル庁 pattern): shown at the top of a form that failed validation,
// each entry a link to its field; focused on load by the page so screen readers announce it.
import { html, type SafeHtml } from '../../html.ts';

export interface ErrorSummaryParams {
  title: string;
  errors: { text: string; href: string }[];
}

export function errorSummary(params: ErrorSummaryParams): SafeHtml {
  if (params.errors.length === 0) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 class="error-summary__title" id="error-summary-title">${params.title}</h2>
<ul class="error-summary__list">${params.errors.map((e) => html`<li><a href="${e.href}">${e.text}</a></li>`)}</ul>
</div>`;
}

export const examples: Record<string, ErrorSummaryParams> = {
  'two errors': {
    title: '入力内容に誤りがあります',
    errors: [
      { text: '氏名（フリガナ）を全角カタカナで入力してください', href: '#name-kana' },
      { text: '郵便番号は7桁の数字で入力してください', href: '#postal-code' },
    ],
  },
  'no errors': { title: '入力内容に誤りがあります', errors: [] },
};

// Radios or checkboxes in a fieldset with a legend. The first input carries the field's id, so an error
// summary entry (#field) lands on the group.
import { html, type SafeHtml } from '../../html.ts';

export interface ChoicesParams {
  id: string;
  name: string;
  legend: string;
  type: 'radio' | 'checkbox';
  options: { value: string; label: string; hint?: string }[];
  /** Values that are chosen. */
  chosen?: string[];
  hint?: string;
  error?: string;
  required?: boolean;
  requiredLabel?: string;
}

export function choices(p: ChoicesParams): SafeHtml {
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  const errorId = p.error ? `${p.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  const chosen = new Set(p.chosen ?? []);
  return html`<div class="form-field${p.error ? ' form-field--error' : ''}">
<fieldset class="form-field__fieldset"${describedBy ? html` aria-describedby="${describedBy}"` : ''}>
<legend class="form-field__label">${p.legend}${p.required ? html` <span class="form-field__required">${p.requiredLabel ?? '必須'}</span>` : ''}</legend>
${p.hint ? html`<p class="form-field__hint" id="${hintId}">${p.hint}</p>` : ''}
${p.error ? html`<p class="form-field__error" id="${errorId}">${p.error}</p>` : ''}
${p.options.map((o, i) => {
  const id = i === 0 ? p.id : `${p.id}-${i + 1}`;
  return html`<div class="form-choice"><input class="form-choice__input" type="${p.type}" id="${id}" name="${p.name}" value="${o.value}"${chosen.has(o.value) ? html` checked` : ''}${o.hint ? html` aria-describedby="${id}-item-hint"` : ''}><label for="${id}">${o.label}</label>${o.hint ? html`<p class="form-field__hint" id="${id}-item-hint">${o.hint}</p>` : ''}</div>`;
})}
</fieldset>
</div>`;
}

export const examples: Record<string, ChoicesParams> = {
  radios: {
    id: 'channel',
    name: 'channel',
    legend: '受け付けた方法',
    type: 'radio',
    options: [
      { value: 'post', label: '郵送' },
      { value: 'fax', label: 'FAX' },
      { value: 'in_person', label: '持参' },
    ],
    chosen: ['post'],
    required: true,
  },
  checkboxes: {
    id: 'methods',
    name: 'methods',
    legend: '意見の提出方法',
    type: 'checkbox',
    hint: '当てはまるものをすべて選んでください。',
    options: [
      { value: 'web', label: '意見提出フォーム', hint: 'インターネットから' },
      { value: 'post', label: '郵送' },
    ],
  },
  'with error': {
    id: 'class-code',
    name: 'classCode',
    legend: '対応区分',
    type: 'radio',
    options: [{ value: 'A', label: 'A' }],
    error: '対応区分を選んでください。',
  },
};

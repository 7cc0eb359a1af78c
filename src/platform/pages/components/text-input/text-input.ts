// Text input with label, hint and error message, wired with aria-describedby and aria-invalid.
import { html, type SafeHtml } from '../../html.ts';

export interface TextInputParams {
  id: string;
  name: string;
  label: string;
  value?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'number' | 'date' | 'password';
  autocomplete?: string;
  inputmode?: 'numeric' | 'tel' | 'email' | 'text';
  requiredLabel?: string;
}

export function textInput(p: TextInputParams): SafeHtml {
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  const errorId = p.error ? `${p.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return html`<div class="form-field${p.error ? ' form-field--error' : ''}">
<label class="form-field__label" for="${p.id}">${p.label}${p.required ? html` <span class="form-field__required">${p.requiredLabel ?? '必須'}</span>` : ''}</label>
${p.hint ? html`<p class="form-field__hint" id="${hintId}">${p.hint}</p>` : ''}
${p.error ? html`<p class="form-field__error" id="${errorId}">${p.error}</p>` : ''}
<input class="form-field__input" id="${p.id}" name="${p.name}" type="${p.type ?? 'text'}" value="${p.value ?? ''}"${p.required ? html` required` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${p.error ? html` aria-invalid="true"` : ''}${p.autocomplete ? html` autocomplete="${p.autocomplete}"` : ''}${p.inputmode ? html` inputmode="${p.inputmode}"` : ''}>
</div>`;
}

export const examples: Record<string, TextInputParams> = {
  plain: { id: 'family-name', name: 'familyName', label: '氏', autocomplete: 'family-name', required: true },
  'with hint': {
    id: 'postal-code',
    name: 'postalCode',
    label: '郵便番号',
    hint: '例: 2108577（ハイフンなしの7桁）',
    inputmode: 'numeric',
    autocomplete: 'postal-code',
  },
  'with error': {
    id: 'name-kana',
    name: 'nameKana',
    label: '氏名（フリガナ）',
    value: 'かわさき',
    error: '全角カタカナで入力してください',
    required: true,
  },
};

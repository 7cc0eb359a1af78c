// Multi-line text with label, hint, error and an optional character limit, wired like text-input.
import { html, type SafeHtml } from '../../html.ts';

export interface TextareaParams {
  id: string;
  name: string;
  label: string;
  value?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  requiredLabel?: string;
  rows?: number;
  /** Shown in the hint's place when no hint is given; the server enforces it. */
  maxlength?: number;
}

export function textarea(p: TextareaParams): SafeHtml {
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  const errorId = p.error ? `${p.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return html`<div class="form-field${p.error ? ' form-field--error' : ''}">
<label class="form-field__label" for="${p.id}">${p.label}${p.required ? html` <span class="form-field__required">${p.requiredLabel ?? '必須'}</span>` : ''}</label>
${p.hint ? html`<p class="form-field__hint" id="${hintId}">${p.hint}</p>` : ''}
${p.error ? html`<p class="form-field__error" id="${errorId}">${p.error}</p>` : ''}
<textarea class="form-field__textarea" id="${p.id}" name="${p.name}" rows="${String(p.rows ?? 5)}"${p.required ? html` required` : ''}${p.maxlength ? html` maxlength="${String(p.maxlength)}"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${p.error ? html` aria-invalid="true"` : ''}>${p.value ?? ''}</textarea>
</div>`;
}

export const examples: Record<string, TextareaParams> = {
  plain: { id: 'opinion', name: 'body', label: '御意見', rows: 8 },
  'with hint and limit': {
    id: 'summary',
    name: 'summary',
    label: '意見の要旨',
    hint: '2万文字まで',
    maxlength: 20000,
    required: true,
  },
  'with error': {
    id: 'reason',
    name: 'reason',
    label: '理由',
    value: '',
    error: '理由を入力してください。',
    required: true,
  },
};

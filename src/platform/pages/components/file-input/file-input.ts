// A file field with label, hint (accepted types and size) and error. The form around it must be
// multipart/form-data; the server checks the content, `accept` only helps the picker.
import { html, type SafeHtml } from '../../html.ts';

export interface FileInputParams {
  id: string;
  name: string;
  label: string;
  accept?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  requiredLabel?: string;
}

export function fileInput(p: FileInputParams): SafeHtml {
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  const errorId = p.error ? `${p.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return html`<div class="form-field${p.error ? ' form-field--error' : ''}">
<label class="form-field__label" for="${p.id}">${p.label}${p.required ? html` <span class="form-field__required">${p.requiredLabel ?? '必須'}</span>` : ''}</label>
${p.hint ? html`<p class="form-field__hint" id="${hintId}">${p.hint}</p>` : ''}
${p.error ? html`<p class="form-field__error" id="${errorId}">${p.error}</p>` : ''}
<input class="form-field__file" type="file" id="${p.id}" name="${p.name}"${p.accept ? html` accept="${p.accept}"` : ''}${p.required ? html` required` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${p.error ? html` aria-invalid="true"` : ''}>
</div>`;
}

export const examples: Record<string, FileInputParams> = {
  plain: { id: 'scan', name: 'scan', label: '読み取り画像', accept: 'application/pdf,image/jpeg,image/png' },
  'with hint and error': {
    id: 'document-file',
    name: 'documentFile',
    label: '資料のファイル',
    hint: 'PDF または HTML、30MB まで',
    error: '資料のファイルを選んでください。',
    required: true,
  },
};

// Buttons: a real <button> for actions, a link styled as a button for navigation.
import { html, type SafeHtml } from '../../html.ts';

export interface ButtonParams {
  text: string;
  variant?: 'primary' | 'secondary';
  /** With href it is a link (navigation); without, a submit button. */
  href?: string;
  name?: string;
  value?: string;
}

export function button(p: ButtonParams): SafeHtml {
  const cls = `button button--${p.variant ?? 'primary'}`;
  if (p.href) return html`<a class="${cls}" href="${p.href}">${p.text}</a>`;
  return html`<button class="${cls}" type="submit"${p.name ? html` name="${p.name}" value="${p.value ?? ''}"` : ''}>${p.text}</button>`;
}

export const examples: Record<string, ButtonParams> = {
  submit: { text: '申請する' },
  secondary: { text: '一時保存', variant: 'secondary', name: 'action', value: 'save' },
  link: { text: '手続を探す', href: '/procedures' },
};

// Notification banner: information or success news at the top of a page.
import { html, type SafeHtml } from '../../html.ts';

export interface NotificationBannerParams {
  title: string;
  body: SafeHtml | string;
  kind?: 'info' | 'success';
  /** Id of the title; give each banner its own when a page shows more than one. */
  id?: string;
}

export function notificationBanner(p: NotificationBannerParams): SafeHtml {
  const kind = p.kind ?? 'info';
  const role = kind === 'success' ? 'alert' : 'region';
  const id = p.id ?? 'notification-title';
  return html`<div class="notification notification--${kind}" role="${role}" aria-labelledby="${id}">
<h2 class="notification__title" id="${id}">${p.title}</h2>
<div class="notification__body">${p.body}</div>
</div>`;
}

export const examples: Record<string, NotificationBannerParams> = {
  info: { title: 'お知らせ', body: 'システムメンテナンスのため、12月1日 2時〜4時は利用できません。' },
  success: { title: '申請を受け付けました', body: '受付番号: 2026-000123', kind: 'success', id: 'received-title' },
};

// What the push-type service pages share: the breadcrumbs, the notice and error banners a form leaves, and
// numbers, times and run descriptions as staff read them.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { japanClock, japanDateTime } from '../../../platform/ja/today.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import type { PageContext } from '../../../platform/pages/layout.ts';
import { k } from '../messages.ts';
import { wardName } from '../rules/conditions.ts';
import type { RunRow } from '../use-cases/rule-overview.ts';

export interface PageState {
  /** A key of notice_* shown as a success banner. */
  notice?: string | undefined;
  /** A refusal: each entry links to where on the page it is about (`#…`). */
  errors?: { field: string; message: string }[] | undefined;
}

export const overviewPath = '/staff/eligibility';
export const rulePath = (id: string) => `${overviewPath}/rules/${encodeURIComponent(id)}`;

export function crumbs(ctx: PageContext, withOverview: boolean) {
  return [
    { text: t(ctx.lang, 'identity.staffHomeTitle'), href: '/staff' },
    ...(withOverview ? [{ text: t(ctx.lang, k('title')), href: overviewPath }] : []),
  ];
}

export function titled(ctx: PageContext, state: PageState, title: string): string {
  return state.errors?.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title;
}

export function banners(ctx: PageContext, state: PageState): SafeHtml {
  return html`${errorSummary({
    title: t(ctx.lang, 'platform.errorSummaryTitle'),
    errors: (state.errors ?? []).map((e) => ({ text: e.message, href: e.field.startsWith('#') ? e.field : '#main' })),
  })}${state.notice ? notificationBanner({ kind: 'success', title: t(ctx.lang, k(`notice_${state.notice}`)), body: '' }) : ''}`;
}

export const number = (n: number) => n.toLocaleString('ja-JP');

export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** 2026-04-01 09:30, Japan time. */
export const dateTime = japanDateTime;

/** 09:30, Japan time. */
export const timeOfDay = japanClock;

export const seconds = (s: number | undefined) => (s === undefined ? '—' : s.toFixed(1));

export const ward = (code: string) => (code ? `${wardName(code)}（${code}）` : '—');

const eventKinds = ['birth', 'move_in', 'pregnancy', 'certificate_issued'];

/** The staff member looking at the page, and the names of the staff the page mentions. */
export interface Viewer {
  accountId: string | undefined;
  names: ReadonlyMap<string, string>;
}

/** Who started a run or approved an outreach, as the rows record it. */
export function who(ctx: PageContext, by: string, viewer: Viewer): SafeHtml {
  if (by === viewer.accountId) return th(ctx.lang, k('byYou'));
  if (by === 'system') return th(ctx.lang, k('bySystem'));
  if (by === 'nightly') return th(ctx.lang, k('byNightly'));
  if (by === 'demo-seed') return th(ctx.lang, k('byDemo'));
  const event = /^event:([a-z_]+):/.exec(by)?.[1];
  if (event) return th(ctx.lang, k(eventKinds.includes(event) ? `event_${event}` : 'event_other'));
  const name = viewer.names.get(by);
  if (name) return html`${name}`;
  if (/^[0-9a-f-]{36}$/.test(by)) return th(ctx.lang, k('byStaff'), { id: by.slice(0, 8) });
  return html`${by}`;
}

export function runKind(ctx: PageContext, run: RunRow): SafeHtml {
  if (run.kind !== 'preview') return th(ctx.lang, k(`kind_${run.kind}`));
  const [rule, version] = Object.entries(run.rules)[0] ?? ['', 0];
  return th(ctx.lang, k('kind_preview_of'), { rule, version });
}

// /staff/eligibility/rules/<id>: one rule as staff decide on it. What it says and how many it finds; some of
// the people waiting to be told with the rule's reason (ids and wards, no names); the notice as a resident
// reads it in the three languages; the approval form (and withdrawing a standing approval); what earlier
// approvals led to; and the rule's versions, each with what keeps it from being activated, its last comparison
// with the rule in use, and a comparison still running (with a link to look again: no script, no refresh).
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { choices } from '../../../platform/pages/components/choices/choices.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { k } from '../messages.ts';
import type { NoticeText } from '../outreach/notice.ts';
import type { PreviewExample } from '../use-cases/preview-version.ts';
import type { RuleDetail, VersionView } from '../use-cases/rule-detail.ts';
import {
  banners,
  crumbs,
  dateTime,
  number,
  type PageState,
  percent,
  rulePath,
  timeOfDay,
  titled,
  type Viewer,
  ward,
  who,
} from './common.ts';
import { runsTable } from './overview.ts';

export const approvePath = (id: string) => `${rulePath(id)}/approve`;
export const withdrawStandingPath = (id: string) => `${rulePath(id)}/standing/withdraw`;
export const previewPath = (id: string, version: number) => `${rulePath(id)}/versions/${version}/preview`;
export const activatePath = (id: string, version: number) => `${rulePath(id)}/versions/${version}/activate`;

/** A notice body as written: paragraphs split at blank lines, lines kept. */
function paragraphs(text: string): SafeHtml {
  return html`${text.split(/\n{2,}/).map((p) => html`<p class="mail__body">${p}</p>`)}`;
}

function noticePreview(ctx: PageContext, notice: { personId: string; text: NoticeText } | undefined): SafeHtml {
  if (!notice) return html`<p>${th(ctx.lang, k('noticeNone'))}</p>`;
  const part = (id: string, labelKey: string, lang: string, title: string, body: string) =>
    html`<section class="card" aria-labelledby="${id}" data-notice="${id}">
<h3 id="${id}">${th(ctx.lang, k(labelKey))}</h3>
<div lang="${lang}"><p><strong>${title}</strong></p>
${paragraphs(body)}</div>
</section>`;
  return html`<details data-notice-preview>
<summary>${th(ctx.lang, k('noticeShow'), { person: notice.personId })}</summary>
${part('notice-ja', 'noticeJa', 'ja', notice.text.title, notice.text.bodyJa)}
${part('notice-easy', 'noticeEasy', 'ja', notice.text.title, notice.text.bodyEasy)}
${part('notice-en', 'noticeEn', 'en', notice.text.title, notice.text.bodyEn)}
</details>`;
}

function approveForm(ctx: PageContext, v: RuleDetail): SafeHtml {
  return html`<section aria-labelledby="approve-title">
<h2 id="approve-title">${th(ctx.lang, k('approveTitle'))}</h2>
<p>${th(ctx.lang, k('approveLead'), { count: number(v.counts.waiting) })}</p>
${v.tellPending ? html`<p data-tell-pending>${th(ctx.lang, k('tellPending'))}</p>` : ''}
${
  v.standing
    ? html`<p data-standing>${th(ctx.lang, k('standingAlready'))}</p>
<form method="post" action="${withdrawStandingPath(v.rule.id)}" id="withdraw-standing">${csrfInput(ctx)}
${button({ text: t(ctx.lang, k('withdrawStanding')), variant: 'secondary' })}
</form>`
    : ''
}
<form method="post" action="${approvePath(v.rule.id)}" id="approve">${csrfInput(ctx)}
${
  v.standing
    ? ''
    : choices({
        id: 'approve-standing',
        name: 'standing',
        legend: t(ctx.lang, k('standingLegend')),
        type: 'checkbox',
        options: [{ value: 'on', label: t(ctx.lang, k('standingLabel')), hint: t(ctx.lang, k('standingHint')) }],
      })
}
${button({ text: t(ctx.lang, k('approve')) })}
</form>
</section>`;
}

function history(ctx: PageContext, v: RuleDetail, viewer: Viewer): SafeHtml {
  const c = v.conversion;
  const conversion = c.procedureCode
    ? th(ctx.lang, k('conversion'), {
        accounts: number(c.accounts),
        applied: number(c.applied),
        procedure: c.procedureCode,
        percent: percent(c.applied, c.accounts),
      })
    : th(ctx.lang, k('noProcedure'));
  return html`<section aria-labelledby="history-title">
<h2 id="history-title">${th(ctx.lang, k('historyTitle'))}</h2>
${
  v.outreach.length === 0
    ? html`<p>${th(ctx.lang, k('historyNone'))}</p>`
    : html`<div class="table-scroll"><table class="table" data-outreach>
<caption>${th(ctx.lang, k('historyCaption'))}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colApprovedAt'))}</th><th scope="col">${th(ctx.lang, k('colApprovedBy'))}</th><th scope="col">${th(ctx.lang, k('colOutreachKind'))}</th><th scope="col">${th(ctx.lang, k('colVersion'))}</th><th scope="col">${th(ctx.lang, k('colPeople'))}</th><th scope="col">${th(ctx.lang, k('colTold'))}</th><th scope="col">${th(ctx.lang, k('colByPost'))}</th></tr></thead>
<tbody>${v.outreach.map(
        (o) => html`<tr data-outreach-row="${o.kind}">
<td>${dateTime(o.approvedAt)}</td><td>${who(ctx, o.approvedBy, viewer)}</td><td>${th(ctx.lang, k(`outreach_${o.kind}`))}</td>
<td>${th(ctx.lang, k('versionN'), { version: o.version })}</td><td>${number(o.people)}</td><td data-col="told">${number(o.told)}</td><td>${number(o.byPost)}</td>
</tr>`,
      )}</tbody>
</table></div>`
}
<p data-conversion>${conversion}</p>
</section>`;
}

function examples(ctx: PageContext, id: string, captionKey: string, rows: PreviewExample[]): SafeHtml {
  if (rows.length === 0) return html``;
  return html`<div class="table-scroll"><table class="table" data-examples="${id}">
<caption>${th(ctx.lang, k(captionKey))}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colPerson'))}</th><th scope="col">${th(ctx.lang, k('colWard'))}</th><th scope="col">${th(ctx.lang, k('colReason'))}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td>${r.personId}</td><td>${ward(r.wardCode)}</td><td lang="ja">${r.reason}</td></tr>`)}</tbody>
</table></div>`;
}

/** A comparison without a difference yet: running (with a link that loads the page again), failed or stopped. */
function attempt(ctx: PageContext, v: RuleDetail, view: VersionView): SafeHtml {
  const a = view.attempt;
  if (!a) return html``;
  const at = timeOfDay(a.startedAt);
  const n = view.rule.version;
  if (a.status === 'running') {
    // Each page gets its own address to come back to: a link to the page it is on, #fragment and all, would
    // only scroll to the fragment instead of loading the page again.
    const again = `${rulePath(v.rule.id)}?at=${Date.now()}#version-${n}-section`;
    return html`<p data-preview-running>${th(ctx.lang, k('previewRunning'), { at })}</p>
<p><a href="${again}">${th(ctx.lang, k('previewReload'))}</a></p>`;
  }
  return html`<div data-preview-failed="${a.status}">
<p>${th(ctx.lang, k(a.status === 'failed' ? 'previewFailed' : 'previewInterrupted'), { at })}</p>
${a.error ? html`<p>${th(ctx.lang, k('previewFailedReason'), { error: a.error })}</p>` : ''}
</div>`;
}

function versionSection(ctx: PageContext, v: RuleDetail, view: VersionView, viewer: Viewer): SafeHtml {
  const n = view.rule.version;
  const id = `version-${n}`;
  const p = view.preview;
  const running = view.attempt?.status === 'running';
  return html`<section class="card" aria-labelledby="${id}" id="${id}-section" data-version="${n}">
<h3 id="${id}">${th(ctx.lang, k('versionN'), { version: n })} <span class="status-tag">${th(ctx.lang, k(`state_${view.state}`))}</span></h3>
<p lang="ja">${view.rule.description}</p>
${
  view.problems.length > 0
    ? html`<div id="${id}-problems" tabindex="-1"><p>${th(ctx.lang, k('problemsTitle'))}</p><ul data-problems>${view.problems.map((m) => html`<li lang="ja">${m}</li>`)}</ul></div>`
    : html`<p id="${id}-problems" tabindex="-1">${th(ctx.lang, k('problemsNone'), { count: view.rule.examples.length })}</p>`
}
${attempt(ctx, v, view)}
${
  p
    ? html`<h4>${th(ctx.lang, k('previewTitle'), { at: dateTime(p.startedAt), on: p.evaluatedOn, compared: p.difference.comparedWith })}</h4>
<dl class="summary-list" data-difference>
<div><dt>${th(ctx.lang, k('diffCurrent'))}</dt><dd>${th(ctx.lang, k('people'), { count: number(p.difference.current) })}</dd></div>
<div><dt>${th(ctx.lang, k('diffEligible'))}</dt><dd>${th(ctx.lang, k('people'), { count: number(p.difference.eligible) })}</dd></div>
<div><dt>${th(ctx.lang, k('diffGained'))}</dt><dd data-gained>${th(ctx.lang, k('people'), { count: number(p.difference.gained) })}</dd></div>
<div><dt>${th(ctx.lang, k('diffLost'))}</dt><dd data-lost>${th(ctx.lang, k('people'), { count: number(p.difference.lost) })}</dd></div>
</dl>
${examples(ctx, `${id}-gained`, 'gainedCaption', p.difference.examples.gained)}
${examples(ctx, `${id}-lost`, 'lostCaption', p.difference.examples.lost)}
${runsTable(ctx, [p], viewer, 'previewRunCaption')}`
    : view.state === 'active' || view.attempt
      ? ''
      : html`<p>${th(ctx.lang, k('previewNone'))}</p>`
}
${
  view.state === 'active'
    ? ''
    : html`<div class="button-group">
${
  running
    ? ''
    : html`<form method="post" action="${previewPath(v.rule.id, n)}">${csrfInput(ctx)}<button class="button button--secondary" type="submit" aria-describedby="${id}">${th(ctx.lang, k('preview'))}</button></form>`
}
<form method="post" action="${activatePath(v.rule.id, n)}">${csrfInput(ctx)}<button class="button button--primary" type="submit" aria-describedby="${id}">${th(ctx.lang, k('activate'))}</button></form>
</div>`
}
</section>`;
}

export function rulePage(ctx: PageContext, v: RuleDetail, viewerId: string | undefined, state: PageState = {}): string {
  const viewer: Viewer = { accountId: viewerId, names: v.staffNames };
  const title = v.rule.title;
  return renderPage(ctx, {
    title: titled(ctx, state, title),
    breadcrumbs: crumbs(ctx, true),
    body: html`${banners(ctx, state)}${pageHeading({ caption: th(ctx.lang, k('title')), text: title })}
<p lang="ja">${v.rule.description}</p>
<dl class="summary-list" data-counts>
<div><dt>${th(ctx.lang, k('colVersion'))}</dt><dd>${th(ctx.lang, k('versionInUse'), { version: v.rule.version })}</dd></div>
<div><dt>${th(ctx.lang, k('colEligible'))}</dt><dd data-count="eligible">${th(ctx.lang, k('people'), { count: number(v.counts.eligible) })}</dd></div>
<div><dt>${th(ctx.lang, k('colWaiting'))}</dt><dd data-count="waiting">${th(ctx.lang, k('people'), { count: number(v.counts.waiting) })}</dd></div>
<div><dt>${th(ctx.lang, k('colTold'))}</dt><dd data-count="told">${th(ctx.lang, k('people'), { count: number(v.counts.told) })}</dd></div>
<div><dt>${th(ctx.lang, k('colByPost'))}</dt><dd data-count="by-post">${th(ctx.lang, k('people'), { count: number(v.counts.byPost) })}</dd></div>
<div><dt>${th(ctx.lang, k('colStanding'))}</dt><dd data-count="standing">${th(ctx.lang, k(v.standing ? 'standingOn' : 'standingOff'))}</dd></div>
</dl>
<section aria-labelledby="waiting-title">
<h2 id="waiting-title">${th(ctx.lang, k('waitingTitle'))}</h2>
${
  v.sample.length === 0
    ? html`<p>${th(ctx.lang, k('waitingNone'))}</p>`
    : html`<div class="table-scroll"><table class="table" data-waiting>
<caption>${th(ctx.lang, k('waitingCaption'), { shown: v.sample.length, count: number(v.counts.waiting) })}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colPerson'))}</th><th scope="col">${th(ctx.lang, k('colWard'))}</th><th scope="col">${th(ctx.lang, k('colSince'))}</th><th scope="col">${th(ctx.lang, k('colReason'))}</th></tr></thead>
<tbody>${v.sample.map(
        (p) =>
          html`<tr data-person="${p.personId}"><td>${p.personId}</td><td>${ward(p.wardCode)}</td><td>${p.since}</td><td lang="ja">${p.reason}${p.eligible ? '' : html` ${th(ctx.lang, k('noLongerToday'))}`}</td></tr>`,
      )}</tbody>
</table></div>`
}
</section>
<section aria-labelledby="notice-title">
<h2 id="notice-title">${th(ctx.lang, k('noticeTitle'))}</h2>
${noticePreview(ctx, v.notice)}
</section>
${approveForm(ctx, v)}
${history(ctx, v, viewer)}
<section aria-labelledby="versions-title">
<h2 id="versions-title">${th(ctx.lang, k('versionsTitle'))}</h2>
<p>${th(ctx.lang, k('versionsLead'))}</p>
${v.versions.map((view) => versionSection(ctx, v, view, viewer))}
</section>`,
  });
}

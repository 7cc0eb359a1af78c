// /staff/eligibility: every rule the city uses with its figures, the last run over everyone with the button
// that starts the next one, and the recent runs (everyone, a household's life event, a comparison).
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { k } from '../messages.ts';
import type { RuleOverview, RuleSummary, RunRow } from '../use-cases/rule-overview.ts';
import {
  banners,
  crumbs,
  dateTime,
  number,
  overviewPath,
  type PageState,
  percent,
  rulePath,
  runKind,
  seconds,
  titled,
  type Viewer,
  who,
} from './common.ts';

export const populationRunPath = `${overviewPath}/population-runs`;

function lastRun(ctx: PageContext, v: RuleOverview): SafeHtml {
  const run = v.lastPopulationRun;
  return html`<section aria-labelledby="population-title">
<h2 id="population-title">${th(ctx.lang, k('populationTitle'))}</h2>
<p>${th(ctx.lang, k('populationLead'))}</p>
${
  run
    ? html`<dl class="summary-list" data-last-run>
<div><dt>${th(ctx.lang, k('lastRunAt'))}</dt><dd>${dateTime(run.startedAt)}（${th(ctx.lang, k(`status_${run.status}`))}）</dd></div>
<div><dt>${th(ctx.lang, k('colEvaluatedOn'))}</dt><dd>${run.evaluatedOn}</dd></div>
<div><dt>${th(ctx.lang, k('colResidents'))}</dt><dd>${th(ctx.lang, k('people'), { count: number(run.residents) })}</dd></div>
<div><dt>${th(ctx.lang, k('colNewly'))}</dt><dd data-last-run-newly>${th(ctx.lang, k('people'), { count: number(run.newlyEligible) })}</dd></div>
<div><dt>${th(ctx.lang, k('colSeconds'))}</dt><dd>${th(ctx.lang, k('secondsValue'), { seconds: seconds(run.seconds) })}</dd></div>
</dl>`
    : html`<p>${th(ctx.lang, k('populationNone'))}</p>`
}
${v.busy ? html`<p data-run-busy>${v.busy}</p>` : ''}
<form method="post" action="${populationRunPath}" id="population-run">${csrfInput(ctx)}
${button({ text: t(ctx.lang, k('runPopulation')) })}
</form>
</section>`;
}

function ruleRow(ctx: PageContext, r: RuleSummary): SafeHtml {
  const conversion = r.conversion.procedureCode
    ? html`${number(r.conversion.applied)}（${percent(r.conversion.applied, r.conversion.accounts)}）`
    : th(ctx.lang, k('noProcedureShort'));
  return html`<tr data-rule="${r.id}">
<th scope="row"><a href="${rulePath(r.id)}">${r.title}</a></th>
<td>${th(ctx.lang, k('versionN'), { version: r.activeVersion })}${
    r.newerVersions.length > 0
      ? html` <span class="status-tag" data-newer>${th(ctx.lang, k('newerProposed'), { version: r.newerVersions.join(', ') })}</span>`
      : ''
  }</td>
<td data-col="eligible">${number(r.eligible)}</td>
<td data-col="waiting">${number(r.waiting)}</td>
<td data-col="told">${number(r.told)}</td>
<td data-col="applied">${conversion}</td>
<td data-col="standing">${th(ctx.lang, k(r.standing ? 'standingOn' : 'standingOff'))}</td>
</tr>`;
}

export function runsTable(ctx: PageContext, runs: RunRow[], viewer: Viewer, captionKey: string): SafeHtml {
  if (runs.length === 0) return html`<p>${th(ctx.lang, k('runsNone'))}</p>`;
  return html`<div class="table-scroll"><table class="table" data-runs>
<caption>${th(ctx.lang, k(captionKey))}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colStarted'))}</th><th scope="col">${th(ctx.lang, k('colKind'))}</th><th scope="col">${th(ctx.lang, k('colEvaluatedOn'))}</th><th scope="col">${th(ctx.lang, k('colStatus'))}</th><th scope="col">${th(ctx.lang, k('colResidents'))}</th><th scope="col">${th(ctx.lang, k('colEligible'))}</th><th scope="col">${th(ctx.lang, k('colNewlyOrGained'))}</th><th scope="col">${th(ctx.lang, k('colEndedOrLost'))}</th><th scope="col">${th(ctx.lang, k('colSeconds'))}</th><th scope="col">${th(ctx.lang, k('colBy'))}</th></tr></thead>
<tbody>${runs.map(
    (r) => html`<tr data-run="${r.kind}">
<td>${dateTime(r.startedAt)}</td><td>${runKind(ctx, r)}</td><td>${r.evaluatedOn}</td>
<td>${th(ctx.lang, k(`status_${r.status}`))}${r.error ? html`: ${r.error}` : ''}</td>
${
  r.status === 'done'
    ? html`<td>${number(r.residents)}</td><td>${number(r.eligible)}</td><td>${number(r.newlyEligible)}</td><td>${number(r.noLongerEligible)}</td>`
    : // A run still going (or one that failed) has no figures yet, not zeros.
      html`<td>—</td><td>—</td><td>—</td><td>—</td>`
}
<td>${seconds(r.seconds)}</td><td>${who(ctx, r.triggeredBy, viewer)}</td>
</tr>`,
  )}</tbody>
</table></div>`;
}

export function overviewPage(
  ctx: PageContext,
  v: RuleOverview,
  viewer: string | undefined,
  state: PageState = {},
): string {
  const title = t(ctx.lang, k('title'));
  return renderPage(ctx, {
    title: titled(ctx, state, title),
    breadcrumbs: crumbs(ctx, false),
    body: html`${banners(ctx, state)}${pageHeading({ text: title, lead: th(ctx.lang, k('lead')) })}
${lastRun(ctx, v)}
<section aria-labelledby="rules-title">
<h2 id="rules-title">${th(ctx.lang, k('rulesTitle'))}</h2>
<p>${th(ctx.lang, k('rulesLead'))}</p>
<div class="table-scroll"><table class="table" data-rules>
<caption>${th(ctx.lang, k('rulesCaption'), { count: v.rules.length })}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colRule'))}</th><th scope="col">${th(ctx.lang, k('colVersion'))}</th><th scope="col">${th(ctx.lang, k('colEligible'))}</th><th scope="col">${th(ctx.lang, k('colWaiting'))}</th><th scope="col">${th(ctx.lang, k('colTold'))}</th><th scope="col">${th(ctx.lang, k('colApplied'))}</th><th scope="col">${th(ctx.lang, k('colStanding'))}</th></tr></thead>
<tbody>${v.rules.map((r) => ruleRow(ctx, r))}</tbody>
</table></div>
</section>
<section aria-labelledby="runs-title">
<h2 id="runs-title">${th(ctx.lang, k('runsTitle'))}</h2>
${runsTable(ctx, v.recentRuns, { accountId: viewer, names: v.staffNames }, 'runsCaption')}
</section>`,
  });
}

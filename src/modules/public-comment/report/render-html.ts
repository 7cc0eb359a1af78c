// The result report as the body of a web page: sections from <h2> (the page's layout owns the <h1> and
// the breadcrumbs), accessible tables, every value escaped. The data attributes on the counts table and
// the opinion rows let tests (and scripts) read the figures without parsing the layout.
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { reportHeadings, topicLabel } from './build-report.ts';
import type { CountRow, NumberedOpinion, ResultReport } from './types.ts';

function paragraphs(texts: string[]): SafeHtml[] {
  return texts.map((text) => html`<p>${text}</p>`);
}

// A wide table scrolls inside its own focusable region on a narrow screen, not the whole page.
function scrollable(label: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="${label}">${table}</div>`;
}

function classesTable(report: ResultReport): SafeHtml {
  return html`<table class="table report-table">
<caption>対応区分</caption>
<thead><tr><th scope="col">区分</th><th scope="col">内容</th></tr></thead>
<tbody>${report.classes.map((c) => html`<tr><th scope="row">${c.code}</th><td>${c.label}</td></tr>`)}</tbody>
</table>`;
}

function countRow(report: ResultReport, row: CountRow): SafeHtml {
  return html`<tr data-topic="${row.topicCode}"><th scope="row">${row.label}</th>${report.classes.map(
    (c, i) =>
      html`<td class="report-table__number" data-topic="${row.topicCode}" data-class="${c.code}">${row.counts[i]}</td>`,
  )}<td class="report-table__number" data-topic="${row.topicCode}" data-class="total">${row.total}</td></tr>`;
}

function countsTable(report: ResultReport): SafeHtml {
  const rows = report.counts.filter((row) => row.topicCode !== 'total');
  const totals = report.counts.filter((row) => row.topicCode === 'total');
  return html`<table class="table report-table" data-counts-table>
<caption>項目ごとの意見の件数と対応区分（単位：件）</caption>
<thead><tr><th scope="col">項目</th>${report.classes.map((c) => html`<th scope="col" class="report-table__number">${c.code}</th>`)}<th scope="col" class="report-table__number">計</th></tr></thead>
<tbody>${rows.map((row) => countRow(report, row))}</tbody>
<tfoot>${totals.map((row) => countRow(report, row))}</tfoot>
</table>`;
}

function opinionRow(opinion: NumberedOpinion): SafeHtml {
  return html`<tr data-opinion-no="${opinion.no}"><th scope="row">${opinion.no}</th><td data-field="summary">${paragraphs(
    opinion.summary,
  )}</td><td data-field="response">${paragraphs(opinion.response)}</td><td data-field="class">${opinion.classCode}</td></tr>`;
}

function opinionsByTopic(report: ResultReport): SafeHtml[] {
  if (report.opinionCount === 0) return [html`<p>御意見はありませんでした。</p>`];
  return report.topics.map((topic) => {
    const label = topicLabel(topic);
    const body =
      topic.opinions.length === 0
        ? html`<p>この項目への御意見はありませんでした。</p>`
        : scrollable(
            label,
            html`<table class="table report-table report-table--opinions">
<caption>${label}（${topic.opinions.length}件）</caption>
<thead><tr><th scope="col">No</th><th scope="col">意見の要旨</th><th scope="col">本市の考え方</th><th scope="col">区分</th></tr></thead>
<tbody>${topic.opinions.map(opinionRow)}</tbody>
</table>`,
          );
    return html`<h4>${label}</h4>
${body}`;
  });
}

function changesTable(report: ResultReport, heading: string): SafeHtml {
  if (report.changes.length === 0) return html`<p>変更はありません。</p>`;
  return scrollable(
    heading,
    html`<table class="table report-table report-table--changes">
<caption>${heading.replace(/^\d+\s*/, '')}</caption>
<thead><tr><th scope="col">No</th><th scope="col">変更の概要</th><th scope="col">変更後の内容</th><th scope="col">変更前の内容</th></tr></thead>
<tbody>${report.changes.map(
      (change) =>
        html`<tr data-change-no="${change.no}"><th scope="row">${change.no}</th><td>${change.summary}</td><td>${paragraphs(
          change.after,
        )}</td><td>${paragraphs(change.before)}</td></tr>`,
    )}</tbody>
</table>`,
  );
}

function schedule(report: ResultReport): SafeHtml {
  if (report.schedule.length === 0) return html`<p>今後の予定は決まり次第お知らせします。</p>`;
  return html`<dl class="summary-list">${report.schedule.map(
    (item) => html`<div><dt>${item.when}</dt><dd>${item.what}</dd></div>`,
  )}</dl>`;
}

export function renderReportHtml(report: ResultReport): SafeHtml {
  const h = reportHeadings(report);
  return html`<div class="report">
<p class="report__meta">${report.publishedOnText}<br>${report.cityName} ${report.departmentName}</p>
<h2 id="report-section-1">${h.background}</h2>
${paragraphs(report.background)}
<h2 id="report-section-2">${h.outline}</h2>
<h3>(1) 意見の募集期間</h3>
<p>${report.period.text}</p>
<h3>(2) 意見の提出方法</h3>
<p>${report.methodsText}</p>
<h3>(3) 募集の周知方法</h3>
<p>${report.announcementsText}</p>
<h2 id="report-section-3">${h.results}</h2>
<h3>(1) 意見提出数</h3>
<p data-submission-count="${report.submissionCount}">${report.submissionCount}通</p>
<h3>(2) 意見数</h3>
<p data-opinion-count="${report.opinionCount}">${report.opinionCount}件</p>
<h2 id="report-section-4">${h.opinions}</h2>
${paragraphs(report.overview)}
<h3>(1) 対応区分</h3>
${scrollable('対応区分', classesTable(report))}
<h3>(2) 意見の件数と対応区分</h3>
${scrollable('意見の件数と対応区分', countsTable(report))}
<h3>(3) 各意見の内容</h3>
${opinionsByTopic(report)}
<h2 id="report-section-5">${h.changes}</h2>
${changesTable(report, h.changes)}
${report.changesNote ? html`<p>${report.changesNote}</p>` : ''}
<h2 id="report-section-6">${h.schedule}</h2>
${schedule(report)}
</div>`;
}

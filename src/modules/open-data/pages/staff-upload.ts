// The quality report of an upload, for the staff member who made it and is not a programmer: what the
// file is (encoding, rows, columns), whether it can be published, the problems by column and kind with
// the rows as Excel numbers them, the first problems one by one with how to fix them, and then either the
// publish button or the form for the fixed file.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { type IngestReport, type IssueSummary, issueCodes, summariseIssues, truncationNote } from '../ingest/index.ts';
import { k } from '../messages-staff.ts';
import type { UploadView } from '../use-cases/read-upload.ts';
import { staffDatasetPath, uploadFieldOf, uploadForm } from './staff.ts';
import {
  fileSize,
  number,
  postButton,
  type StaffFormState,
  staffCrumbs,
  summaryOfErrors,
  titleWithErrors,
} from './staff-form.ts';

/** Issues listed one by one on the page; the grouped table counts them all. */
export const issuesShown = 100;
const rowsShownPerGroup = 20;

/** Errors and warnings found in the whole file (the report lists only the first few hundred). */
export function issueTotals(report: IngestReport): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const [code, count] of Object.entries(report.issueCounts)) {
    const severity = issueCodes[code]?.severity ?? report.issues.find((i) => i.code === code)?.severity ?? 'error';
    if (severity === 'error') errors += count;
    else warnings += count;
  }
  return { errors, warnings };
}

/**
 * A report message says what is wrong in its first sentence and how to put it right in the rest
 * (「3行目の『緯度』が数値ではありません（入力値: …）。半角数字で 35.5308 のように入力してください。」).
 */
export function splitMessage(message: string): { what: string; fix: string | undefined } {
  const end = message.indexOf('。');
  if (end < 0 || end === message.length - 1) return { what: message, fix: undefined };
  return { what: message.slice(0, end + 1), fix: message.slice(end + 1).trim() };
}

function encodingLine(ctx: PageContext, report: IngestReport): SafeHtml {
  const key = `encoding_${report.encoding}`;
  return ['encoding_shift_jis', 'encoding_utf-8', 'encoding_utf-8-bom'].includes(key)
    ? th(ctx.lang, k(key))
    : th(ctx.lang, k('encodingOther'), { encoding: report.encoding });
}

function statusBanner(ctx: PageContext, u: UploadView, errors: number, warnings: number): SafeHtml {
  if (u.publishedAt) {
    return notificationBanner({
      kind: 'success',
      title: t(ctx.lang, k('publishedTitle')),
      body: '',
      id: 'status-title',
    });
  }
  if (u.ok) {
    return notificationBanner({
      kind: 'info',
      id: 'status-title',
      title: t(ctx.lang, k('okTitle')),
      body: html`<p>${th(ctx.lang, k('okBody'))}</p>${warnings > 0 ? html`<p data-warnings-only>${th(ctx.lang, k('okWarnings'), { count: number(warnings) })}</p>` : ''}`,
    });
  }
  return notificationBanner({
    kind: 'info',
    id: 'status-title',
    title: t(ctx.lang, k('errorsTitle')),
    body: html`<p data-not-published>${th(ctx.lang, k('errorsBody'), { count: number(errors) })}</p>`,
  });
}

function rowList(ctx: PageContext, group: IssueSummary): SafeHtml | string {
  if (group.rows.length === 0) return th(ctx.lang, k('wholeFile'));
  // A row with two problems of the same kind in the same column is named once.
  const rows = [...new Set(group.rows)];
  const shown = rows.slice(0, rowsShownPerGroup).map(number).join('、');
  const more = rows.length - Math.min(rows.length, rowsShownPerGroup);
  return more > 0 ? html`${shown} ${th(ctx.lang, k('andMore'), { count: number(more) })}` : shown;
}

function groupsTable(ctx: PageContext, report: IngestReport): SafeHtml | string {
  const groups = summariseIssues(report);
  if (groups.length === 0) return '';
  return html`<h2>${th(ctx.lang, k('byColumnTitle'))}</h2>
<p>${th(ctx.lang, k('rowNumbersHint'))}</p>
<div class="table-scroll"><table class="table" data-issue-groups>
<caption class="visually-hidden">${th(ctx.lang, k('byColumnCaption'))}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colColumn'))}</th><th scope="col">${th(ctx.lang, k('colSeverity'))}</th><th scope="col">${th(ctx.lang, k('colKind'))}</th><th scope="col">${th(ctx.lang, k('colCount'))}</th><th scope="col">${th(ctx.lang, k('colRowNumbers'))}</th></tr></thead>
<tbody>${groups.map(
    (g) =>
      html`<tr data-group="${g.code}"><th scope="row">${g.column ?? th(ctx.lang, k('wholeFile'))}</th><td>${th(ctx.lang, k(`severity_${g.severity}`))}</td><td>${issueCodes[g.code]?.label ?? g.code}</td><td>${number(g.count)}</td><td>${rowList(ctx, g)}</td></tr>`,
  )}</tbody>
</table></div>`;
}

function issuesTable(ctx: PageContext, report: IngestReport): SafeHtml | string {
  if (report.issues.length === 0) return '';
  const shown = report.issues.slice(0, issuesShown);
  return html`<h2>${th(ctx.lang, k('issuesTitle'))}</h2>
<div class="table-scroll"><table class="table" data-issues>
<caption>${th(ctx.lang, k('issuesCaption'), { count: number(shown.length) })}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colRow'))}</th><th scope="col">${th(ctx.lang, k('colColumn'))}</th><th scope="col">${th(ctx.lang, k('colValue'))}</th><th scope="col">${th(ctx.lang, k('colProblem'))}</th><th scope="col">${th(ctx.lang, k('colFix'))}</th><th scope="col">${th(ctx.lang, k('colSeverity'))}</th></tr></thead>
<tbody>${shown.map((i) => {
    const { what, fix } = splitMessage(i.message);
    return html`<tr data-issue-row="${i.row === null ? '' : String(i.row)}"><td>${i.row === null ? th(ctx.lang, k('wholeFile')) : number(i.row)}</td><td>${i.column ?? '—'}</td><td>${i.value ?? ''}</td><td>${what}</td><td>${fix ?? th(ctx.lang, k('fixDefault'))}</td><td>${th(ctx.lang, k(`severity_${i.severity}`))}</td></tr>`;
  })}</tbody>
</table></div>
${report.truncated ? html`<p>${truncationNote(report) ?? ''} ${th(ctx.lang, k('truncatedHint'))}</p>` : ''}`;
}

export function uploadReportPage(
  ctx: PageContext,
  u: UploadView,
  standardTitle: string | undefined,
  state: StaffFormState = {},
): string {
  const report = u.report;
  const { errors, warnings } = issueTotals(report);
  const title = t(ctx.lang, k('reportTitle'));
  const datasetTitle = u.dataset.title;
  return renderPage(ctx, {
    title: titleWithErrors(ctx, state, title),
    breadcrumbs: [...staffCrumbs(ctx), { text: datasetTitle, href: staffDatasetPath(u.dataset.name) }],
    body: html`${summaryOfErrors(ctx, state, uploadFieldOf)}${pageHeading({ text: title })}
<p>${th(ctx.lang, k('reportFor'), { title: datasetTitle, file: u.fileName, size: fileSize(u.size) })}</p>
${u.replaces && !u.publishedAt ? html`<p>${th(ctx.lang, k('reportReplaces'), { name: u.replaces.name })}</p>` : ''}
${statusBanner(ctx, u, errors, warnings)}
${u.ok && !u.publishedAt ? postButton(ctx, `/staff/open-data/uploads/${u.id}/publish`, t(ctx.lang, k('publish')), 'primary') : ''}
<h2>${th(ctx.lang, k('reportSummaryTitle'))}</h2>
<p data-summary>${report.summary}</p>
<dl class="summary-list">
${u.format === 'CSV' ? html`<div><dt>${th(ctx.lang, k('encodingLabel'))}</dt><dd data-encoding>${encodingLine(ctx, report)}</dd></div>` : ''}
${u.format === 'CSV' ? html`<div><dt>${th(ctx.lang, k('shapeLabel'))}</dt><dd>${th(ctx.lang, k('reportShape'), { rows: number(report.rows), columns: number(report.columns.length) })}</dd></div>` : ''}
${standardTitle ? html`<div><dt>${th(ctx.lang, k('fieldStandard'))}</dt><dd>${th(ctx.lang, k('reportStandard'), { title: standardTitle })}</dd></div>` : ''}
${report.latColumn && report.lonColumn ? html`<div><dt>${th(ctx.lang, k('coordinatesLabel'))}</dt><dd>${th(ctx.lang, k('reportCoordinates'), { lat: report.latColumn, lon: report.lonColumn })}</dd></div>` : ''}
<div><dt>${th(ctx.lang, k('reportErrors'))}</dt><dd data-errors="${String(errors)}">${th(ctx.lang, k('reportCount'), { count: number(errors) })}</dd></div>
<div><dt>${th(ctx.lang, k('reportWarnings'))}</dt><dd data-warnings="${String(warnings)}">${th(ctx.lang, k('reportCount'), { count: number(warnings) })}</dd></div>
</dl>
${groupsTable(ctx, report)}
${issuesTable(ctx, report)}
${
  !u.ok && !u.publishedAt
    ? uploadForm(ctx, state, {
        datasetName: u.dataset.name,
        replace: u.replaces,
        from: u.id,
        // A name that was only the first file's name would stick to the fixed file: let the new file name it.
        name: u.name === u.fileName ? undefined : u.name,
        description: u.description,
        headingKey: 'reuploadTitle',
      })
    : ''
}
<p><a href="${staffDatasetPath(u.dataset.name)}">${th(ctx.lang, k('backToDataset'), { title: datasetTitle })}</a></p>`,
  });
}

// Staff pages of /staff/residents/life-events, all plain HTML forms: the start page (choose a household by its
// number, start a move-in, the latest notifications of one's wards), a household with its members and
// notifications, one form per notification (出生届, 妊娠届, 手帳の交付, 転入届) and the page that confirms
// what was recorded. A form that fails comes back with an error summary whose entries link to their fields.
import { type Lang, t, th } from '../../../platform/i18n/i18n.ts';
import { japanDateTime } from '../../../platform/ja/today.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { choices } from '../../../platform/pages/components/choices/choices.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import type { LifeEventEntry } from '../use-cases/list-life-events.ts';
import { certificates } from '../use-cases/record-certificate.ts';
import { maxMembers, relationships } from '../use-cases/register-move-in.ts';
import type { RegisterHousehold, RegisterMember } from './household.ts';
import { k } from './messages.ts';
import type { LifeEventKind } from './record.ts';
import { japaneseDate } from './validate.ts';

export const lifeEventsPath = '/staff/residents/life-events';
export const householdPath = (id: string) => `${lifeEventsPath}/households/${id}`;
export const moveInPath = `${lifeEventsPath}/move-in`;
export const recordedPath = (key: string) => `${lifeEventsPath}/recorded/${key}`;

export interface FormState {
  values?: Record<string, string | undefined>;
  errors?: { field: string; message: string }[];
}

export interface Ward {
  code: string;
  nameJa: string;
  nameEn: string;
}

/** `members.0.familyName` on the form `move-in` → `move-in-members-0-family-name`. */
export const idOf = (form: string, field: string) =>
  `${form}-${field.replace(/\./g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function errorOf(state: FormState, field: string): string | undefined {
  const found = state.errors?.filter((e) => e.field === field).map((e) => e.message) ?? [];
  return found.length > 0 ? found.join(' ') : undefined;
}

const fieldValue = (state: FormState, field: string, fallback = '') => state.values?.[field] ?? fallback;

function summary(ctx: PageContext, form: string, state: FormState): SafeHtml {
  return errorSummary({
    title: t(ctx.lang, 'platform.errorSummaryTitle'),
    errors: (state.errors ?? []).map((e) => ({
      text: e.message,
      href: e.field.startsWith('#') ? e.field : `#${idOf(form, e.field)}`,
    })),
  });
}

const titled = (ctx: PageContext, state: FormState, title: string) =>
  state.errors?.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title;

const crumbs = (ctx: PageContext, household?: string) => [
  { text: t(ctx.lang, 'identity.staffHomeTitle'), href: '/staff' },
  { text: t(ctx.lang, k('title')), href: lifeEventsPath },
  ...(household ? [{ text: t(ctx.lang, k('householdTitle'), { id: household }), href: householdPath(household) }] : []),
];

/** A day as the page's language writes it: 2026年12月3日, or 2026-12-03 in English. */
export const day = (lang: Lang, value: string) => (lang === 'en' || !value ? value : japaneseDate(value));

const relationshipKeys: Record<string, string> = {
  世帯主: 'rel_head',
  妻: 'rel_wife',
  夫: 'rel_husband',
  子: 'rel_child',
  父: 'rel_father',
  母: 'rel_mother',
};

export const relationshipName = (lang: Lang, value: string) =>
  relationshipKeys[value] ? t(lang, k(relationshipKeys[value]!)) : value;

const certificateOfType: Record<string, string> = { physical: 'shintai', intellectual: 'ryoiku', mental: 'seishin' };

function certificateName(lang: Lang, kind: string | undefined, grade: string): string {
  return kind && ['shintai', 'ryoiku', 'seishin'].includes(kind) ? t(lang, k(`certGrade_${kind}`), { grade }) : grade;
}

const fullName = (m: { familyName: string; givenName: string }) => `${m.familyName} ${m.givenName}`;

function detailsText(lang: Lang, e: LifeEventEntry): string {
  const d = e.details as { expectedDeliveryDate?: string; certificate?: string; grade?: string };
  if (e.kind === 'pregnancy' && d.expectedDeliveryDate) {
    return t(lang, k('expectedOn'), { date: day(lang, d.expectedDeliveryDate) });
  }
  if (e.kind === 'certificate_issued') return certificateName(lang, d.certificate, d.grade ?? '');
  return '';
}

function eventsTable(ctx: PageContext, events: LifeEventEntry[], caption: SafeHtml, withHousehold: boolean): SafeHtml {
  return html`<div class="table-scroll"><table class="table" data-life-events>
<caption>${caption}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colRecordedAt'))}</th><th scope="col">${th(ctx.lang, k('colKind'))}</th><th scope="col">${th(ctx.lang, k('colPerson'))}</th><th scope="col">${th(ctx.lang, k('colDate'))}</th><th scope="col">${th(ctx.lang, k('colDetails'))}</th>${withHousehold ? html`<th scope="col">${th(ctx.lang, k('colHousehold'))}</th>` : ''}</tr></thead>
<tbody>${events.map(
    (e) => html`<tr data-event="${e.id}" data-kind="${e.kind}">
<td>${japanDateTime(e.recordedAt)}</td>
<td>${th(ctx.lang, k(`kind_${e.kind}`))}</td>
<td>${fullName(e)}（${relationshipName(ctx.lang, e.relationship)}）</td>
<td>${day(ctx.lang, e.date)}</td>
<td>${detailsText(ctx.lang, e)}</td>
${withHousehold ? html`<td><a href="${householdPath(e.householdId)}">${e.householdId}</a></td>` : ''}</tr>`,
  )}</tbody>
</table></div>`;
}

export function startPage(ctx: PageContext, view: { recent: LifeEventEntry[] }, state: FormState = {}): string {
  const title = t(ctx.lang, k('title'));
  const error = errorOf(state, 'household');
  return renderPage(ctx, {
    title: titled(ctx, state, title),
    breadcrumbs: crumbs(ctx).slice(0, 1),
    body: html`${summary(ctx, 'find', state)}
${pageHeading({ text: title, lead: th(ctx.lang, k('lead')) })}
<section aria-labelledby="find-title">
<h2 id="find-title">${th(ctx.lang, k('findTitle'))}</h2>
<p>${th(ctx.lang, k('findLead'))}</p>
<form method="get" action="${lifeEventsPath}" novalidate>
${textInput({
  id: idOf('find', 'household'),
  name: 'household',
  label: t(ctx.lang, k('fieldHousehold')),
  hint: t(ctx.lang, k('fieldHouseholdHint')),
  value: fieldValue(state, 'household'),
  inputmode: 'numeric',
  autocomplete: 'off',
  ...(error ? { error } : {}),
})}
${button({ text: t(ctx.lang, k('findButton')) })}
</form>
</section>
<section aria-labelledby="move-in-title">
<h2 id="move-in-title">${th(ctx.lang, k('moveInTitle'))}</h2>
<p>${th(ctx.lang, k('moveInLead'))}</p>
<p>${button({ text: t(ctx.lang, k('moveInStart')), href: moveInPath, variant: 'secondary' })}</p>
</section>
<section aria-labelledby="recent-title">
<h2 id="recent-title">${th(ctx.lang, k('recentTitle'))}</h2>
${
  view.recent.length === 0
    ? html`<p>${th(ctx.lang, k('recentNone'))}</p>`
    : eventsTable(ctx, view.recent, th(ctx.lang, k('recentCaption'), { count: view.recent.length }), true)
}
</section>`,
  });
}

function certificateOf(lang: Lang, m: RegisterMember): string {
  return m.disability
    ? certificateName(lang, certificateOfType[m.disability.type], m.disability.grade)
    : t(lang, k('none'));
}

function householdFacts(ctx: PageContext, h: RegisterHousehold, ward: Ward | undefined): SafeHtml {
  const wardName = ward ? (ctx.lang === 'en' ? ward.nameEn : ward.nameJa) : h.wardCode;
  return html`<dl class="summary-list" data-household="${h.id}">
<div><dt>${th(ctx.lang, k('wardLabel'))}</dt><dd>${wardName}</dd></div>
<div><dt>${th(ctx.lang, k('postalCodeLabel'))}</dt><dd>〒${h.postalCode.slice(0, 3)}-${h.postalCode.slice(3)}</dd></div>
<div><dt>${th(ctx.lang, k('addressLabel'))}</dt><dd>${h.address}</dd></div>
</dl>`;
}

export function householdPage(
  ctx: PageContext,
  view: { household: RegisterHousehold; ward: Ward | undefined; events: LifeEventEntry[] },
): string {
  const h = view.household;
  const title = t(ctx.lang, k('householdTitle'), { id: h.id });
  return renderPage(ctx, {
    title,
    breadcrumbs: crumbs(ctx),
    body: html`${pageHeading({ text: title, lead: th(ctx.lang, k('householdLead')) })}
${householdFacts(ctx, h, view.ward)}
<h2 id="members-title">${th(ctx.lang, k('membersTitle'), { count: h.members.length })}</h2>
<div class="table-scroll"><table class="table" aria-labelledby="members-title" data-members>
<thead><tr><th scope="col">${th(ctx.lang, k('colResidentId'))}</th><th scope="col">${th(ctx.lang, k('colName'))}</th><th scope="col">${th(ctx.lang, k('colRelationship'))}</th><th scope="col">${th(ctx.lang, k('colBirthDate'))}</th><th scope="col">${th(ctx.lang, k('colSex'))}</th><th scope="col">${th(ctx.lang, k('colCertificate'))}</th></tr></thead>
<tbody>${h.members.map(
      (m) =>
        html`<tr data-member="${m.id}"><td>${m.id}</td><td>${fullName(m)}<br><span class="form-field__hint">${m.familyNameKana} ${m.givenNameKana}</span></td><td>${relationshipName(ctx.lang, m.relationship)}</td><td>${day(ctx.lang, m.birthDate)}</td><td>${th(ctx.lang, k(`sex_${m.sex}`))}</td><td>${certificateOf(ctx.lang, m)}</td></tr>`,
    )}</tbody>
</table></div>
<h2>${th(ctx.lang, k('actionsTitle'))}</h2>
<ul class="link-list-plain">
<li><a href="${householdPath(h.id)}/birth">${th(ctx.lang, k('startBirth'))}</a></li>
<li><a href="${householdPath(h.id)}/pregnancy">${th(ctx.lang, k('startPregnancy'))}</a></li>
<li><a href="${householdPath(h.id)}/certificate">${th(ctx.lang, k('startCertificate'))}</a></li>
</ul>
<h2 id="household-events-title">${th(ctx.lang, k('householdEventsTitle'))}</h2>
${
  view.events.length === 0
    ? html`<p>${th(ctx.lang, k('householdEventsNone'))}</p>`
    : eventsTable(ctx, view.events, th(ctx.lang, k('householdEventsTitle')), false)
}`,
  });
}

interface FieldOptions {
  hintKey?: string;
  required?: boolean;
  inputmode?: 'numeric' | 'text';
  autocomplete?: string;
  fallback?: string;
  label?: string;
}

function field(
  ctx: PageContext,
  state: FormState,
  form: string,
  name: string,
  labelKey: string,
  opts: FieldOptions = {},
): SafeHtml {
  const error = errorOf(state, name);
  return textInput({
    id: idOf(form, name),
    name,
    label: opts.label ?? t(ctx.lang, k(labelKey)),
    ...(opts.hintKey ? { hint: t(ctx.lang, k(opts.hintKey)) } : {}),
    value: fieldValue(state, name, opts.fallback ?? ''),
    required: opts.required ?? true,
    requiredLabel: t(ctx.lang, 'platform.apiRequired'),
    autocomplete: opts.autocomplete ?? 'off',
    ...(opts.inputmode ? { inputmode: opts.inputmode } : {}),
    ...(error ? { error } : {}),
  });
}

function radios(
  ctx: PageContext,
  state: FormState,
  form: string,
  name: string,
  legend: string,
  options: { value: string; label: string; hint?: string }[],
  opts: { hintKey?: string; fallback?: string } = {},
): SafeHtml {
  const error = errorOf(state, name);
  const chosen = fieldValue(state, name, opts.fallback ?? '');
  return choices({
    id: idOf(form, name),
    name,
    legend,
    type: 'radio',
    options,
    chosen: chosen ? [chosen] : [],
    required: true,
    requiredLabel: t(ctx.lang, 'platform.apiRequired'),
    ...(opts.hintKey ? { hint: t(ctx.lang, k(opts.hintKey)) } : {}),
    ...(error ? { error } : {}),
  });
}

function select(
  ctx: PageContext,
  state: FormState,
  form: string,
  name: string,
  label: string,
  options: { value: string; label: string }[],
  opts: { hintKey?: string; fallback?: string } = {},
): SafeHtml {
  const error = errorOf(state, name);
  const id = idOf(form, name);
  const chosen = fieldValue(state, name, opts.fallback ?? '');
  const hintId = opts.hintKey ? `${id}-hint` : undefined;
  const describedBy = [hintId, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return html`<div class="form-field${error ? ' form-field--error' : ''}">
<label class="form-field__label" for="${id}">${label} <span class="form-field__required">${t(ctx.lang, 'platform.apiRequired')}</span></label>
${hintId ? html`<p class="form-field__hint" id="${hintId}">${th(ctx.lang, k(opts.hintKey!))}</p>` : ''}
${error ? html`<p class="form-field__error" id="${id}-error">${error}</p>` : ''}
<select class="form-field__select" id="${id}" name="${name}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}>
<option value=""${chosen === '' ? html` selected` : ''}>${t(ctx.lang, k('chooseOption'))}</option>
${options.map((o) => html`<option value="${o.value}"${o.value === chosen ? html` selected` : ''}>${o.label}</option>`)}
</select>
</div>`;
}

const sexOptions = (ctx: PageContext) => [
  { value: '1', label: t(ctx.lang, k('sex_1')) },
  { value: '2', label: t(ctx.lang, k('sex_2')) },
];

const memberLabel = (ctx: PageContext, m: RegisterMember) =>
  `${fullName(m)}（${relationshipName(ctx.lang, m.relationship)}、${day(ctx.lang, m.birthDate)}）`;

/** A form of one household's notification: heading, the household, the fields, the key, the buttons. */
function householdForm(
  ctx: PageContext,
  h: RegisterHousehold,
  ward: Ward | undefined,
  page: { form: string; titleKey: string; lead: SafeHtml; submitKey: string; key: string },
  state: FormState,
  fields: SafeHtml,
): string {
  const title = t(ctx.lang, k(page.titleKey));
  return renderPage(ctx, {
    title: titled(ctx, state, title),
    breadcrumbs: crumbs(ctx, h.id),
    body: html`${summary(ctx, page.form, state)}
${pageHeading({ text: title, caption: t(ctx.lang, k('householdTitle'), { id: h.id }), lead: page.lead })}
${householdFacts(ctx, h, ward)}
<form method="post" action="${householdPath(h.id)}/${page.form}" novalidate data-form="${page.form}">
${csrfInput(ctx)}
<input type="hidden" name="key" value="${page.key}">
${fields}
${button({ text: t(ctx.lang, k(page.submitKey)) })}
</form>
<p><a href="${householdPath(h.id)}">${th(ctx.lang, k('cancel'))}</a></p>`,
  });
}

export interface HouseholdFormView {
  household: RegisterHousehold;
  ward: Ward | undefined;
  /** The form's idempotency key (kept when the form comes back with errors). */
  key: string;
  today: string;
}

export function birthPage(ctx: PageContext, v: HouseholdFormView, state: FormState = {}): string {
  const h = v.household;
  const women = h.members.filter((m) => m.sex === '2');
  const mothers = [
    ...women.map((m) => ({ value: m.id, label: memberLabel(ctx, m) })),
    { value: 'none', label: t(ctx.lang, k('motherNone')) },
  ];
  const form = 'birth';
  const head = h.members.find((m) => m.relationship === '世帯主');
  return householdForm(
    ctx,
    h,
    v.ward,
    {
      form,
      titleKey: 'birthTitle',
      lead: th(ctx.lang, k('birthLead'), { id: h.id }),
      submitKey: 'birthSubmit',
      key: v.key,
    },
    state,
    html`${radios(ctx, state, form, 'motherId', t(ctx.lang, k('fieldMother')), mothers, {
      hintKey: 'fieldMotherHint',
      fallback: women.length === 1 ? women[0]!.id : '',
    })}
<fieldset class="form-group"><legend class="form-group__legend">${th(ctx.lang, k('childLegend'))}</legend>
${field(ctx, state, form, 'familyName', 'fieldFamilyName', { fallback: head?.familyName ?? '' })}
${field(ctx, state, form, 'givenName', 'fieldGivenName')}
${field(ctx, state, form, 'familyNameKana', 'fieldFamilyNameKana', { hintKey: 'fieldKanaHint', fallback: head?.familyNameKana ?? '' })}
${field(ctx, state, form, 'givenNameKana', 'fieldGivenNameKana', { hintKey: 'fieldKanaHint' })}
${field(ctx, state, form, 'birthDate', 'fieldBirthDate', { hintKey: 'fieldDateHint' })}
${radios(ctx, state, form, 'sex', t(ctx.lang, k('fieldSex')), sexOptions(ctx))}
${field(ctx, state, form, 'nationality', 'fieldNationality', { hintKey: 'fieldNationalityHint', required: false, fallback: 'JP' })}
</fieldset>`,
  );
}

export function pregnancyPage(ctx: PageContext, v: HouseholdFormView, state: FormState = {}): string {
  const h = v.household;
  const women = h.members.filter((m) => m.sex === '2');
  const form = 'pregnancy';
  const page = {
    form,
    titleKey: 'pregnancyTitle',
    lead: th(ctx.lang, k('pregnancyLead')),
    submitKey: 'pregnancySubmit',
    key: v.key,
  };
  if (women.length === 0) {
    const title = t(ctx.lang, k(page.titleKey));
    return renderPage(ctx, {
      title,
      breadcrumbs: crumbs(ctx, h.id),
      body: html`${pageHeading({ text: title, caption: t(ctx.lang, k('householdTitle'), { id: h.id }) })}
<p>${th(ctx.lang, k('noWomen'))}</p>
<p><a href="${householdPath(h.id)}">${th(ctx.lang, k('backToHousehold'))}</a></p>`,
    });
  }
  return householdForm(
    ctx,
    h,
    v.ward,
    page,
    state,
    html`${radios(
      ctx,
      state,
      form,
      'residentId',
      t(ctx.lang, k('fieldExpectant')),
      women.map((m) => ({ value: m.id, label: memberLabel(ctx, m) })),
      { fallback: women.length === 1 ? women[0]!.id : '' },
    )}
${field(ctx, state, form, 'notifiedOn', 'fieldNotifiedOn', { hintKey: 'fieldDateHint', fallback: v.today })}
${field(ctx, state, form, 'expectedDeliveryDate', 'fieldExpectedDelivery', { hintKey: 'fieldExpectedDeliveryHint' })}`,
  );
}

export function certificatePage(ctx: PageContext, v: HouseholdFormView, state: FormState = {}): string {
  const h = v.household;
  const form = 'certificate';
  return householdForm(
    ctx,
    h,
    v.ward,
    {
      form,
      titleKey: 'certificateTitle',
      lead: th(ctx.lang, k('certificateLead')),
      submitKey: 'certificateSubmit',
      key: v.key,
    },
    state,
    html`${radios(
      ctx,
      state,
      form,
      'residentId',
      t(ctx.lang, k('fieldHolder')),
      h.members.map((m) => ({ value: m.id, label: memberLabel(ctx, m) })),
      { hintKey: 'fieldHolderHint', fallback: h.members.length === 1 ? h.members[0]!.id : '' },
    )}
${radios(
  ctx,
  state,
  form,
  'certificate',
  t(ctx.lang, k('fieldCertificate')),
  Object.keys(certificates).map((c) => ({ value: c, label: t(ctx.lang, k(`cert_${c}`)) })),
)}
${field(ctx, state, form, 'grade', 'fieldGrade', { hintKey: 'fieldGradeHint' })}
${field(ctx, state, form, 'issuedOn', 'fieldIssuedOn', { hintKey: 'fieldDateHint', fallback: v.today })}`,
  );
}

export interface MoveInView {
  wards: Ward[];
  /** Rows of the members' part of the form. */
  rows: number;
  key: string;
  /** The ward chosen when the form opens (the staff member's own). */
  ward: string | undefined;
  today: string;
}

export function moveInPage(ctx: PageContext, v: MoveInView, state: FormState = {}): string {
  const form = 'move-in';
  const title = t(ctx.lang, k('moveInPageTitle'));
  const rows = Math.min(Math.max(v.rows, 1), maxMembers);
  const member = (i: number) => {
    const name = (f: string) => `members.${i}.${f}`;
    return html`<fieldset class="form-group form-repeat__item" data-member-row="${i}"><legend class="form-group__legend">${th(ctx.lang, k('memberLegend'), { n: i + 1 })}</legend>
${select(
  ctx,
  state,
  form,
  name('relationship'),
  t(ctx.lang, k('fieldRelationship')),
  relationships.map((r) => ({ value: r, label: relationshipName(ctx.lang, r) })),
  { ...(i === 0 ? { hintKey: 'fieldRelationshipHint' } : {}), fallback: i === 0 ? '世帯主' : '' },
)}
${field(ctx, state, form, name('familyName'), 'fieldFamilyName')}
${field(ctx, state, form, name('givenName'), 'fieldGivenName')}
${field(ctx, state, form, name('familyNameKana'), 'fieldFamilyNameKana', { hintKey: 'fieldKanaHint' })}
${field(ctx, state, form, name('givenNameKana'), 'fieldGivenNameKana', { hintKey: 'fieldKanaHint' })}
${field(ctx, state, form, name('birthDate'), 'fieldBirthDate', { hintKey: 'fieldDateHint' })}
${radios(ctx, state, form, name('sex'), t(ctx.lang, k('fieldSex')), sexOptions(ctx))}
${field(ctx, state, form, name('nationality'), 'fieldNationality', { hintKey: 'fieldNationalityHint', required: false })}
</fieldset>`;
  };
  return renderPage(ctx, {
    title: titled(ctx, state, title),
    breadcrumbs: crumbs(ctx),
    body: html`${summary(ctx, form, state)}
${pageHeading({ text: title, lead: th(ctx.lang, k('moveInPageLead')) })}
<form method="post" action="${moveInPath}" novalidate data-form="${form}">
${csrfInput(ctx)}
<input type="hidden" name="key" value="${v.key}">
<input type="hidden" name="rows" value="${rows}">
<fieldset class="form-group"><legend class="form-group__legend">${th(ctx.lang, k('householdLegend'))}</legend>
${select(
  ctx,
  state,
  form,
  'wardCode',
  t(ctx.lang, k('fieldWard')),
  v.wards.map((w) => ({ value: w.code, label: ctx.lang === 'en' ? w.nameEn : w.nameJa })),
  { fallback: v.ward ?? '' },
)}
${field(ctx, state, form, 'postalCode', 'fieldPostalCode', { hintKey: 'fieldPostalCodeHint', inputmode: 'numeric' })}
${field(ctx, state, form, 'address', 'fieldAddress', { hintKey: 'fieldAddressHint' })}
${select(
  ctx,
  state,
  form,
  'incomeBand',
  t(ctx.lang, k('fieldIncomeBand')),
  Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
  { hintKey: 'fieldIncomeBandHint' },
)}
${field(ctx, state, form, 'movedInOn', 'fieldMovedInOn', { hintKey: 'fieldDateHint', fallback: v.today })}
</fieldset>
${Array.from({ length: rows }, (_, i) => member(i))}
${rows < maxMembers ? html`<p>${button({ text: t(ctx.lang, k('moreRows')), variant: 'secondary', name: 'action', value: 'more' })}</p>` : ''}
${button({ text: t(ctx.lang, k('moveInSubmit')), name: 'action', value: 'record' })}
</form>
<p><a href="${lifeEventsPath}">${th(ctx.lang, k('backToStart'))}</a></p>`,
  });
}

export function recordedPage(
  ctx: PageContext,
  v: { entries: LifeEventEntry[]; repeated: boolean; ward: Ward | undefined },
): string {
  const first = v.entries[0]!;
  const kind = first.kind as LifeEventKind;
  const title = t(ctx.lang, k('recordedTitle'), { kind: t(ctx.lang, k(`kind_${kind}`)) });
  const details = detailsText(ctx.lang, first);
  const wardName = v.ward ? (ctx.lang === 'en' ? v.ward.nameEn : v.ward.nameJa) : first.wardCode;
  return renderPage(ctx, {
    title,
    breadcrumbs: crumbs(ctx),
    body: html`${notificationBanner({
      kind: 'success',
      title,
      body: html`<p>${th(ctx.lang, v.repeated ? k('recordedRepeated') : k('recordedLead'))}</p>`,
    })}
${pageHeading({ text: th(ctx.lang, k('recordedSummary')) })}
<dl class="summary-list" data-recorded="${kind}">
<div><dt>${th(ctx.lang, k('colKind'))}</dt><dd>${th(ctx.lang, k(`kind_${kind}`))}</dd></div>
<div><dt>${th(ctx.lang, k('colHousehold'))}</dt><dd><a href="${householdPath(first.householdId)}">${first.householdId}</a>（${wardName}）</dd></div>
<div><dt>${th(ctx.lang, k(`dateOf_${kind}`))}</dt><dd data-recorded-date>${day(ctx.lang, first.date)}</dd></div>
${details ? html`<div><dt>${th(ctx.lang, k('colDetails'))}</dt><dd data-recorded-details>${details}</dd></div>` : ''}
</dl>
<h2 id="recorded-people">${th(ctx.lang, k('recordedPeople'), { count: v.entries.length })}</h2>
<div class="table-scroll"><table class="table" aria-labelledby="recorded-people" data-recorded-people>
<thead><tr><th scope="col">${th(ctx.lang, k('colResidentId'))}</th><th scope="col">${th(ctx.lang, k('colName'))}</th><th scope="col">${th(ctx.lang, k('colRelationship'))}</th></tr></thead>
<tbody>${v.entries.map(
      (e) =>
        html`<tr data-resident="${e.residentId}"><td>${e.residentId}</td><td>${fullName(e)}</td><td>${relationshipName(ctx.lang, e.relationship)}</td></tr>`,
    )}</tbody>
</table></div>
<ul class="link-list-plain">
<li><a href="${householdPath(first.householdId)}">${th(ctx.lang, k('backToHousehold'))}</a></li>
<li><a href="${lifeEventsPath}">${th(ctx.lang, k('backToStart'))}</a></li>
</ul>`,
  });
}

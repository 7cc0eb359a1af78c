// A signed-in resident's notification settings: topics, ward, language and year of birth apply to every
// subscriber row of their account (inbox, LINE, Web Push, e-mail), so whatever channel a notice takes it
// reaches the same person for the same reasons. The inbox row always exists (it is where personal notices
// land); the checkbox only says whether topic notices come there too. The e-mail field names the one
// address that gets notices: a new address is confirmed by mail first (subscribeEmail), and an address
// taken out of the field stops at once. Saving twice changes nothing more: rows are keyed by (tenant,
// channel, address).
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { RequestMeta } from '../../../platform/http/respond.ts';
import { t } from '../../../platform/i18n/i18n.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { listWards } from '../../organisation/index.ts';
import { auditSubscriber } from '../audit.ts';
import { type Language, languages, topics } from '../delivery/segment.ts';
import { k } from '../pages/resident-messages.ts';
import { emailProblem, normaliseEmail, subscribeEmail } from './subscribe-email.ts';

export interface Preferences {
  topics: string[];
  wardCode: string | null;
  language: Language;
  birthYear: number | null;
}

/** The form's fields as the browser sends them. */
export interface PreferencesForm {
  topics?: string[] | undefined;
  ward?: string | undefined;
  language?: string | undefined;
  birthYear?: string | undefined;
}

/** A problem with the form: the field it belongs to and the message key (notifications.<key>). */
export interface Problem {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

/** Channels the settings form turns on and off (e-mail is the address field). */
export const switchableChannels = ['inbox', 'line', 'webpush'] as const;
/** Channels that may also carry personal notices by choice (the inbox always does). */
export const personalChannels = ['email', 'line', 'webpush'] as const;

const japanYearNow = () => Number(new Date(Date.now() + 9 * 3600_000).getUTCFullYear());

/** The form read and checked; every problem named at once. */
export function parsePreferences(
  form: PreferencesForm,
  wardCodes: readonly string[],
): { value: Preferences; problems: Problem[] } {
  const problems: Problem[] = [];
  const chosen = [...new Set((form.topics ?? []).map((v) => v.trim()).filter((v) => v))];
  if (chosen.some((v) => !(topics as readonly string[]).includes(v)))
    problems.push({ field: 'topics', key: 'topicUnknown' });
  const ward = (form.ward ?? '').trim();
  if (ward !== '' && !wardCodes.includes(ward)) problems.push({ field: 'ward', key: 'wardUnknown' });
  const language = (form.language ?? 'ja').trim() || 'ja';
  if (!(languages as readonly string[]).includes(language))
    problems.push({ field: 'language', key: 'languageUnknown' });
  const rawYear = (form.birthYear ?? '').normalize('NFKC').trim();
  let birthYear: number | null = null;
  if (rawYear !== '') {
    const year = japanYearNow();
    if (!/^\d{4}$/.test(rawYear)) problems.push({ field: 'birthYear', key: 'birthYearInvalid' });
    else if (Number(rawYear) < 1900 || Number(rawYear) > year) {
      problems.push({ field: 'birthYear', key: 'birthYearRange', params: { year } });
    } else birthYear = Number(rawYear);
  }
  return {
    value: {
      topics: topics.filter((x) => chosen.includes(x)),
      wardCode: ward === '' || !wardCodes.includes(ward) ? null : ward,
      language: ((languages as readonly string[]).includes(language) ? language : 'ja') as Language,
      birthYear,
    },
    problems,
  };
}

/** Values from a closed list: the first problem when one is not on it. */
export function listProblem(values: string[], allowed: readonly string[], field: string, key: string): Problem[] {
  return values.some((v) => !allowed.includes(v)) ? [{ field, key }] : [];
}

/** Problems as the use case reports them: Japanese messages on their fields. */
export function validationError(problems: Problem[]): AppError {
  const errors = problems.map((p) => ({ field: p.field, message: t('ja', k(p.key), p.params ?? {}) }));
  return new AppError('validation_failed', errors[0]?.message, { errors });
}

export interface AccountChannels {
  /** The account's preferences, undefined before the first save. */
  preferences: Preferences | undefined;
  inbox: boolean;
  email: { address: string; personal: boolean } | undefined;
  line: { status: string; personal: boolean } | undefined;
  webpush: { devices: number; personal: boolean } | undefined;
}

interface Row {
  channel: string;
  address: string;
  status: string;
  personal: boolean;
  topics: string[];
  ward_code: string | null;
  language: Language;
  birth_year: number | null;
}

const preferencesOf = (row: Row): Preferences => ({
  topics: row.topics,
  wardCode: row.ward_code,
  language: row.language,
  birthYear: row.birth_year,
});

/** What the settings page shows a signed-in resident: their preferences and each channel's state. */
export async function readPreferences(
  deps: { db: Kysely<any> },
  input: { tenantId: string; accountId: string },
): Promise<AccountChannels> {
  const rows = (await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('msg_subscribers')
      .select(['channel', 'address', 'status', 'personal', 'topics', 'ward_code', 'language', 'birth_year'])
      .where('account_id', '=', input.accountId)
      .orderBy('updated_at', 'desc')
      .execute(),
  )) as Row[];
  const inbox = rows.find((r) => r.channel === 'inbox');
  const email = rows.find((r) => r.channel === 'email' && r.status === 'active');
  const line = rows.find((r) => r.channel === 'line' && r.status !== 'gone');
  const pushes = rows.filter((r) => r.channel === 'webpush' && r.status === 'active');
  const source = inbox ?? rows[0];
  return {
    preferences: source ? preferencesOf(source) : undefined,
    inbox: inbox ? inbox.status === 'active' : true,
    email: email ? { address: email.address, personal: email.personal } : undefined,
    line: line ? { status: line.status, personal: line.personal } : undefined,
    webpush: pushes.length > 0 ? { devices: pushes.length, personal: pushes.some((r) => r.personal) } : undefined,
  };
}

export interface SavePreferencesInput {
  tenantId: string;
  accountId: string;
  form: PreferencesForm;
  /** The e-mail field: the one address that should get notices, or '' for none. */
  email: string;
  /** Of switchableChannels. */
  channels: string[];
  /** Of personalChannels. */
  personal: string[];
  /**
   * The channels the form showed a switch for. One linked or registered after the page was loaded (a LINE
   * code sent, the push button pressed) was not on it: it takes the new topics but is not switched off.
   */
  shown: string[];
  /** Origin the links in a confirmation mail point to. */
  origin: string;
  meta: RequestMeta;
}

/** The whole settings form checked at once: preferences, the e-mail field and the channel lists. */
export function checkSettings(
  input: { form: PreferencesForm; email: string; channels?: string[]; personal?: string[]; emailRequired: boolean },
  wardCodes: readonly string[],
): { preferences: Preferences; email: string; problems: Problem[] } {
  const parsed = parsePreferences(input.form, wardCodes);
  const email = normaliseEmail(input.email);
  const emailKey = email === '' && !input.emailRequired ? undefined : emailProblem(email);
  return {
    preferences: parsed.value,
    email,
    problems: [
      ...parsed.problems,
      ...(emailKey ? [{ field: 'email', key: emailKey }] : []),
      ...listProblem(input.channels ?? [], switchableChannels, 'channels', 'channelUnknown'),
      ...listProblem(input.personal ?? [], personalChannels, 'personal', 'personalUnknown'),
    ],
  };
}

export async function savePreferences(
  deps: { db: Kysely<any>; jobs: Jobs },
  input: SavePreferencesInput,
): Promise<{ emailRequested: boolean }> {
  const wards = await listWards(deps, { tenantId: input.tenantId });
  const checked = checkSettings(
    { ...input, emailRequired: false },
    wards.map((w) => w.code),
  );
  if (checked.problems.length > 0) throw validationError(checked.problems);
  const { email, preferences: p } = checked;
  const on = new Set(input.channels);
  const personal = new Set(input.personal);

  const emailRequested = await withTenant(deps.db, input.tenantId, async (trx) => {
    // Two saves at once (a double click) take turns, so the last one wins whole.
    await sql`select pg_advisory_xact_lock(hashtext(${`msg-preferences:${input.accountId}`}))`.execute(trx);
    await sql`insert into msg_subscribers (tenant_id, channel, address, account_id, topics, ward_code, language,
        birth_year, status, personal)
      values (${input.tenantId}, 'inbox', ${input.accountId}, ${input.accountId}::uuid, ${p.topics}::text[],
        ${p.wardCode}, ${p.language}, ${p.birthYear}::integer, ${on.has('inbox') ? 'active' : 'unsubscribed'}, true)
      on conflict (tenant_id, channel, address) do update set topics = excluded.topics,
        ward_code = excluded.ward_code, language = excluded.language, birth_year = excluded.birth_year,
        status = excluded.status, account_id = excluded.account_id, personal = true, updated_at = now()`.execute(trx);
    // LINE and Web Push: chosen turns a stopped row back on; not chosen stops it. Blocked and gone stay so:
    // only the person (unblocking in LINE, subscribing again in the browser) can undo those.
    for (const channel of ['line', 'webpush'] as const) {
      const switched = input.shown.includes(channel);
      await sql`update msg_subscribers set topics = ${p.topics}::text[], ward_code = ${p.wardCode},
          language = ${p.language}, birth_year = ${p.birthYear}::integer,
          personal = case when ${switched}::boolean then ${personal.has(channel)}::boolean else personal end,
          status = case
            when not ${switched}::boolean then status
            when ${on.has(channel)}::boolean and status = 'unsubscribed' then 'active'
            when not ${on.has(channel)}::boolean and status = 'active' then 'unsubscribed'
            else status end,
          updated_at = now()
        where account_id = ${input.accountId}::uuid and channel = ${channel}`.execute(trx);
    }
    // E-mail: the address in the field keeps going; any other address of the account stops.
    const kept = await sql<{ address: string; status: string }>`update msg_subscribers set topics = ${p.topics}::text[],
        ward_code = ${p.wardCode}, language = ${p.language}, birth_year = ${p.birthYear}::integer,
        personal = ${personal.has('email')}::boolean,
        status = case when address = ${email} then status when status in ('active', 'pending') then 'unsubscribed'
          else status end,
        updated_at = now()
      where account_id = ${input.accountId}::uuid and channel = 'email'
      returning address, status`.execute(trx);
    await auditSubscriber(
      trx,
      { tenantId: input.tenantId, accountId: input.accountId, meta: input.meta },
      {
        action: 'messaging.preferences.saved',
        resourceId: input.accountId,
        details: { topics: p.topics, channels: [...on], personal: [...personal], email: email !== '' },
      },
    );
    return email !== '' && !kept.rows.some((r) => r.address === email && r.status === 'active');
  });
  if (emailRequested) {
    await subscribeEmail(deps, {
      tenantId: input.tenantId,
      email,
      accountId: input.accountId,
      preferences: p,
      personal: personal.has('email'),
      origin: input.origin,
      meta: input.meta,
    });
  }
  return { emailRequested };
}

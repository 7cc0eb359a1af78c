// CKAN's q and fq as clients send them: the Solr (Lucene) query syntax over the fields CKAN indexes.
// `organization:somu-kikaku.digital tags:"子育て 支援" -res_format:PDF license_id:(cc-by-4.0 OR pdl-1.0)`.
// Terms side by side, with AND, && or + must all match (CKAN's Solr schema makes AND the default); OR and ||
// join alternatives (OR binds looser than AND); -, ! and NOT negate; parentheses group. A bare word
// searches the text (Solr's default field). Values are compared exactly as CKAN's string fields are, except
// res_format, which ignores case (csv = CSV). Dates take ranges: metadata_modified:[2024-04-01T00:00:00Z TO *],
// NOW, NOW-7DAYS, NOW/DAY. Wildcards inside values, fuzzy (~), boosts (^) and other fields are refused with
// a SearchQueryError naming what is wrong, as Solr refuses them, so a client never gets a silent wrong answer.
import { type SearchParameter, SearchQueryError } from './errors.ts';

/**
 * Fields compared exactly. owner_org is CKAN's id of the organization; here that is its name too. state
 * (like capacity) only narrows: what the search may show is decided by include_private and include_drafts.
 */
export const exactFields = [
  'organization',
  'tags',
  'groups',
  'res_format',
  'license_id',
  'name',
  'id',
  'dataset_type',
  'capacity',
  'state',
] as const;
export type ExactField = (typeof exactFields)[number];
export const dateFields = ['metadata_modified', 'metadata_created'] as const;
export type DateField = (typeof dateFields)[number];
/** text: everything searchable (Solr's default field); title: the title and name only. */
export const textFields = ['text', 'title'] as const;
export type TextField = (typeof textFields)[number];

const aliases: Record<string, ExactField> = { owner_org: 'organization' };
const knownFields = [...exactFields, 'owner_org', ...dateFields, ...textFields];

export const dateUnits = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
export type DateUnit = (typeof dateUnits)[number];

/** An instant in a range: a fixed time (ISO 8601, UTC unless it says otherwise) or NOW with date math. */
export type DateBound =
  | { kind: 'instant'; iso: string }
  | { kind: 'now'; steps: ({ op: '+' | '-'; amount: number; unit: DateUnit } | { op: '/'; unit: DateUnit })[] };

export type SearchNode =
  | { kind: 'all' }
  | { kind: 'and'; nodes: SearchNode[] }
  | { kind: 'or'; nodes: SearchNode[] }
  | { kind: 'not'; node: SearchNode }
  | { kind: 'match'; field: ExactField; value: string }
  | { kind: 'exists'; field: ExactField }
  | {
      kind: 'range';
      field: DateField;
      from: DateBound | null;
      to: DateBound | null;
      fromInclusive: boolean;
      toInclusive: boolean;
    }
  | { kind: 'text'; field: TextField; value: string; phrase: boolean };

type Field = ExactField | DateField | TextField;
/** A bare word as read: unescaped text, where its first unescaped colon is, and the unescaped specials. */
interface Bare {
  text: string;
  colon: number;
  specials: { char: string; index: number; at: number }[];
}
const isExact = (f: Field): f is ExactField => (exactFields as readonly string[]).includes(f);
const isDate = (f: Field): f is DateField => (dateFields as readonly string[]).includes(f);

const keywords = { AND: 'and', '&&': 'and', OR: 'or', '||': 'or', NOT: 'not' } as const;
type Keyword = (typeof keywords)[keyof typeof keywords];

class Parser {
  private pos = 0;
  private readonly input: string;
  private readonly parameter: SearchParameter;

  constructor(input: string, parameter: SearchParameter) {
    this.input = input;
    this.parameter = parameter;
  }

  parse(): SearchNode {
    const node = this.parseOr(undefined);
    this.skipSpace();
    if (this.pos < this.input.length) {
      this.fail(
        `${this.pos + 1} 文字目の「)」に対応する「(」がありません。`,
        `the ")" at character ${this.pos + 1} has no matching "(".`,
      );
    }
    return node;
  }

  private fail(ja: string, en: string): never {
    throw new SearchQueryError(
      this.parameter,
      `検索条件（${this.parameter}）を読めません: ${ja}`,
      `Invalid ${this.parameter}: ${en}`,
    );
  }

  private skipSpace(): void {
    while (this.pos < this.input.length && /\s/.test(this.input[this.pos]!)) this.pos++;
  }

  /** The operator word at the cursor (AND, OR, NOT, &&, ||) when it stands alone, without moving. */
  private keyword(): { op: Keyword; length: number } | undefined {
    for (const [word, op] of Object.entries(keywords)) {
      if (!this.input.startsWith(word, this.pos)) continue;
      const after = this.input[this.pos + word.length];
      // Words must stand alone (ANDROID is a word); && and || need not.
      if (after === undefined || !/^[A-Z]/.test(word) || /[\s("+\-!]/.test(after)) return { op, length: word.length };
    }
    return undefined;
  }

  private parseOr(field: Field | undefined): SearchNode {
    const nodes = [this.parseAnd(field)];
    for (;;) {
      this.skipSpace();
      const kw = this.keyword();
      if (kw?.op !== 'or') break;
      this.pos += kw.length;
      nodes.push(this.parseAnd(field));
    }
    return nodes.length === 1 ? nodes[0]! : { kind: 'or', nodes };
  }

  private parseAnd(field: Field | undefined): SearchNode {
    const nodes = [this.parseUnary(field)];
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.input.length || this.input[this.pos] === ')') break;
      const kw = this.keyword();
      if (kw?.op === 'or') break;
      if (kw?.op === 'and') this.pos += kw.length;
      nodes.push(this.parseUnary(field));
    }
    return nodes.length === 1 ? nodes[0]! : { kind: 'and', nodes };
  }

  private parseUnary(field: Field | undefined): SearchNode {
    this.skipSpace();
    const c = this.input[this.pos];
    if (c === undefined || c === ')') {
      this.fail(
        c === undefined ? '条件が途中で終わっています。' : `${this.pos + 1} 文字目の「)」の前に条件がありません。`,
        c === undefined
          ? 'the query ends where a term was expected.'
          : `no term before the ")" at character ${this.pos + 1}.`,
      );
    }
    if (c === '+') {
      this.pos++;
      return this.parseUnary(field);
    }
    if (c === '-' || c === '!') {
      this.pos++;
      return { kind: 'not', node: this.parseUnary(field) };
    }
    const kw = this.keyword();
    if (kw?.op === 'not') {
      this.pos += kw.length;
      return { kind: 'not', node: this.parseUnary(field) };
    }
    if (kw) {
      const word = this.input.slice(this.pos, this.pos + kw.length);
      this.fail(
        `${this.pos + 1} 文字目の ${word} の前に条件がありません。`,
        `no term before ${word} at character ${this.pos + 1}.`,
      );
    }
    return this.parsePrimary(field);
  }

  private parsePrimary(field: Field | undefined): SearchNode {
    const c = this.input[this.pos]!;
    if (c === '(') {
      const open = this.pos++;
      const node = this.parseOr(field);
      this.skipSpace();
      if (this.input[this.pos] !== ')') {
        this.fail(`${open + 1} 文字目の「(」が閉じていません。`, `the "(" at character ${open + 1} is not closed.`);
      }
      this.pos++;
      return node;
    }
    if (c === '"') return this.clause(field ?? 'text', this.readQuoted(), true);
    if (c === '[' || c === '{') return this.range(field ?? 'text');
    const start = this.pos;
    const term = this.readBare();
    if (field === undefined && term.text === '*:*' && term.colon === 1) return { kind: 'all' };
    if (term.colon < 0) return this.valueClause(field ?? 'text', term, 0);
    if (field !== undefined) {
      this.fail(
        `${start + 1} 文字目: 「${field}:(…)」の中に別の項目は書けません。値の「:」は \\: と書いてください。`,
        `character ${start + 1}: a field cannot appear inside "${field}:(…)"; write a colon in a value as \\:.`,
      );
    }
    const name = term.text.slice(0, term.colon);
    const inner = this.fieldOf(name, start);
    if (term.text.length > term.colon + 1) return this.valueClause(inner, term, term.colon + 1);
    // `field:` followed by a group, a phrase, a range or (after spaces) a word.
    this.skipSpace();
    const next = this.input[this.pos];
    if (next === undefined || next === ')') {
      this.fail(`「${name}:」の後に値がありません。`, `"${name}:" has no value.`);
    }
    if (next === '(') return this.parsePrimary(inner);
    if (next === '"') return this.clause(inner, this.readQuoted(), true);
    if (next === '[' || next === '{') return this.range(inner);
    const valueStart = this.pos;
    const value = this.readBare();
    if (value.colon >= 0) {
      this.fail(
        `${valueStart + 1} 文字目: 値の「:」は \\: と書くか、値を "…" で囲んでください。`,
        `character ${valueStart + 1}: escape a colon in a value as \\: or quote the value.`,
      );
    }
    return this.valueClause(inner, value, 0);
  }

  private fieldOf(name: string, at: number): Field {
    if (Object.hasOwn(aliases, name)) return aliases[name]!;
    if (!knownFields.includes(name)) {
      this.fail(
        `${at + 1} 文字目の項目「${name}」では検索できません。使える項目: ${knownFields.join(', ')}。`,
        `unknown field "${name}" at character ${at + 1}; fields you can search: ${knownFields.join(', ')}.`,
      );
    }
    return name as Field;
  }

  /** A bare word: up to a space, a parenthesis or a quote; \ escapes the next character. */
  private readBare(): Bare {
    let text = '';
    let colon = -1;
    const specials: Bare['specials'] = [];
    while (this.pos < this.input.length) {
      const c = this.input[this.pos]!;
      if (/[\s()"]/.test(c)) break;
      // `field:[` and `field:{` open a range.
      if ((c === '[' || c === '{') && colon >= 0 && colon === text.length - 1) break;
      this.pos++;
      if (c === '\\') {
        const escaped = this.input[this.pos];
        if (escaped === undefined) this.fail('最後の \\ の後に文字がありません。', 'nothing follows the final \\.');
        text += escaped;
        this.pos++;
        continue;
      }
      if (c === ':' && colon < 0) colon = text.length;
      else if (':*?~^[]{}'.includes(c)) specials.push({ char: c, index: text.length, at: this.pos - 1 });
      text += c;
    }
    return { text, colon, specials };
  }

  private readQuoted(): string {
    const open = this.pos++;
    let text = '';
    for (;;) {
      const c = this.input[this.pos++];
      if (c === undefined) {
        this.fail(`${open + 1} 文字目の「"」が閉じていません。`, `the quote at character ${open + 1} is not closed.`);
      }
      if (c === '"') break;
      text += c === '\\' && this.pos < this.input.length ? this.input[this.pos++] : c;
    }
    const after = this.input[this.pos];
    if (after === '~' || after === '^') this.unsupported(after, this.pos);
    return text;
  }

  private unsupported(char: string, at: number): never {
    const what: Record<string, [string, string]> = {
      '*': ['ワイルドカード（*）', 'wildcards (*) are'],
      '?': ['ワイルドカード（?）', 'wildcards (?) are'],
      '~': ['あいまい検索・近接検索（~）', 'fuzzy and proximity searches (~) are'],
      '^': ['重み付け（^）', 'boosts (^) are'],
    };
    const [ja, en] = what[char] ?? [`値の中の「${char}」`, `"${char}" inside a value is`];
    return this.fail(
      `${at + 1} 文字目: ${ja}は使えません。文字そのものを探すときは \\${char} と書いてください。`,
      `character ${at + 1}: ${en} not supported; escape the character as \\${char} to search for it.`,
    );
  }

  /** The value part of a bare word (from `from`): a lone unescaped * means "any value". */
  private valueClause(field: Field, term: Bare, from: number): SearchNode {
    const value = term.text.slice(from);
    const specials = term.specials.filter((s) => s.index >= from);
    if (value === '*' && specials.length === 1) return this.clause(field, '*', false, true);
    if (specials[0]) this.unsupported(specials[0].char, specials[0].at);
    return this.clause(field, value, false);
  }

  private clause(field: Field, value: string, phrase: boolean, any = false): SearchNode {
    if (isDate(field)) {
      if (any) return { kind: 'all' };
      this.fail(
        `${field} は範囲で指定してください（例: ${field}:[2024-04-01T00:00:00Z TO *]）。`,
        `${field} takes a range, e.g. ${field}:[2024-04-01T00:00:00Z TO *].`,
      );
    }
    if (isExact(field)) return any ? { kind: 'exists', field } : { kind: 'match', field, value };
    return any ? { kind: 'all' } : { kind: 'text', field, value, phrase };
  }

  private range(field: Field): SearchNode {
    const open = this.pos;
    const fromInclusive = this.input[this.pos++] === '[';
    if (!isDate(field)) {
      this.fail(
        `${open + 1} 文字目: 範囲（[… TO …]）で探せるのは ${dateFields.join(', ')} だけです。`,
        `character ${open + 1}: only ${dateFields.join(', ')} take a range ([… TO …]).`,
      );
    }
    const bound = (): DateBound | null => {
      this.skipSpace();
      const at = this.pos;
      let raw = '';
      if (this.input[this.pos] === '"') raw = this.readQuoted();
      else while (this.pos < this.input.length && !/[\s\]}]/.test(this.input[this.pos]!)) raw += this.input[this.pos++];
      if (raw === '*') return null;
      const parsed = parseDateBound(raw);
      if (!parsed) {
        this.fail(
          `${at + 1} 文字目の「${raw}」は日時として読めません（例: 2024-04-01T00:00:00Z, NOW-7DAYS, *）。`,
          `"${raw}" at character ${at + 1} is not a date (e.g. 2024-04-01T00:00:00Z, NOW-7DAYS, *).`,
        );
      }
      return parsed;
    };
    const from = bound();
    this.skipSpace();
    if (!this.input.startsWith('TO', this.pos)) {
      this.fail(`${open + 1} 文字目からの範囲に TO がありません。`, `the range at character ${open + 1} has no TO.`);
    }
    this.pos += 2;
    const to = bound();
    this.skipSpace();
    const close = this.input[this.pos];
    if (close !== ']' && close !== '}') {
      this.fail(`${open + 1} 文字目からの範囲が閉じていません。`, `the range at character ${open + 1} is not closed.`);
    }
    this.pos++;
    return { kind: 'range', field, from, to, fromInclusive, toInclusive: close === ']' };
  }
}

const unitNames: Record<string, DateUnit> = {
  YEAR: 'year',
  YEARS: 'year',
  MONTH: 'month',
  MONTHS: 'month',
  DAY: 'day',
  DAYS: 'day',
  DATE: 'day',
  HOUR: 'hour',
  HOURS: 'hour',
  MINUTE: 'minute',
  MINUTES: 'minute',
  SECOND: 'second',
  SECONDS: 'second',
};
const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** A Solr date: ISO 8601 (UTC unless it names an offset) or NOW with +/- amounts and /rounding. */
export function parseDateBound(raw: string): DateBound | undefined {
  if (raw.startsWith('NOW')) {
    const steps: Extract<DateBound, { kind: 'now' }>['steps'] = [];
    const step = /([+-])(\d{1,6})([A-Z]+)|\/([A-Z]+)/y;
    step.lastIndex = 3;
    while (step.lastIndex < raw.length) {
      const m = step.exec(raw);
      if (!m) return undefined;
      const name = m[3] ?? m[4]!;
      if (!Object.hasOwn(unitNames, name)) return undefined;
      const unit = unitNames[name]!;
      steps.push(m[4] ? { op: '/', unit } : { op: m[1] as '+' | '-', amount: Number(m[2]), unit });
    }
    return { kind: 'now', steps };
  }
  const m = isoPattern.exec(raw);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction ? `.${fraction.slice(0, 6)}` : ''}${zone}`;
  // Reject what Date would roll over (2024-02-30) or cannot hold.
  const check = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s}`) {
    return undefined;
  }
  return { kind: 'instant', iso };
}

/** fq: Solr syntax; an empty filter matches everything. Throws SearchQueryError. */
export function parseFilterQuery(fq: string | undefined): SearchNode {
  const text = (fq ?? '').trim();
  return text === '' ? { kind: 'all' } : new Parser(text, 'fq').parse();
}

// CKAN passes q to Solr's query syntax when it has a colon, else to dismax, which reads words, quotes and
// +/- and never fails. Here: a q that names a field (or is *:*) is parsed strictly, like fq; any other q is
// parsed the same way when it parses (so OR, NOT and quotes work) and otherwise read as plain words.
const fieldSyntax = /(?:^|[\s(+\-!])(?:[A-Za-z_][A-Za-z0-9_]*|\*):/;

/** q: free text, Solr syntax when it names a field; empty or *:* matches everything. */
export function parseQuery(q: string | undefined): SearchNode {
  const text = (q ?? '').trim();
  if (text === '') return { kind: 'all' };
  if (fieldSyntax.test(text)) return new Parser(text, 'q').parse();
  try {
    return new Parser(text, 'q').parse();
  } catch (error) {
    if (!(error instanceof SearchQueryError)) throw error;
    return plainWords(text);
  }
}

/** Words separated by spaces, all required; a leading - excludes a word. Punctuation is just text. */
function plainWords(text: string): SearchNode {
  const nodes: SearchNode[] = text
    .split(/\s+/)
    .filter((w) => w !== '' && w !== '-' && w !== '+')
    .map((w) => {
      if (w.startsWith('-'))
        return { kind: 'not', node: { kind: 'text', field: 'text', value: w.slice(1), phrase: false } };
      return { kind: 'text', field: 'text', value: w.replace(/^\+/, ''), phrase: false };
    });
  if (nodes.length === 0) return { kind: 'all' };
  return nodes.length === 1 ? nodes[0]! : { kind: 'and', nodes };
}

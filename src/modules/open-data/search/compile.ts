// A parsed q or fq (fq.ts) as a condition on od_datasets `d`, and the text it ranks by.
//
// Text terms: every token of the term must be in search_vector (GIN-indexable @@). Bigrams alone would also
// match 避難場所 in a text that has 避難 and 場所 far apart (or 場所 … 所 in another word), so a Japanese run of
// three or more characters must also occur as it is in search_text (strpos). That check runs only on rows
// the tokens already matched, and a run of one or two characters needs none: its tokens are exact.
import { type RawBuilder, sql } from 'kysely';
import type { DateBound, ExactField, SearchNode, TextField } from './fq.ts';
import { cut, queryTokens, quoteLexeme } from './text.ts';

/** A condition; true and false when known without the database, null when the term has nothing to search. */
type Condition = RawBuilder<boolean> | boolean | null;

export interface Compiled {
  /** The WHERE condition on `d` (true: everything). */
  where: RawBuilder<boolean>;
  /** tsquery text that scores a match (the positive text terms, any of them), or null when there are none. */
  rank: string | null;
}

export interface TextQuery {
  tsquery: string;
  /** Folded text that must occur as it is in search_text. */
  sequences: string[];
}

/** The tsquery of one text term, or null when it has nothing searchable (only punctuation or emoji). */
export function textQuery(field: TextField, value: string, phrase: boolean): TextQuery | null {
  const { text, runs } = cut(value);
  const weight = field === 'title' ? 'A' : '';
  const parts = new Set<string>();
  for (const run of runs) {
    for (const { token, prefix } of queryTokens(run)) {
      const flags = `${prefix ? '*' : ''}${weight}`;
      parts.add(`${quoteLexeme(token)}${flags ? `:${flags}` : ''}`);
    }
  }
  if (parts.size === 0) return null;
  const sequences =
    phrase && runs.length > 1
      ? [text]
      : runs.filter((r) => r.bigram && r.chars.length >= 3).map((r) => r.chars.join(''));
  return { tsquery: [...parts].join(' & '), sequences: [...new Set(sequences)] };
}

export function compileSearch(nodes: SearchNode[]): Compiled {
  const rank: string[] = [];
  const condition = and(nodes.map((node) => compile(node, true, rank)));
  return {
    where: toSql(condition),
    rank: rank.length === 0 ? null : [...new Set(rank)].map((q) => `( ${q} )`).join(' | '),
  };
}

function toSql(condition: Condition): RawBuilder<boolean> {
  if (condition === null || condition === true) return sql<boolean>`true`;
  if (condition === false) return sql<boolean>`false`;
  return condition;
}

function and(conditions: Condition[]): Condition {
  if (conditions.includes(false)) return false;
  const rest = conditions.filter((c): c is RawBuilder<boolean> | true => c !== null);
  const sqls = rest.filter((c): c is RawBuilder<boolean> => c !== true);
  if (sqls.length > 0) return sqls.length === 1 ? sqls[0]! : sql<boolean>`(${sql.join(sqls, sql` and `)})`;
  return rest.length > 0 ? true : null;
}

function or(conditions: Condition[]): Condition {
  if (conditions.includes(true)) return true;
  const sqls = conditions.filter((c): c is RawBuilder<boolean> => c !== null && c !== false);
  if (sqls.length > 0) return sqls.length === 1 ? sqls[0]! : sql<boolean>`(${sql.join(sqls, sql` or `)})`;
  return conditions.includes(false) ? false : null;
}

function compile(node: SearchNode, positive: boolean, rank: string[]): Condition {
  switch (node.kind) {
    case 'all':
      return true;
    case 'and':
      return and(node.nodes.map((n) => compile(n, positive, rank)));
    case 'or':
      return or(node.nodes.map((n) => compile(n, positive, rank)));
    case 'not': {
      const inner = compile(node.node, !positive, rank);
      if (inner === null || typeof inner === 'boolean') return inner === null ? null : !inner;
      return sql<boolean>`not ${inner}`;
    }
    case 'match':
      return match(node.field, node.value);
    case 'exists':
      return exists(node.field);
    case 'range': {
      const column = sql.ref(node.field === 'metadata_modified' ? 'd.modified_at' : 'd.created_at');
      const bounds: RawBuilder<boolean>[] = [];
      if (node.from) bounds.push(sql`${column} ${sql.raw(node.fromInclusive ? '>=' : '>')} ${instant(node.from)}`);
      if (node.to) bounds.push(sql`${column} ${sql.raw(node.toInclusive ? '<=' : '<')} ${instant(node.to)}`);
      return and(bounds);
    }
    case 'text': {
      const query = textQuery(node.field, node.value, node.phrase);
      if (!query) return null;
      if (positive) rank.push(query.tsquery);
      return and([
        sql<boolean>`d.search_vector @@ ${query.tsquery}::tsquery`,
        ...query.sequences.map((s) => sql<boolean>`strpos(d.search_text, ${s}) > 0`),
      ]);
    }
  }
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function match(field: ExactField, value: string): Condition {
  switch (field) {
    case 'organization':
      return sql<boolean>`d.organization = ${value}`;
    case 'license_id':
      return sql<boolean>`d.license_id = ${value}`;
    case 'name':
      return sql<boolean>`d.name = ${value}`;
    case 'state':
      return sql<boolean>`d.state = ${value}`;
    case 'id':
      return uuid.test(value) ? sql<boolean>`d.id = ${value.toLowerCase()}::uuid` : false;
    case 'dataset_type':
      return value === 'dataset';
    case 'capacity':
      return value === 'public' ? sql<boolean>`not d.private` : value === 'private' ? sql<boolean>`d.private` : false;
    case 'tags':
      return sql<boolean>`exists (select 1 from od_dataset_tags t
        where t.tenant_id = d.tenant_id and t.dataset_id = d.id and t.tag = ${value})`;
    case 'groups':
      return sql<boolean>`exists (select 1 from od_dataset_groups dg
        join od_groups g on g.tenant_id = dg.tenant_id and g.id = dg.group_id
        where dg.tenant_id = d.tenant_id and dg.dataset_id = d.id and g.name = ${value})`;
    case 'res_format':
      return sql<boolean>`exists (select 1 from od_resources r
        where r.tenant_id = d.tenant_id and r.dataset_id = d.id and upper(r.format) = upper(${value}))`;
  }
}

function exists(field: ExactField): Condition {
  switch (field) {
    case 'tags':
      return sql<boolean>`exists (select 1 from od_dataset_tags t where t.tenant_id = d.tenant_id and t.dataset_id = d.id)`;
    case 'groups':
      return sql<boolean>`exists (select 1 from od_dataset_groups dg
        where dg.tenant_id = d.tenant_id and dg.dataset_id = d.id)`;
    case 'res_format':
      return sql<boolean>`exists (select 1 from od_resources r
        where r.tenant_id = d.tenant_id and r.dataset_id = d.id and r.format <> '')`;
    default:
      return true;
  }
}

function instant(bound: DateBound): RawBuilder<unknown> {
  if (bound.kind === 'instant') return sql`${bound.iso}::timestamptz`;
  let expr: RawBuilder<unknown> = sql`now()`;
  for (const step of bound.steps) {
    // Units come from fq.ts's fixed list, never from the query text.
    const unit = sql.raw(`'${step.unit}'`);
    if (step.op === '/') expr = sql`date_trunc(${unit}, ${expr}, 'UTC')`;
    else expr = sql`(${expr} ${sql.raw(step.op)} ${step.amount}::int * ${sql.raw(`interval '1 ${step.unit}'`)})`;
  }
  return expr;
}

// A dataset's search columns, computed when its metadata or resources change: search_text (the folded
// text, for the exact-sequence check of longer Japanese words) and search_vector (its tokens with
// positions and weights: title and name A, tags, organisation and groups B, description and resource
// names C). The vector is built here as tsvector input text and sent as a parameter, so no text a
// publisher writes can change the SQL or be read as tsvector syntax.
import { type RawBuilder, sql } from 'kysely';
import { cut, indexTokens, quoteLexeme } from './text.ts';

export interface SearchDocument {
  title: string;
  notes: string;
  tags: string[];
  organizationTitle: string;
  groupTitles: string[];
  resourceNames: string[];
  name: string;
}

type Weight = 'A' | 'B' | 'C';

// PostgreSQL keeps positions up to 16,383 and at most 256 per lexeme; beyond that they add nothing.
const maxPosition = 16_383;
const maxPositionsPerToken = 256;

export function searchColumns(doc: SearchDocument): { search_text: string; search_vector: RawBuilder<unknown> } {
  const fields: [Weight, string[]][] = [
    ['A', [doc.title, doc.name]],
    ['B', [...doc.tags, doc.organizationTitle, ...doc.groupTitles]],
    ['C', [doc.notes, ...doc.resourceNames]],
  ];
  const texts: string[] = [];
  const positions = new Map<string, { at: number; weight: Weight }[]>();
  let position = 1;
  for (const [weight, values] of fields) {
    for (const value of values) {
      const { text, runs } = cut(value);
      if (text !== '') texts.push(text);
      for (const run of runs) {
        indexTokens(run).forEach((token, i) => {
          // Bigram i starts at character i; the run's last character, the last token, sits at its own.
          const at = Math.min(maxPosition, position + i);
          let list = positions.get(token);
          if (!list) {
            list = [];
            positions.set(token, list);
          }
          if (list.length < maxPositionsPerToken && list.at(-1)?.at !== at) list.push({ at, weight });
        });
        position += run.bigram ? run.chars.length : 1;
      }
      // A gap between values, so the end of one tag and the start of the next are not neighbours.
      position += 1;
    }
  }
  const vector = [...positions]
    .map(([token, list]) => `${quoteLexeme(token)}:${list.map((p) => `${p.at}${p.weight}`).join(',')}`)
    .join(' ');
  return { search_text: texts.join(' '), search_vector: sql`${vector}::tsvector` };
}

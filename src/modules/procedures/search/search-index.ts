// An in-memory inverted index over one tenant's catalogue (about 3,100 entries): for every search key the
// procedures and fields it occurs in. Built once per catalogue version (catalogue-cache.ts); a search is
// then a few thousand array reads, well under a millisecond.
import type { Filer, LifeEvent, Procedure } from '../definition.ts';
import { rewrites } from './synonyms.ts';
import { foldText, indexKeysOf, queryTerms } from './text.ts';

// name, reading, synonyms, English name, description (ja, ja-easy, en)
const fieldWeights = [10, 9, 8, 6, 3, 2, 2] as const;
const fieldCount = fieldWeights.length;

function fieldsOf(p: Procedure): string[] {
  return [p.name, p.nameKana, p.synonyms.join(' '), p.nameEn, p.description.ja, p.description.jaEasy, p.description.en];
}

export interface SearchFilters {
  lifeEvent?: LifeEvent | undefined;
  /** A department code; its sub-units match too (`kenko-fukushi` matches `kenko-fukushi.hoken-iryo`). */
  department?: string | undefined;
  /** Only procedures that can be completed online. */
  online?: boolean | undefined;
  /** `resident` also matches procedures either may file (`both`); so does `business`. */
  filer?: Exclude<Filer, 'both'> | undefined;
}

export interface SearchHit {
  procedure: Procedure;
  score: number;
}

interface Posting {
  docs: number[];
  masks: number[];
}

export interface SearchIndex {
  readonly size: number;
  byCode: Map<string, Procedure>;
  search(query: string, filters: SearchFilters): SearchHit[];
}

/** A term counts as found in a field when this share of its (idf-weighted) keys is there. */
const minCoverage = 0.6;

export function buildSearchIndex(procedures: Procedure[]): SearchIndex {
  const docs = [...procedures];
  const n = docs.length;
  const postings = new Map<string, Posting>();
  const names = docs.map((p) => foldText(p.name).replaceAll(' ', ''));
  const readings = docs.map((p) => foldText(p.nameKana).replaceAll(' ', ''));
  docs.forEach((p, doc) => {
    const masks = new Map<string, number>();
    fieldsOf(p).forEach((text, field) => {
      for (const key of indexKeysOf(text)) masks.set(key, (masks.get(key) ?? 0) | (1 << field));
    });
    for (const [key, mask] of masks) {
      let posting = postings.get(key);
      if (!posting) {
        posting = { docs: [], masks: [] };
        postings.set(key, posting);
      }
      posting.docs.push(doc);
      posting.masks.push(mask);
    }
  });
  const idf = (key: string) => Math.log(1 + n / (postings.get(key)?.docs.length ?? 0.5));
  // Scratch space for one term: the idf mass found per (document, field). Searches are synchronous, so one
  // buffer per index is safe.
  const found = new Float64Array(n * fieldCount);
  const seen = new Uint8Array(n);

  /** Best field score (weight × coverage) of one term, per document that has it in some field. */
  function scoreTerm(keys: string[]): Map<number, number> {
    const unique = [...new Set(keys)];
    const total = unique.reduce((sum, k) => sum + idf(k), 0);
    const touched: number[] = [];
    for (const key of unique) {
      const posting = postings.get(key);
      if (!posting) continue;
      const weight = idf(key);
      for (let i = 0; i < posting.docs.length; i++) {
        const doc = posting.docs[i]!;
        const mask = posting.masks[i]!;
        const base = doc * fieldCount;
        if (!seen[doc]) {
          seen[doc] = 1;
          touched.push(doc);
        }
        for (let f = 0; f < fieldCount; f++) if (mask & (1 << f)) found[base + f]! += weight;
      }
    }
    const scores = new Map<number, number>();
    for (const doc of touched) {
      const base = doc * fieldCount;
      seen[doc] = 0;
      let best = 0;
      for (let f = 0; f < fieldCount; f++) {
        const coverage = found[base + f]! / total;
        if (coverage >= minCoverage) best = Math.max(best, fieldWeights[f]! * coverage);
        found[base + f] = 0;
      }
      if (best > 0) scores.set(doc, best);
    }
    return scores;
  }

  /** Documents that have every term, with the sum of their term scores. */
  function scoreQuery(folded: string): Map<number, number> {
    const terms = queryTerms(folded);
    let result: Map<number, number> | undefined;
    for (const term of terms) {
      const scores = scoreTerm(term);
      if (!result) {
        result = scores;
        continue;
      }
      const next = new Map<number, number>();
      for (const [doc, score] of result) {
        const more = scores.get(doc);
        if (more !== undefined) next.set(doc, score + more);
      }
      result = next;
    }
    return result ?? new Map();
  }

  /** Exact and leading matches of the whole query on the name or its reading come first. */
  function boost(doc: number, compact: string): number {
    const name = names[doc]!;
    const reading = readings[doc]!;
    let bonus = 0;
    if (name === compact || reading === compact) bonus += 60;
    else if (name.startsWith(compact) || reading.startsWith(compact)) bonus += 20;
    else if (name.includes(compact) || reading.includes(compact)) bonus += 8;
    if (name.includes(compact)) bonus += (6 * compact.length) / name.length;
    return bonus;
  }

  function passes(p: Procedure, filters: SearchFilters): boolean {
    if (filters.lifeEvent && !p.lifeEvents.includes(filters.lifeEvent)) return false;
    if (filters.online && p.availability !== 'online') return false;
    if (filters.filer && p.filer !== filters.filer && p.filer !== 'both') return false;
    const d = filters.department;
    if (d && p.department !== d && !p.department.startsWith(`${d}.`)) return false;
    return true;
  }

  const fullBoost = (p: Procedure) => (p.form ? 1.08 : 1);

  return {
    size: n,
    byCode: new Map(docs.map((p) => [p.code, p])),
    search(query, filters) {
      const folded = foldText(query);
      if (folded === '') {
        return docs
          .filter((p) => passes(p, filters))
          .map((procedure) => ({ procedure, score: 0 }))
          .sort((x, y) => Number(!!y.procedure.form) - Number(!!x.procedure.form));
      }
      const scores = new Map<number, number>();
      for (const rewrite of rewrites(folded)) {
        const compact = rewrite.replaceAll(' ', '');
        for (const [doc, score] of scoreQuery(rewrite)) {
          const total = score + boost(doc, compact);
          if (total > (scores.get(doc) ?? 0)) scores.set(doc, total);
        }
      }
      const hits: SearchHit[] = [];
      for (const [doc, score] of scores) {
        const procedure = docs[doc]!;
        if (passes(procedure, filters)) hits.push({ procedure, score: score * fullBoost(procedure) });
      }
      return hits.sort((x, y) => y.score - x.score || x.procedure.code.localeCompare(y.procedure.code));
    },
  };
}

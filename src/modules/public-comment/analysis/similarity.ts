// Similar opinions grouped and repeated opinions flagged, by TF-IDF cosine over the collection at hand
// (vectors.ts finds the pairs, cluster.ts makes the groups).
import { clusterBySimilarity } from './cluster.ts';
import { buildCollection, type Collection, PairIndex, sharedLabels } from './vectors.ts';

export interface TextItem {
  id: string;
  text: string;
}

export interface SimilarGroup {
  /** At least two; in input order. */
  ids: string[];
  /** Up to five terms most of the group shares, for a label. */
  terms: string[];
}

export interface Duplicate {
  id: string;
  /** The earliest item this one repeats. */
  duplicateOf: string;
  similarity: number;
  /** The same text once whitespace, width and punctuation are ignored. */
  exact: boolean;
}

// Default thresholds, from the synthetic opinions in opinions.fixture.ts (cosines of TF-IDF vectors):
// - Grouping 0.2. Residents making the same point in their own words (スマホ教室を / 高齢者向けのスマートフォン
//   講座を) score 0.16–0.5, most above 0.2; opinions on different points at most 0.22, when they share one
//   word such as クラウド or オンライン. Groups must also reach 0.2 as a mean over all their pairs (average
//   link), which keeps such one-word bridges out: at 0.2 every pair grouped is right and none is missed; at
//   0.25 a topic already falls apart into pairs.
// - Duplicates 0.7. A form letter with another greeting scores 0.79, with a word changed 0.89, with a
//   sentence added 0.95; two different opinions on the same point at most 0.55.
export const defaultGroupThreshold = 0.2;
export const defaultDuplicateThreshold = 0.7;

/** Text for exact comparison: NFKC (width), lower case, without whitespace, punctuation or symbols. */
export function exactKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

interface Repeats {
  /** For each text, the earlier one it repeats, or −1. */
  of: Int32Array;
  similarity: Float64Array;
  exact: Uint8Array;
}

/**
 * Which texts repeat an earlier one: exact copies (same exactKey) the first copy, others the earliest
 * earlier text whose cosine reaches the threshold. Only texts that repeat nothing are indexed, so a form
 * letter sent 5,000 times costs one probe per copy rather than 5,000² comparisons; the price is that a text
 * close only to an earlier repeat, not to what that repeated, is not flagged.
 */
function collapseRepeats(collection: Collection, texts: string[], threshold: number): Repeats {
  const n = texts.length;
  const repeats: Repeats = {
    of: new Int32Array(n).fill(-1),
    similarity: new Float64Array(n),
    exact: new Uint8Array(n),
  };
  const firstWithKey = new Map<string, number>();
  const index = new PairIndex(collection.vectors, threshold);
  for (let x = 0; x < n; x++) {
    const key = exactKey(texts[x]!);
    const first = key === '' ? undefined : firstWithKey.get(key);
    if (first !== undefined) {
      repeats.of[x] = first;
      repeats.similarity[x] = 1;
      repeats.exact[x] = 1;
      continue;
    }
    if (key !== '') firstWithKey.set(key, x);
    index.probe(x, (y, similarity) => {
      repeats.of[x] = y;
      repeats.similarity[x] = similarity;
      return false;
    });
    if (repeats.of[x] === -1) index.add(x);
  }
  return repeats;
}

const clamp = (value: number) => Math.min(1, Math.max(0.01, value));

/**
 * Groups of similar opinions: seeds, then average link over their groups (see cluster.ts for the method and
 * its cost; bench/group-opinions.ts for the time next to Intl.Segmenter's). Deterministic: ties go to input
 * order.
 */
export function groupSimilar(items: TextItem[], options: { threshold?: number } = {}): SimilarGroup[] {
  const threshold = clamp(options.threshold ?? defaultGroupThreshold);
  const collection = buildCollection(items.map((item) => item.text));
  return clusterBySimilarity(collection.vectors, threshold)
    .filter((members) => members.length >= 2)
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!)
    .map((members) => ({ ids: members.map((i) => items[i]!.id), terms: groupTerms(collection, members) }));
}

/** Terms in at least two members, weighted by idf, as labels (see sharedLabels). */
function groupTerms(collection: Collection, members: number[]): string[] {
  const count = new Map<number, number>();
  for (const doc of members) {
    for (const rank of collection.vectors[doc]!.ranks) count.set(rank, (count.get(rank) ?? 0) + 1);
  }
  return sharedLabels(collection, members, (rank) => ((count.get(rank) ?? 0) >= 2 ? collection.idf[rank]! : 0));
}

/**
 * Opinions that repeat an earlier one, in input order: exact copies (whitespace, width and punctuation
 * ignored) with similarity 1, and near copies whose cosine reaches the threshold. An exact copy points to
 * the first copy; a near copy to the earliest opinion it is close to that is not itself a repeat (see
 * collapseRepeats).
 */
export function findDuplicates(items: TextItem[], options: { threshold?: number } = {}): Duplicate[] {
  const threshold = clamp(options.threshold ?? defaultDuplicateThreshold);
  const texts = items.map((item) => item.text);
  const repeats = collapseRepeats(buildCollection(texts), texts, threshold);
  const duplicates: Duplicate[] = [];
  items.forEach((item, i) => {
    const of = repeats.of[i]!;
    if (of === -1) return;
    duplicates.push({
      id: item.id,
      duplicateOf: items[of]!.id,
      similarity: Number(repeats.similarity[i]!.toFixed(4)),
      exact: repeats.exact[i] === 1,
    });
  });
  return duplicates;
}

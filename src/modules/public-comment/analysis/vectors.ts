// TF-IDF vectors of a collection of texts, the pairs of them at least as similar as a threshold (cosine),
// found through an inverted index without comparing every pair, and readable labels for shared terms.
import { prepareText, type Token, tokensOf } from './tokenize.ts';

/**
 * Sparse, unit-length vector; entries sorted by rank: terms by ascending document frequency (rarest first),
 * ties by first appearance, so the order is deterministic.
 */
export interface Vector {
  ranks: Int32Array;
  weights: Float64Array;
}

export interface Collection {
  prepared: string[];
  tokens: Token[][];
  /** Token i of text d has rank tokenRanks[d][i]. */
  tokenRanks: Int32Array[];
  vectors: Vector[];
  /** By rank. */
  idf: Float64Array;
}

export function buildCollection(texts: string[]): Collection {
  const prepared = texts.map(prepareText);
  const tokens = prepared.map(tokensOf);
  const idOf = new Map<string, number>();
  const df: number[] = [];
  const lastDoc: number[] = [];
  const tokenIds = tokens.map((list, doc) => {
    const ids = new Int32Array(list.length);
    list.forEach((token, i) => {
      let id = idOf.get(token.term);
      if (id === undefined) {
        id = df.length;
        idOf.set(token.term, id);
        df.push(0);
        lastDoc.push(-1);
      }
      if (lastDoc[id] !== doc) {
        lastDoc[id] = doc;
        df[id]!++;
      }
      ids[i] = id;
    });
    return ids;
  });
  const byRank = df.map((_, id) => id).sort((a, b) => df[a]! - df[b]! || a - b);
  const rankOf = new Int32Array(df.length);
  byRank.forEach((id, rank) => {
    rankOf[id] = rank;
  });
  // ln(1 + N/df) rather than ln(N/df): a term in every text still counts a little, so two texts of a
  // collection of two can be compared, and a small consultation does not zero out its main theme.
  const n = texts.length;
  const idf = Float64Array.from(byRank, (id) => Math.log(1 + n / df[id]!));
  const tokenRanks = tokenIds.map((ids) => ids.map((id) => rankOf[id]!));
  const tf = new Float64Array(df.length); // reused across texts, zeroed behind each one
  const vectors = tokens.map((list, doc) => vectorOf(list, tokenRanks[doc]!, idf, tf));
  return { prepared, tokens, tokenRanks, vectors, idf };
}

/**
 * The unit vector of one text's tokens, whose terms have the given ranks (−1: a term none of `idf` knows,
 * weighing `unknownIdf`). `tf` is scratch space as long as idf, all zeros, and left so.
 */
export function vectorOf(
  tokens: Token[],
  ranks: Int32Array,
  idf: Float64Array,
  tf: Float64Array,
  unknownIdf = 0,
): Vector {
  let unknown = 0;
  const touched: number[] = [];
  tokens.forEach((token, i) => {
    const rank = ranks[i]!;
    if (rank < 0) {
      unknown += (token.weight * unknownIdf) ** 2; // counts in the norm only: nothing else has it
      return;
    }
    if (tf[rank] === 0) touched.push(rank);
    tf[rank]! += token.weight;
  });
  const sorted = Int32Array.from(touched).sort();
  const weights = Float64Array.from(sorted, (rank) => {
    const f = tf[rank]!;
    tf[rank] = 0;
    // Saying a word three times does not make an opinion three times as much about it.
    return (f > 1 ? 1 + Math.log(f) : f) * idf[rank]!;
  });
  const norm = Math.sqrt(normOf(weights) ** 2 + unknown);
  if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
  return { ranks: sorted, weights };
}

export function normOf(weights: Iterable<number>): number {
  let sum = 0;
  for (const w of weights) sum += w * w;
  return Math.sqrt(sum);
}

/** Cosine of two unit vectors: a merge of their rank-sorted entries. */
export function cosine(a: Vector, b: Vector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ranks.length && j < b.ranks.length) {
    const ra = a.ranks[i]!;
    const rb = b.ranks[j]!;
    if (ra === rb) dot += a.weights[i++]! * b.weights[j++]!;
    else if (ra < rb) i++;
    else j++;
  }
  return dot;
}

/**
 * An inverted index over the rarest terms of the vectors added to it, to find those at least as similar
 * to a probe as a threshold (cosine) without comparing every pair: all-pairs with prefix filtering
 * (Bayardo, Ma, Srikant 2007). A vector's prefix is all but the longest tail of its most common terms whose
 * norm stays below the threshold; only prefixes are indexed. Two vectors can only reach the threshold by
 * sharing a term in both prefixes: were every shared term in the tail that starts earlier in the common rank
 * order, their dot product would be at most that tail's norm. So a probe takes new candidates only through
 * its own prefix, and common terms, whose posting lists would be long, mostly stay out of the index. The
 * probe sums its dot product with each candidate over the candidate's prefix; the candidate's tail, added
 * last, can bring at most |tail| · |the probe's part from where that tail starts|, so most candidates are
 * dropped without it. Exact: the same pairs as comparing all of them (vectors.test.ts).
 * Cost of a probe: the posting lists of its terms plus a pass over each surviving candidate's tail; low
 * for opinions on many topics, growing with the number of indexed vectors that share its rarer terms,
 * which is why callers index only seeds or originals (cluster.ts, findDuplicates).
 */
export class PairIndex {
  private readonly postingDocs: number[][] = [];
  private readonly postingWeights: number[][] = [];
  /** Where each indexed vector's unindexed tail starts, and that tail's norm. */
  private readonly tailStart: Int32Array;
  private readonly tailNorm: Float64Array;
  private readonly partial: Float64Array;
  private readonly stamp: Int32Array;
  private readonly candidates: number[] = [];
  private readonly dense: Float64Array;
  private suffix = new Float64Array(64);
  private probes = 0;
  private readonly t: number;
  private readonly vectors: Vector[];
  constructor(vectors: Vector[], threshold: number) {
    this.vectors = vectors;
    this.t = threshold - 1e-9;
    this.tailStart = new Int32Array(vectors.length);
    this.tailNorm = new Float64Array(vectors.length);
    this.partial = new Float64Array(vectors.length);
    this.stamp = new Int32Array(vectors.length);
    let ranks = 0;
    for (const v of vectors) if (v.ranks.length > 0) ranks = Math.max(ranks, v.ranks[v.ranks.length - 1]! + 1);
    this.dense = new Float64Array(ranks);
  }

  /**
   * Calls `visit` with each indexed vector at least as similar as the threshold to vector x, in ascending
   * order, until it returns false.
   */
  probe(x: number, visit: (y: number, similarity: number) => boolean | undefined): void {
    const { ranks, weights } = this.vectors[x]!;
    const { partial, stamp, candidates, tailStart, tailNorm } = this;
    const probe = ++this.probes;
    candidates.length = 0;
    // New candidates only through x's own indexable prefix (see above); later terms add to those found.
    const prefix = this.prefixEnd(weights);
    for (let k = 0; k < ranks.length; k++) {
      const docs = this.postingDocs[ranks[k]!];
      if (docs === undefined) continue;
      const ws = this.postingWeights[ranks[k]!]!;
      const wx = weights[k]!;
      const admit = k < prefix;
      for (let p = 0; p < docs.length; p++) {
        const y = docs[p]!;
        if (stamp[y] !== probe) {
          if (!admit) continue;
          stamp[y] = probe;
          partial[y] = 0;
          candidates.push(y);
        }
        partial[y]! += wx * ws[p]!;
      }
    }
    if (candidates.length === 0) return;
    // x spread out by rank, so a candidate's unindexed tail is added in one pass over that tail.
    const dense = this.dense;
    for (let k = 0; k < ranks.length; k++) dense[ranks[k]!] = weights[k]!;
    // suffix[k]: norm of x's entries from k on; y's tail adds at most |y's tail| · |x from where it starts|.
    if (this.suffix.length <= ranks.length) this.suffix = new Float64Array(2 * ranks.length + 1);
    const suffix = this.suffix;
    suffix[ranks.length] = 0;
    for (let k = ranks.length - 1; k >= 0; k--) suffix[k] = Math.sqrt(suffix[k + 1]! ** 2 + weights[k]! ** 2);
    const hits: number[] = [];
    for (const y of candidates) {
      let similarity = partial[y]!;
      if (similarity + tailNorm[y]! < this.t) continue; // its tail cannot make up the difference
      if (tailNorm[y]! > 0) {
        const vy = this.vectors[y]!;
        const from = tailStart[y]!;
        if (similarity + tailNorm[y]! * suffix[lowerBound(ranks, vy.ranks[from]!)]! < this.t) continue;
        for (let j = from; j < vy.ranks.length; j++) similarity += dense[vy.ranks[j]!]! * vy.weights[j]!;
      }
      if (similarity >= this.t) {
        partial[y] = similarity;
        hits.push(y);
      }
    }
    for (let k = 0; k < ranks.length; k++) dense[ranks[k]!] = 0;
    // Only the hits are put in order, not every candidate (a comparator call each).
    for (const y of Int32Array.from(hits).sort()) {
      if (visit(y, Math.min(1, partial[y]!)) === false) return;
    }
  }

  /** Entries before this index are the prefix; the rest, the tail, has norm below the threshold. */
  private prefixEnd(weights: Float64Array): number {
    const tt = this.t * this.t;
    let tail = 0;
    let end = weights.length;
    while (end > 0 && tail + weights[end - 1]! ** 2 < tt) tail += weights[--end]! ** 2;
    return end;
  }

  add(x: number): void {
    const { ranks, weights } = this.vectors[x]!;
    const end = this.prefixEnd(weights);
    let tail = 0;
    for (let k = end; k < weights.length; k++) tail += weights[k]! ** 2;
    this.tailStart[x] = end;
    this.tailNorm[x] = Math.sqrt(tail);
    for (let k = 0; k < end; k++) {
      const rank = ranks[k]!;
      let docs = this.postingDocs[rank];
      if (docs === undefined) {
        docs = this.postingDocs[rank] = [];
        this.postingWeights[rank] = [];
      }
      docs.push(x);
      this.postingWeights[rank]!.push(weights[k]!);
    }
  }
}

interface Evidence {
  count: number;
  weight: number;
  first: number;
}

/**
 * Up to `limit` readable labels for what `members` share: a shared word as itself, and a chain of shared
 * bigrams in one kanji or katakana run as the text it spans (ガバメントクラウド and クラウド share
 * クラ, ラウ, ウド: the label is クラウド). `weightOf(rank)` is how much a shared term counts (0 = not
 * shared). Labels are ranked by how many members contain them, then by weight; one that overlaps a label
 * already chosen (高齢 beside 高齢者) is left out.
 */
export function sharedLabels(
  collection: Pick<Collection, 'prepared' | 'tokens' | 'tokenRanks'>,
  members: number[],
  weightOf: (rank: number) => number,
  limit = 5,
): string[] {
  const found = new Map<string, Evidence>();
  const labelsOf = members.map((doc) => labelsOfText(collection, doc, weightOf));
  for (const labels of labelsOf) {
    for (const [label, weight] of labels) {
      const entry = found.get(label);
      if (entry) {
        entry.count++;
        entry.weight = Math.max(entry.weight, weight);
      } else found.set(label, { count: 1, weight, first: found.size });
    }
  }
  // One kanji (前, 証) tells a reader little even when every member has it: such labels come last.
  const single = (label: string) => ([...label].length === 1 ? 1 : 0);
  const byEvidence = ([la, a]: [string, Evidence], [lb, b]: [string, Evidence]) =>
    single(la) - single(lb) || b.count - a.count || b.weight - a.weight || a.first - b.first;
  // A member whose own label is ガバメントクラウド still contains クラウド: count labels in the text too,
  // for the few best candidates only (this is per group, and groups can have thousands of members).
  const shortlist = [...found.entries()].sort(byEvidence).slice(0, limit * 4);
  for (const [label, entry] of shortlist) {
    entry.count = members.filter(
      (doc, i) => labelsOf[i]!.has(label) || collection.prepared[doc]!.includes(label),
    ).length;
  }
  shortlist.sort(byEvidence);
  const chosen: string[] = [];
  for (const [label] of shortlist) {
    if (chosen.length >= limit) break;
    if (chosen.some((c) => c.includes(label) || label.includes(c))) continue;
    chosen.push(label);
  }
  return chosen;
}

/** Labels of one text's shared terms with their weight: words, and chains of shared bigrams. */
function labelsOfText(
  collection: Pick<Collection, 'prepared' | 'tokens' | 'tokenRanks'>,
  doc: number,
  weightOf: (rank: number) => number,
): Map<string, number> {
  const labels = new Map<string, number>();
  const add = (label: string, weight: number) => labels.set(label, Math.max(labels.get(label) ?? 0, weight));
  const prepared = collection.prepared[doc]!;
  const ranks = collection.tokenRanks[doc]!;
  let chainStart = -1;
  let chainEnd = -1;
  let chainWeight = 0;
  const closeChain = () => {
    const label = prepared.slice(chainStart, chainEnd);
    // Two katakana out of a longer word (ラウ) mean nothing to a reader; two kanji usually do.
    if (chainStart >= 0 && ([...label].length > 2 || /\p{Script=Han}/u.test(label))) add(label, chainWeight);
    chainStart = -1;
  };
  collection.tokens[doc]!.forEach((token, i) => {
    const weight = weightOf(ranks[i]!);
    if (weight <= 0) return;
    if (!token.gram) {
      add(token.term, weight);
      return;
    }
    // Bigrams of one run overlap by a character: a shared one starting before the chain ends extends it.
    if (chainStart >= 0 && token.start < chainEnd) {
      chainEnd = token.end;
      chainWeight += weight;
      return;
    }
    closeChain();
    chainStart = token.start;
    chainEnd = token.end;
    chainWeight = weight;
  });
  closeChain();
  return labels;
}

/** First index in ascending `sorted` whose value is ≥ value. */
function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Clustering of unit vectors by cosine, in time that does not grow with the square of a large topic: seeds
// (leader clustering) gather opinions making the same point into tight balls, then balls are joined by
// average link, computed exactly from the sums of their members' vectors.
import { normOf, PairIndex, type Vector } from './vectors.ts';

/** Sparse sum of unit vectors: rank → summed weight. */
type Sum = Map<number, number>;

function dot(a: Sum, b: Sum): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let total = 0;
  for (const [rank, w] of small) {
    const v = large.get(rank);
    if (v !== undefined) total += w * v;
  }
  return total;
}

interface Candidate {
  /** Mean similarity of the two groups, or an upper bound of it when not exact. */
  link: number;
  a: number;
  b: number;
  versionA: number;
  versionB: number;
  exact: boolean;
}

/** Max-heap on link, ties by the smaller cluster ids, so the merge order and the result are deterministic. */
class CandidateHeap {
  private items: Candidate[] = [];
  get size(): number {
    return this.items.length;
  }
  private above(x: Candidate, y: Candidate): boolean {
    return x.link > y.link || (x.link === y.link && (x.a < y.a || (x.a === y.a && x.b < y.b)));
  }
  push(item: Candidate): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): Candidate | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.above(items[l]!, items[best]!)) best = l;
        if (r < items.length && this.above(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}

// Opinions this alike (cosine) make, for grouping, one point: a seed gathers them into a tight ball before
// any averaging. Measured on the fixture and the benchmark: at 0.35 a seed making two points in equal parts
// (高齢者向けのスマホ教室を… クラウドの利用料とコストも…) gathered opinions on both; at 0.5 grouping 20,000 alike
// opinions took seven times as long (many more balls) for groups just as pure.
const ballThreshold = 0.4;

/**
 * Clusters of the vectors (members ascending, singletons included) whose members are, on average, at least
 * `threshold`-similar (cosine) to each other:
 * 1. Balls. In input order, each vector joins its most similar earlier seed if that one is at least
 *    ballThreshold-similar, or else becomes a seed. Only seeds are indexed (PairIndex), so 5,000 alike
 *    opinions cost 5,000 probes of a few seeds, not 5,000² comparisons.
 * 2. Average link between balls: two groups join while the mean cosine over all pairs of their members
 *    reaches the threshold. That mean is exactly ΣA·ΣB / (|A|·|B|) for the sums of the members' unit vectors,
 *    so no pair is left out or guessed, and one opinion touching two topics cannot chain them (as it would
 *    with single link). The mean is at most the cosine of the two groups' centroids, so the candidate pairs
 *    are found exactly by a PairIndex over centroids; and the mean to a joined group is a weighted mean of
 *    the means to its parts, so a joined group's candidates are its parts' candidates.
 * Cost: one probe per vector of an index of seeds, one probe per ball of an index of centroids, then
 * O(P log P) for the P candidate pairs of groups met while joining, a sparse dot product of two sums only
 * for those that reach the top of the heap (see joinInto). Deterministic: ties go to input order.
 */
export function clusterBySimilarity(vectors: Vector[], threshold: number): number[][] {
  const t = threshold - 1e-9;
  const balls = ballsOf(vectors, Math.max(threshold, ballThreshold));
  const members = balls.map((ball) => [...ball]);
  const sums: Sum[] = members.map((list) => {
    const sum: Sum = new Map();
    for (const x of list) {
      const { ranks, weights } = vectors[x]!;
      for (let k = 0; k < ranks.length; k++) sum.set(ranks[k]!, (sum.get(ranks[k]!) ?? 0) + weights[k]!);
    }
    return sum;
  });
  const sumNorms = sums.map((sum) => normOf(sum.values()));
  const centroids = sums.map((sum, g): Vector => {
    const ranks = Int32Array.from(sum.keys()).sort();
    return { ranks, weights: Float64Array.from(ranks, (rank) => sum.get(rank)! / (sumNorms[g]! || 1)) };
  });
  const version = new Int32Array(balls.length);
  const alive = new Uint8Array(balls.length).fill(1);
  // links[a].get(b): ΣA·ΣB for candidate pairs, exact or (after a join) an upper bound.
  const links: Map<number, Link>[] = balls.map(() => new Map());
  const heap = new CandidateHeap();
  const offer = (a: number, b: number, link: Link) => {
    links[a]!.set(b, link);
    links[b]!.set(a, link);
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const mean = link.dot / (members[a]!.length * members[b]!.length);
    heap.push({ link: mean, a: lo, b: hi, versionA: version[lo]!, versionB: version[hi]!, exact: link.exact });
  };
  const index = new PairIndex(centroids, threshold);
  for (let g = 0; g < balls.length; g++) {
    index.probe(g, (h, cos) => {
      const dot = cos * sumNorms[g]! * sumNorms[h]!;
      if (dot / (members[g]!.length * members[h]!.length) >= t) offer(g, h, { dot, exact: true });
      return true;
    });
    index.add(g);
  }
  const forget = (a: number, b: number) => {
    links[a]!.delete(b);
    links[b]!.delete(a);
  };
  while (heap.size > 0) {
    const top = heap.pop()!;
    const { a, b } = top;
    if (!alive[a] || !alive[b] || version[a] !== top.versionA || version[b] !== top.versionB) continue;
    if (!top.exact) {
      // Only a bound so far (see below): now that it is the best candidate, work out the real mean.
      const exact = dot(sums[a]!, sums[b]!);
      if (exact / (members[a]!.length * members[b]!.length) >= t) offer(a, b, { dot: exact, exact: true });
      else forget(a, b);
      continue;
    }
    joinInto(a, b);
  }
  const clusters: number[][] = [];
  members.forEach((list, g) => {
    if (alive[g]) clusters.push(list.sort((x, y) => x - y));
  });
  return clusters;

  /**
   * B joins A. ΣA∪B·ΣC = ΣA·ΣC + ΣB·ΣC: exact where both parts are known; where a part is not a
   * candidate its mean is below the threshold, so t·|part|·|C| bounds it, and the pair waits in the heap
   * with that bound until it comes to the top. A group that grows one ball at a time thus pays a sparse
   * dot product only for the neighbour it joins next, not for all of them at every step.
   */
  function joinInto(a: number, b: number): void {
    const sizeA = members[a]!.length;
    const sizeB = members[b]!.length;
    const around = new Set([...links[a]!.keys(), ...links[b]!.keys()]);
    around.delete(a);
    around.delete(b);
    const joined = new Map<number, Link>();
    for (const c of around) {
      const sizeC = members[c]!.length;
      const fromA = links[a]!.get(c) ?? { dot: t * sizeA * sizeC, exact: false };
      const fromB = links[b]!.get(c) ?? { dot: t * sizeB * sizeC, exact: false };
      joined.set(c, { dot: fromA.dot + fromB.dot, exact: fromA.exact && fromB.exact });
      links[c]!.delete(a);
      links[c]!.delete(b);
    }
    let [sum, other] = [sums[a]!, sums[b]!];
    if (sum.size < other.size) [sum, other] = [other, sum];
    for (const [rank, w] of other) sum.set(rank, (sum.get(rank) ?? 0) + w);
    sums[a] = sum;
    sums[b] = new Map();
    let [list, rest] = [members[a]!, members[b]!];
    if (list.length < rest.length) [list, rest] = [rest, list];
    for (const x of rest) list.push(x);
    members[a] = list;
    members[b] = [];
    links[a] = new Map();
    links[b] = new Map();
    alive[b] = 0;
    version[a]!++;
    for (const [c, link] of joined) {
      if (link.dot / (list.length * members[c]!.length) >= t) offer(a, c, link);
    }
  }
}

interface Link {
  dot: number;
  exact: boolean;
}

/**
 * Tight balls around seeds (see clusterBySimilarity), each a list of vector indexes: in input order, a
 * vector joins the most similar earlier seed at or above the threshold, or becomes a seed itself.
 */
function ballsOf(vectors: Vector[], threshold: number): number[][] {
  const index = new PairIndex(vectors, threshold);
  const balls: number[][] = [];
  const ballOfSeed = new Map<number, number>();
  for (let x = 0; x < vectors.length; x++) {
    let best = -1;
    let bestSimilarity = -1;
    index.probe(x, (seed, similarity) => {
      if (similarity > bestSimilarity) {
        best = ballOfSeed.get(seed)!;
        bestSimilarity = similarity;
      }
      return true;
    });
    if (best >= 0) {
      balls[best]!.push(x);
      continue;
    }
    ballOfSeed.set(x, balls.length);
    balls.push([x]);
    index.add(x);
  }
  return balls;
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterBySimilarity } from './cluster.ts';
import { opinions } from './opinions.fixture.ts';
import { buildCollection, cosine, PairIndex } from './vectors.ts';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Texts made of the fixture's sentences, shuffled and recombined, so that many pairs are alike. */
function recombined(n: number, seed: number): string[] {
  const next = random(seed);
  const sentences = opinions.flatMap((o) => o.text.split('。').filter(Boolean));
  return Array.from({ length: n }, () => {
    const count = 1 + Math.floor(next() * 3);
    return Array.from({ length: count }, () => sentences[Math.floor(next() * sentences.length)]).join('。');
  });
}

test('PairIndex finds exactly the pairs that comparing all of them finds', () => {
  const { vectors } = buildCollection(recombined(300, 7));
  for (const threshold of [0.1, 0.2, 0.4, 0.7, 0.95]) {
    const expected: string[] = [];
    for (let j = 0; j < vectors.length; j++) {
      for (let i = 0; i < j; i++) if (cosine(vectors[i]!, vectors[j]!) >= threshold - 1e-9) expected.push(`${i}-${j}`);
    }
    const found: string[] = [];
    const index = new PairIndex(vectors, threshold);
    for (let j = 0; j < vectors.length; j++) {
      let previous = -1;
      index.probe(j, (i, similarity) => {
        assert.ok(i > previous, 'ascending');
        previous = i;
        assert.ok(Math.abs(similarity - cosine(vectors[i]!, vectors[j]!)) < 1e-9);
        found.push(`${i}-${j}`);
        return true;
      });
      index.add(j);
    }
    assert.deepEqual(found, expected, `threshold ${threshold}`);
    assert.ok(expected.length > 0 || threshold > 0.9);
  }
});

test('every cluster is, on average, as alike as the threshold, and every vector is in one', () => {
  const { vectors } = buildCollection(recombined(400, 11));
  for (const threshold of [0.2, 0.3, 0.5]) {
    const clusters = clusterBySimilarity(vectors, threshold);
    assert.deepEqual(
      clusters.flat().sort((a, b) => a - b),
      vectors.map((_, i) => i),
    );
    for (const members of clusters.filter((c) => c.length >= 2)) {
      let sum = 0;
      let pairs = 0;
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          sum += cosine(vectors[members[i]!]!, vectors[members[j]!]!);
          pairs++;
        }
      }
      // Joins are exact means; only pairs inside a ball (each ≥ max(threshold, 0.4) to its seed) can pull
      // the whole a little under the threshold.
      assert.ok(sum / pairs >= threshold * 0.9, `${threshold}: ${(sum / pairs).toFixed(3)} over ${members.length}`);
    }
  }
});

// A topic (ア, イ, ウ …) suggested for an opinion from the topics' titles and the opinions staff have
// already confirmed for them, with the shared terms that explain it (「理由: クラウド, コスト」).
import { prepareText, tokensOf } from './tokenize.ts';
import { cosine, normOf, sharedLabels, type Vector, vectorOf } from './vectors.ts';

export interface TopicExample {
  code: string;
  title: string;
  /** Texts staff have already confirmed for the topic (may be empty). */
  examples: string[];
}

export interface TopicSuggestion {
  code: string;
  score: number;
  /** Shared terms that explain the suggestion. */
  terms: string[];
}

// Against titles of a few words, the fixture's opinions (opinions.fixture.ts) that name the topic score
// 0.15–0.65 and the others under 0.1: below that a suggestion would be a guess, and staff are better served
// by none.
export const minimumTopicScore = 0.1;

/** The topics' texts as vectors, built once per topics list and reused for every opinion it is asked about. */
interface TopicModel {
  texts: string[];
  idOf: Map<string, number>;
  idf: Float64Array;
  /** What a term no topic text has weighs in a query: as rare as can be. */
  unknownIdf: number;
  docs: Vector[][];
  centroids: Vector[];
  /** Scratch for vectorOf, all zeros between uses. */
  tf: Float64Array;
}

// A staff page asks about every unconfirmed opinion against the same topics list: the list's texts are
// tokenised once, not once per opinion. Keyed by the list itself and checked text by text, so a changed
// list is never answered from an old model.
const models = new WeakMap<TopicExample[], TopicModel>();

function modelOf(topics: TopicExample[]): TopicModel {
  const texts = topics.flatMap((topic) => [topic.title, ...topic.examples]);
  const cached = models.get(topics);
  if (cached && cached.texts.length === texts.length && cached.texts.every((t, i) => t === texts[i])) return cached;
  const tokens = texts.map((text) => tokensOf(prepareText(text)));
  const idOf = new Map<string, number>();
  const df: number[] = [];
  const ids = tokens.map((list) =>
    Int32Array.from(list, (token) => {
      let id = idOf.get(token.term);
      if (id === undefined) {
        id = df.length;
        idOf.set(token.term, id);
        df.push(0);
      }
      return id;
    }),
  );
  for (const list of ids) for (const id of new Set(list)) df[id]!++;
  // The opinion asked about counts as one more text (see buildCollection for ln(1 + N/df)).
  const n = texts.length + 1;
  const idf = Float64Array.from(df, (f) => Math.log(1 + n / f));
  const tf = new Float64Array(df.length);
  const vectors = tokens.map((list, doc) => vectorOf(list, ids[doc]!, idf, tf));
  const docs: Vector[][] = [];
  for (const topic of topics) docs.push(vectors.splice(0, 1 + topic.examples.length));
  const model = { texts, idOf, idf, unknownIdf: Math.log(1 + n), docs, centroids: docs.map(centroidOf), tf };
  models.set(topics, model);
  return model;
}

/**
 * The topic whose title and confirmed examples are most like the text, or null below minimumTopicScore.
 * A topic scores the better of the text's cosine to the mean of its title and examples (the topic's
 * vocabulary) and to its single closest text (a confirmed opinion on the same point). Ties go to the topic
 * listed first.
 */
export function suggestTopic(text: string, topics: TopicExample[]): TopicSuggestion | null {
  if (topics.length === 0) return null;
  const model = modelOf(topics);
  const prepared = prepareText(text);
  const tokens = tokensOf(prepared);
  const ranks = Int32Array.from(tokens, (token) => model.idOf.get(token.term) ?? -1);
  const query = vectorOf(tokens, ranks, model.idf, model.tf, model.unknownIdf);
  if (query.ranks.length === 0) return null;
  let best = -1;
  let bestScore = minimumTopicScore - 1e-9;
  model.docs.forEach((docs, topic) => {
    let score = cosine(query, model.centroids[topic]!);
    for (const doc of docs) score = Math.max(score, cosine(query, doc));
    if (score > bestScore) {
      best = topic;
      bestScore = score;
    }
  });
  if (best < 0) return null;
  const weightsOf = (v: Vector) => new Map(Array.from(v.ranks, (rank, k) => [rank, v.weights[k]!]));
  const inQuery = weightsOf(query);
  const inTopic = weightsOf(model.centroids[best]!);
  const terms = sharedLabels(
    { prepared: [prepared], tokens: [tokens], tokenRanks: [ranks] },
    [0],
    (rank) => (inQuery.get(rank) ?? 0) * (inTopic.get(rank) ?? 0),
  );
  return { code: topics[best]!.code, score: Number(Math.min(1, bestScore).toFixed(4)), terms };
}

/** Unit-length mean of unit vectors. */
function centroidOf(vectors: Vector[]): Vector {
  const sum = new Map<number, number>();
  for (const { ranks, weights } of vectors) {
    ranks.forEach((rank, k) => {
      sum.set(rank, (sum.get(rank) ?? 0) + weights[k]!);
    });
  }
  const norm = normOf(sum.values()) || 1;
  const ranks = Int32Array.from(sum.keys()).sort();
  return { ranks, weights: Float64Array.from(ranks, (rank) => sum.get(rank)! / norm) };
}

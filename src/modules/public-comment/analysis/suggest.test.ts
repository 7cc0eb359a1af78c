import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suggestTopic, type TopicExample } from './index.ts';
import { opinions } from './opinions.fixture.ts';

const titles: Record<string, [string, string]> = {
  cloud: ['ア', 'ガバメントクラウドへの移行と費用'],
  divide: ['イ', 'デジタルデバイド対策（高齢者の支援）'],
  counter: ['ウ', '窓口での対面サービス'],
  privacy: ['エ', '個人情報の保護とセキュリティ'],
  child: ['オ', '子育ての手続のオンライン化'],
};
const codeOf = new Map(Object.entries(titles).map(([topic, [code]]) => [topic, code]));
const onTopic = opinions.filter((o) => codeOf.has(o.topic));

/** Topics with titles only, or with every other confirmed opinion of the fixture as examples. */
function topicsFor(text: string, withExamples: boolean): TopicExample[] {
  return Object.entries(titles).map(([topic, [code, title]]) => ({
    code,
    title,
    examples: withExamples ? opinions.filter((o) => o.topic === topic && o.text !== text).map((o) => o.text) : [],
  }));
}

function correct(withExamples: boolean): number {
  return onTopic.filter((o) => suggestTopic(o.text, topicsFor(o.text, withExamples))?.code === codeOf.get(o.topic))
    .length;
}

test('suggestTopic: from titles alone, the topic an opinion names', () => {
  const cloud = suggestTopic(opinions.find((o) => o.id === 'o02')!.text, topicsFor('', false))!;
  assert.equal(cloud.code, 'ア');
  assert.deepEqual(cloud.terms, ['ガバメントクラウド', '移行']);
  assert.ok(cloud.score >= 0.1 && cloud.score <= 1, String(cloud.score));
  assert.equal(suggestTopic('窓口での相談を続けてほしい', topicsFor('', false))?.code, 'ウ');
  assert.equal(suggestTopic('セキュリティが心配です', topicsFor('', false))?.code, 'エ');
  assert.ok(correct(false) >= onTopic.length * 0.7, `${correct(false)} of ${onTopic.length}`);
});

test('suggestTopic: confirmed examples make it better', () => {
  const withTitles = correct(false);
  const withExamples = correct(true);
  assert.ok(withExamples > withTitles, `${withExamples} vs ${withTitles}`);
  assert.equal(withExamples, onTopic.length);
  const s = suggestTopic('スマホの使い方を教えてくれる教室を近くで開いてほしい', topicsFor('', true))!;
  assert.equal(s.code, 'イ');
  assert.ok(s.terms.includes('教室'), s.terms.join(','));
  assert.ok(s.score > 0 && s.score <= 1);
});

test('suggestTopic: null when nothing is similar enough', () => {
  for (const o of opinions.filter((o) => o.topic === 'other')) {
    assert.equal(suggestTopic(o.text, topicsFor(o.text, true)), null, o.text);
  }
  assert.equal(suggestTopic('スマホ教室', []), null);
  assert.equal(suggestTopic('', topicsFor('', true)), null);
});

test('suggestTopic: a topics list asked about again, then changed, answers from its current texts', () => {
  const topics = topicsFor('', false);
  const text = '市の公式アプリの画面が見づらいです。';
  assert.equal(suggestTopic(text, topics), null);
  topics[2]!.examples.push('公式アプリの画面の文字を大きくしてほしい。');
  assert.equal(suggestTopic(text, topics)?.code, 'ウ');
  topics[2]!.examples.pop();
  assert.equal(suggestTopic(text, topics), null);
});

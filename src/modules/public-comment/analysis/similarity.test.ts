import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDuplicates, groupSimilar, type TextItem } from './index.ts';
import { opinions } from './opinions.fixture.ts';

const idsOf = (topic: string) => opinions.filter((o) => o.topic === topic).map((o) => o.id);
const topicOf = new Map(opinions.map((o) => [o.id, o.topic]));

test('groupSimilar: one group per point residents make, nothing mixed, lone opinions left out', () => {
  const groups = groupSimilar(opinions);
  const asSets = groups.map((g) => [...g.ids].sort().join(','));
  for (const topic of ['divide', 'cloud', 'counter', 'privacy', 'child']) {
    assert.ok(asSets.includes(idsOf(topic).join(',')), `${topic}: ${asSets.join(' | ')}`);
  }
  assert.equal(groups.length, 5);
  for (const id of idsOf('other')) assert.ok(!groups.some((g) => g.ids.includes(id)), id);
});

test('groupSimilar: labels are the terms a group shares, readable', () => {
  const groups = groupSimilar(opinions);
  const cloud = groups.find((g) => g.ids.includes('o02'))!;
  assert.ok(cloud.terms.includes('クラウド') && cloud.terms.includes('コスト'), cloud.terms.join(','));
  const divide = groups.find((g) => g.ids.includes('o01'))!;
  assert.ok(divide.terms.includes('スマートフォン'), divide.terms.join(','));
  for (const g of groups) assert.ok(g.terms.length >= 1 && g.terms.length <= 5, g.terms.join(','));
});

test('groupSimilar: sorted by size, ids in input order, the same result every time', () => {
  const groups = groupSimilar(opinions);
  const order = new Map(opinions.map((o, i) => [o.id, i]));
  for (let i = 1; i < groups.length; i++) assert.ok(groups[i - 1]!.ids.length >= groups[i]!.ids.length);
  for (const g of groups) {
    assert.ok(g.ids.length >= 2);
    assert.deepEqual(
      g.ids,
      [...g.ids].sort((a, b) => order.get(a)! - order.get(b)!),
    );
  }
  assert.deepEqual(groupSimilar(opinions), groups);
});

test('groupSimilar: an opinion touching two points does not chain their groups together', () => {
  const bridge = {
    id: 'b1',
    topic: 'both',
    text: 'スマホ教室を増やしてほしい。ガバメントクラウドへの移行のコストも心配です。',
  };
  for (const groups of [groupSimilar([bridge, ...opinions]), groupSimilar([...opinions, bridge])]) {
    for (const g of groups) {
      const topics = new Set(g.ids.filter((id) => id !== 'b1').map((id) => topicOf.get(id)));
      assert.equal(topics.size, 1, g.ids.join(','));
    }
  }
});

test('groupSimilar: the threshold option, and edge cases', () => {
  assert.deepEqual(groupSimilar(opinions, { threshold: 0.95 }), []);
  assert.deepEqual(groupSimilar([]), []);
  assert.deepEqual(groupSimilar([{ id: 'a', text: '' }]), []);
  const blanks = groupSimilar([
    { id: 'a', text: '' },
    { id: 'b', text: '。' },
    { id: 'c', text: 'スマホ教室を増やして' },
    { id: 'd', text: 'スマホ教室を増やしてください' },
  ]);
  assert.deepEqual(
    blanks.map((g) => g.ids),
    [['c', 'd']],
  );
});

const letter =
  '市のデジタル化計画について意見します。ガバメントクラウドへの移行は、運用コストの見通しが示されるまで延期してください。' +
  '紙の申請書と窓口での対面の相談は必ず残してください。個人情報の管理については外部の専門家による点検を求めます。';

test('findDuplicates: exact repeats, whatever the width, spacing or punctuation', () => {
  const items: TextItem[] = [
    ...opinions,
    { id: 'x1', text: letter },
    {
      id: 'x2',
      text: letter.replace(/。/g, '．').replace('ガバメントクラウド', 'ｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞ').replace('市の', '市の　 '),
    },
    { id: 'x3', text: `\n${letter.replace(/、/g, ',')}\n` },
    { id: 'x4', text: ' 紙の申請書や窓口での対面の相談は、これからも残してほしい！' },
  ];
  assert.deepEqual(findDuplicates(items), [
    { id: 'x2', duplicateOf: 'x1', similarity: 1, exact: true },
    { id: 'x3', duplicateOf: 'x1', similarity: 1, exact: true },
    { id: 'x4', duplicateOf: 'o04', similarity: 1, exact: true },
  ]);
});

test('findDuplicates: near repeats of a form letter, pointing to the earliest', () => {
  const items: TextItem[] = [
    ...opinions,
    { id: 'x1', text: letter },
    {
      id: 'x2',
      text: `中原区に住む者です。${letter.replace('市のデジタル化計画について意見します。', '')}よろしくお願いします。`,
    },
    { id: 'x3', text: letter.replace('延期してください', '先送りしてください') },
    { id: 'x4', text: `${letter}私の母も窓口がなくなると困ると言っています。` },
  ];
  const found = findDuplicates(items);
  assert.deepEqual(
    found.map((d) => [d.id, d.duplicateOf, d.exact]),
    [
      ['x2', 'x1', false],
      ['x3', 'x1', false],
      ['x4', 'x1', false],
    ],
  );
  for (const d of found) assert.ok(d.similarity >= 0.7 && d.similarity < 1, String(d.similarity));
});

test('findDuplicates: opinions that only make the same point are not repeats', () => {
  assert.deepEqual(findDuplicates(opinions), []);
  assert.deepEqual(findDuplicates([]), []);
  assert.deepEqual(
    findDuplicates([
      { id: 'a', text: '' },
      { id: 'b', text: '  ' },
    ]),
    [],
    'empty texts repeat nothing',
  );
});

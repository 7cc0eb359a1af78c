// The Atom and RSS documents read back with a strict reader: well formed whatever the titles hold (markup
// characters escaped, characters XML 1.0 forbids dropped), and every field where readers look for it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FeedEntry } from './list-feed-entries.ts';
import { phaseSummary, renderAtom, renderRss } from './render-feed.ts';
import { xmlText } from './xml.ts';
import { child, children, readXml, textOf } from './xml-reader.test-support.ts';

const nasty = `A & B <C> "D" 'E' \u0001\u0008\u000B\u000C\u001F\u007F\uFFFE\uD800end 😀 ]]> &amp;`;
const cleaned = `A & B <C> "D" 'E' end 😀 ]]> &amp;`;

const entries: FeedEntry[] = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    number: 12,
    title: nasty,
    phase: 'open',
    opensOn: '2026-02-01',
    closesOn: '2026-02-28',
    publishedOn: null,
    published: new Date('2026-01-31T15:00:00Z'),
    updated: new Date('2026-02-01T03:04:05.678Z'),
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    number: 11,
    title: '川崎市DX推進プラン（改定案）',
    phase: 'published',
    opensOn: '2025-10-01',
    closesOn: '2025-10-31',
    publishedOn: '2026-01-20',
    published: new Date('2025-09-30T15:00:00Z'),
    updated: new Date('2026-01-20T01:00:00Z'),
  },
];

const ctx = { base: 'https://city.example.jp', city: '川崎市', entries, now: new Date('2026-02-10T00:00:00Z') };

test('the summary says the phase, with the 和暦 date where one matters', () => {
  const period = { opensOn: '2026-02-01', closesOn: '2026-02-28' };
  assert.equal(phaseSummary({ phase: 'open', ...period }), '意見募集中（〜令和8年2月28日）');
  assert.equal(phaseSummary({ phase: 'upcoming', ...period }), '募集開始前（令和8年2月1日から）');
  assert.equal(phaseSummary({ phase: 'closed', ...period }), '募集終了');
  assert.equal(phaseSummary({ phase: 'analysing', ...period }), '募集終了');
  assert.equal(phaseSummary({ phase: 'published', ...period }), '結果公表');
});

test('xmlText escapes the markup characters and drops what XML 1.0 forbids, keeping tab, newline and pairs', () => {
  assert.equal(xmlText(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  assert.equal(xmlText('a\u0000b\tc\nd\re\uDC00f😀'), 'ab\tc\nd\ref😀');
});

test('Atom 1.0: well formed, the feed and its entries carry id, title, link, updated and summary', () => {
  const xml = renderAtom(ctx);
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'));
  const feed = readXml(xml);
  assert.equal(feed.name, 'feed');
  assert.equal(feed.attrs.xmlns, 'http://www.w3.org/2005/Atom');
  assert.equal(textOf(feed, 'id'), 'https://city.example.jp/public-comments/feed.atom');
  assert.equal(textOf(feed, 'title'), '川崎市 パブリックコメント（意見募集）');
  assert.equal(textOf(feed, 'updated'), '2026-02-01T03:04:05Z', 'the latest entry, RFC 3339');
  assert.equal(textOf(child(feed, 'author'), 'name'), '川崎市');
  const self = children(feed, 'link').find((l) => l.attrs.rel === 'self');
  assert.deepEqual(self?.attrs, {
    rel: 'self',
    type: 'application/atom+xml',
    href: 'https://city.example.jp/public-comments/feed.atom',
  });
  const [first, second] = children(feed, 'entry');
  assert.equal(children(feed, 'entry').length, 2);
  assert.equal(textOf(first!, 'title'), cleaned);
  assert.equal(textOf(first!, 'id'), 'urn:uuid:00000000-0000-4000-8000-000000000001');
  assert.equal(child(first!, 'link').attrs.href, 'https://city.example.jp/public-comments/12');
  assert.equal(textOf(first!, 'updated'), '2026-02-01T03:04:05Z');
  assert.equal(textOf(first!, 'published'), '2026-01-31T15:00:00Z');
  assert.equal(textOf(first!, 'summary'), '意見募集中（〜令和8年2月28日）');
  assert.equal(textOf(second!, 'title'), '川崎市DX推進プラン（改定案）');
  assert.equal(textOf(second!, 'summary'), '結果公表');
});

test('RSS 2.0: well formed, channel and items with title, link, guid, RFC 822 pubDate and description', () => {
  const rss = readXml(renderRss(ctx));
  assert.equal(rss.name, 'rss');
  assert.equal(rss.attrs.version, '2.0');
  const channel = child(rss, 'channel');
  assert.equal(textOf(channel, 'title'), '川崎市 パブリックコメント（意見募集）');
  assert.equal(textOf(channel, 'link'), 'https://city.example.jp/public-comments');
  assert.equal(textOf(channel, 'language'), 'ja');
  assert.equal(child(channel, 'atom:link').attrs.href, 'https://city.example.jp/public-comments/feed.rss');
  const [first, second] = children(channel, 'item');
  assert.equal(textOf(first!, 'title'), cleaned);
  assert.equal(textOf(first!, 'link'), 'https://city.example.jp/public-comments/12');
  assert.equal(textOf(first!, 'guid'), 'urn:uuid:00000000-0000-4000-8000-000000000001');
  assert.equal(child(first!, 'guid').attrs.isPermaLink, 'false');
  assert.equal(textOf(first!, 'pubDate'), 'Sun, 01 Feb 2026 03:04:05 GMT');
  assert.equal(textOf(first!, 'description'), '意見募集中（〜令和8年2月28日）');
  assert.equal(textOf(second!, 'description'), '結果公表');
});

test('an empty list is still a valid feed, dated now', () => {
  const feed = readXml(renderAtom({ ...ctx, entries: [] }));
  assert.equal(children(feed, 'entry').length, 0);
  assert.equal(textOf(feed, 'updated'), '2026-02-10T00:00:00Z');
  assert.equal(children(child(readXml(renderRss({ ...ctx, entries: [] })), 'channel'), 'item').length, 0);
});

test('the strict reader itself refuses what is not well formed', () => {
  const bad = [
    '<a><b></a></b>',
    '<a>x & y</a>',
    '<a>&nbsp;</a>',
    '<a x="1" x="2"/>',
    '<a/><b/>',
    '<a>\u0001</a>',
    '<a>&#1;</a>',
    '<a>',
    'text<a/>',
  ];
  for (const doc of bad) assert.throws(() => readXml(doc), Error, doc);
  assert.equal(readXml('<a x="&lt;&#x26;">t&amp;<b/>u</a>').text, 't&u');
});

// The feeds over HTTP: the right media types, one entry per consultation that is not a draft, most recently
// changed first, at most 50, the phase from status plus period, only the requesting city's consultations,
// and 304 for a reader that already has this version.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withTenant } from '../../../platform/db/tenant.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import { addConsultation, type NoticeCity, startNoticeCity } from '../subscriptions/test-city.ts';
import { listFeedEntries } from './list-feed-entries.ts';
import { child, children, readXml, textOf } from './xml-reader.test-support.ts';

let city: NoticeCity;
after(async () => {
  await city.close();
});

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const today = japanToday();
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

const get = (url: string, headers: Record<string, string> = {}) =>
  city.app.inject({ method: 'GET', url, headers: { host: 'kawasaki.localhost', ...headers } });

before(async () => {
  city = await startNoticeCity();
  await addConsultation(city, 'kawasaki', {
    number: 1,
    status: 'draft',
    opensOn: today,
    closesOn: addDays(today, 30),
    title: '下書きの案（出てはいけない）',
  });
  await addConsultation(city, 'kawasaki', {
    number: 2,
    status: 'open',
    opensOn: addDays(today, -10),
    closesOn: addDays(today, 20),
    title: '募集中の案 & <特別> "号"',
    updatedAt: hoursAgo(1),
  });
  await addConsultation(city, 'kawasaki', {
    number: 3,
    status: 'open',
    opensOn: addDays(today, 5),
    closesOn: addDays(today, 35),
    title: '来週からの案',
    updatedAt: hoursAgo(2),
  });
  await addConsultation(city, 'kawasaki', {
    number: 4,
    status: 'open',
    opensOn: addDays(today, -40),
    closesOn: addDays(today, -3),
    title: '期間が過ぎた案',
    updatedAt: hoursAgo(24 * 30),
  });
  await addConsultation(city, 'kawasaki', {
    number: 5,
    status: 'published',
    opensOn: addDays(today, -120),
    closesOn: addDays(today, -90),
    title: '結果を公表した案\u0001\u000B',
    updatedAt: hoursAgo(24 * 10),
  });
  await addConsultation(city, 'yokohama', {
    number: 1,
    status: 'open',
    opensOn: addDays(today, -1),
    closesOn: addDays(today, 20),
    title: '横浜市の案',
  });
});

test('Atom: application/atom+xml, well formed, the non-draft consultations newest first with their phase', async () => {
  const response = await get('/public-comments/feed.atom');
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'application/atom+xml; charset=utf-8');
  const feed = readXml(response.body);
  assert.equal(textOf(feed, 'title'), '川崎市 パブリックコメント（意見募集）');
  const entries = children(feed, 'entry').map((e) => ({
    title: textOf(e, 'title'),
    href: child(e, 'link').attrs.href,
    summary: textOf(e, 'summary'),
    updated: textOf(e, 'updated'),
  }));
  assert.deepEqual(
    entries.map((e) => e.title),
    // The closed one's period ended 3 days ago (a change in its own right), after the published one's update.
    ['募集中の案 & <特別> "号"', '来週からの案', '期間が過ぎた案', '結果を公表した案'],
  );
  assert.equal(entries[0]!.href, 'https://city.example.jp/public-comments/2');
  assert.match(entries[0]!.summary, /^意見募集中（〜令和\d+年\d+月\d+日）$/);
  assert.match(entries[1]!.summary, /^募集開始前（令和\d+年\d+月\d+日から）$/);
  assert.equal(entries[2]!.summary, '募集終了');
  assert.equal(entries[3]!.summary, '結果公表');
  // The end of the period counts as the change: midnight in Japan the day after closesOn.
  assert.equal(entries[2]!.updated, new Date(`${addDays(today, -2)}T00:00:00+09:00`).toISOString().replace('.000', ''));
  assert.equal(textOf(feed, 'updated'), entries[0]!.updated);
});

test('RSS: application/rss+xml, well formed, the same items as the Atom feed', async () => {
  const response = await get('/public-comments/feed.rss');
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'application/rss+xml; charset=utf-8');
  const channel = child(readXml(response.body), 'channel');
  const items = children(channel, 'item');
  assert.deepEqual(
    items.map((i) => textOf(i, 'title')),
    ['募集中の案 & <特別> "号"', '来週からの案', '期間が過ぎた案', '結果を公表した案'],
  );
  assert.deepEqual(
    items.map((i) => textOf(i, 'link')),
    [2, 3, 4, 5].map((n) => `https://city.example.jp/public-comments/${n}`),
  );
  for (const item of items) assert.match(textOf(item, 'pubDate'), /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  assert.equal(textOf(items[3]!, 'description'), '結果公表');
});

test('each city’s feed has only its own consultations', async () => {
  const response = await get('/public-comments/feed.atom', { host: 'yokohama.localhost' });
  const feed = readXml(response.body);
  assert.equal(textOf(feed, 'title'), '横浜市 パブリックコメント（意見募集）');
  assert.deepEqual(
    children(feed, 'entry').map((e) => textOf(e, 'title')),
    ['横浜市の案'],
  );
});

test('a reader sending the ETag it has gets 304 and no body', async () => {
  const first = await get('/public-comments/feed.rss');
  const etag = String(first.headers.etag);
  assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
  assert.equal(first.headers['cache-control'], 'public, max-age=300');
  const again = await get('/public-comments/feed.rss', { 'if-none-match': etag });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
  const other = await get('/public-comments/feed.rss', { 'if-none-match': '"something-else"' });
  assert.equal(other.statusCode, 200);
});

test('at most 50 entries, the newest', async () => {
  await withTenant(city.deps.db, 'kawasaki', async (trx) => {
    for (let n = 100; n < 160; n++) {
      await trx
        .insertInto('pc_consultations')
        .values({
          tenant_id: 'kawasaki',
          number: n,
          department: 'soumu.dx',
          title: `まとめて作った案 ${n}`,
          subject: `案 ${n}`,
          status: 'analysing',
          opens_on: addDays(today, -60),
          closes_on: addDays(today, -30),
          methods: ['web'],
          classes: '[]',
          created_by: 'test-staff',
          updated_at: new Date(Date.now() - (200 - n) * 60_000),
        })
        .execute();
    }
  });
  const entries = await listFeedEntries(city.deps, { tenantId: 'kawasaki' });
  assert.equal(entries.length, 50);
  assert.equal(entries[0]!.number, 159);
  assert.ok(entries.every((e) => e.phase !== ('draft' as string)));
  const atom = readXml((await get('/public-comments/feed.atom')).body);
  assert.equal(children(atom, 'entry').length, 50);
});

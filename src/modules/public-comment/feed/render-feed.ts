// The Atom 1.0 (RFC 4287) and RSS 2.0 documents of the consultations list. Both are written from the same
// entries with the same summary text, so the two feeds cannot disagree.
import { toWareki } from '../../../platform/ja/wareki.ts';
import type { FeedEntry } from './list-feed-entries.ts';
import { xmlText } from './xml.ts';

export interface FeedContext {
  /** Origin every link starts with: PUBLIC_URL, or the request's own. */
  base: string;
  /** 川崎市 */
  city: string;
  entries: FeedEntry[];
  /** Used as the feed's date when there is no entry. */
  now: Date;
}

/** 意見募集中（〜令和8年2月28日）, 募集開始前（令和8年2月1日から）, 募集終了, 結果公表. */
export function phaseSummary(entry: Pick<FeedEntry, 'phase' | 'opensOn' | 'closesOn'>): string {
  switch (entry.phase) {
    case 'upcoming':
      return `募集開始前（${toWareki(entry.opensOn).text}から）`;
    case 'open':
      return `意見募集中（〜${toWareki(entry.closesOn).text}）`;
    case 'closed':
    case 'analysing':
      return '募集終了';
    case 'published':
      return '結果公表';
  }
}

const feedTitle = (city: string) => `${city} パブリックコメント（意見募集）`;
const entryLink = (base: string, entry: FeedEntry) => `${base}/public-comments/${entry.number}`;
const entryId = (entry: FeedEntry) => `urn:uuid:${entry.id}`;

function lastChange(ctx: FeedContext): Date {
  return (
    ctx.entries.reduce<Date | undefined>(
      (latest, e) => (!latest || e.updated > latest ? e.updated : latest),
      undefined,
    ) ?? ctx.now
  );
}

// RFC 3339 without milliseconds, the form every Atom reader parses.
const rfc3339 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function renderAtom(ctx: FeedContext): string {
  const x = xmlText;
  const entries = ctx.entries.map(
    (e) => `<entry>
<id>${x(entryId(e))}</id>
<title type="text">${x(e.title)}</title>
<link rel="alternate" type="text/html" href="${x(entryLink(ctx.base, e))}"/>
<published>${rfc3339(e.published)}</published>
<updated>${rfc3339(e.updated)}</updated>
<summary type="text">${x(phaseSummary(e))}</summary>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">
<id>${x(`${ctx.base}/public-comments/feed.atom`)}</id>
<title type="text">${x(feedTitle(ctx.city))}</title>
<updated>${rfc3339(lastChange(ctx))}</updated>
<author><name>${x(ctx.city)}</name></author>
<link rel="self" type="application/atom+xml" href="${x(`${ctx.base}/public-comments/feed.atom`)}"/>
<link rel="alternate" type="text/html" href="${x(`${ctx.base}/public-comments`)}"/>
${entries.join('\n')}
</feed>
`;
}

export function renderRss(ctx: FeedContext): string {
  const x = xmlText;
  // RSS 2.0 dates are RFC 822; toUTCString gives that form (…, 01 Feb 2026 00:00:00 GMT).
  const items = ctx.entries.map(
    (e) => `<item>
<title>${x(e.title)}</title>
<link>${x(entryLink(ctx.base, e))}</link>
<guid isPermaLink="false">${x(entryId(e))}</guid>
<pubDate>${e.updated.toUTCString()}</pubDate>
<description>${x(phaseSummary(e))}</description>
</item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${x(feedTitle(ctx.city))}</title>
<link>${x(`${ctx.base}/public-comments`)}</link>
<description>${x(`${ctx.city}が御意見を募集している案と、その結果の公表です。`)}</description>
<language>ja</language>
<lastBuildDate>${lastChange(ctx).toUTCString()}</lastBuildDate>
<atom:link href="${x(`${ctx.base}/public-comments/feed.rss`)}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
</channel>
</rss>
`;
}

// Message catalogues in 日本語 (ja), やさしい日本語 (ja-easy, with furigana) and English (en).
// Every text on a page comes from a key; a missing key throws, so a test finds it before a resident does.
import { escapeHtml, raw, type SafeHtml } from '../pages/html.ts';

export const langs = ['ja', 'ja-easy', 'en'] as const;
export type Lang = (typeof langs)[number];
export type Catalogue = Record<string, string>;
export type Messages = Record<Lang, Catalogue>;

const catalogues = new Map<string, Messages>();

/** A module adds its catalogue under its own namespace; keys are used as `<namespace>.<key>`. */
export function registerMessages(namespace: string, messages: Messages): void {
  catalogues.set(namespace, messages);
}

export function registeredCatalogues(): ReadonlyMap<string, Messages> {
  return catalogues;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (langs as readonly string[]).includes(value);
}

function lookup(lang: Lang, key: string): string {
  const dot = key.indexOf('.');
  const messages = catalogues.get(key.slice(0, dot));
  const text = messages?.[lang][key.slice(dot + 1)];
  if (text === undefined) throw new Error(`message key missing: ${key} (${lang})`);
  return text;
}

// A placeholder without its value would show "{city}" to a resident: fail loudly, like a missing key.
function interpolate(
  key: string,
  text: string,
  params: Record<string, string | number>,
  encode: (s: string) => string,
): string {
  return text.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    if (!Object.hasOwn(params, name)) throw new Error(`message parameter missing: {${name}} in ${key}`);
    return encode(String(params[name]));
  });
}

// やさしい日本語 writes furigana as {漢字|かんじ}.
const ruby = /\{([^{}|]+)\|([^{}|]+)\}/g;

/** Plain text (for titles, attributes, JSON): furigana markup becomes the base text only. */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  return interpolate(key, lookup(lang, key).replace(ruby, '$1'), params, (s) => s);
}

/** Markup for page text: furigana becomes <ruby>, everything else is escaped. */
export function th(lang: Lang, key: string, params: Record<string, string | number> = {}): SafeHtml {
  const escaped = escapeHtml(lookup(lang, key)).replace(
    ruby,
    (_m, base: string, reading: string) => `<ruby>${base}<rp>(</rp><rt>${reading}</rt><rp>)</rp></ruby>`,
  );
  return raw(interpolate(key, escaped, params, escapeHtml));
}

/** The language of a request: ?lang=, then the `lang` cookie, then Accept-Language; Japanese by default. */
export function resolveLang(input: { query?: unknown; cookie?: string; acceptLanguage?: string }): {
  lang: Lang;
  fromQuery: boolean;
} {
  const fromQuery = (input.query as { lang?: unknown } | undefined)?.lang;
  if (isLang(fromQuery)) return { lang: fromQuery, fromQuery: true };
  const cookie = /(?:^|;\s*)lang=([^;]+)/.exec(input.cookie ?? '')?.[1];
  if (isLang(cookie)) return { lang: cookie, fromQuery: false };
  return { lang: fromAcceptLanguage(input.acceptLanguage ?? ''), fromQuery: false };
}

/** The browser's most preferred of Japanese and English (by q-value, then order); Japanese if neither. */
function fromAcceptLanguage(header: string): Lang {
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { primary: tag.trim().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && (r.primary === 'ja' || r.primary === 'en'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges[0]?.primary === 'en' ? 'en' : 'ja';
}

/** The value of <html lang>: やさしい日本語 is Japanese. */
export function htmlLang(lang: Lang): string {
  return lang === 'en' ? 'en' : 'ja';
}

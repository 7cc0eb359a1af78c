// The stylesheet against the Digital Agency tokens it is built on: every token exists, the colour pairs
// the pages use meet WCAG 2.2 AA contrast, Japanese text gets Japanese fonts and room, targets are 44px.
// (Kept outside assets/, which is served as it is.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const css = readFileSync(new URL('./assets/app.css', import.meta.url), 'utf8');
const tokensCss = readFileSync(
  createRequire(import.meta.url).resolve('@digital-go-jp/design-tokens/dist/tokens.css'),
  'utf8',
);
const tokens = new Map([...tokensCss.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));

function resolve(value: string): string {
  const ref = /^var\((--[\w-]+)\)$/.exec(value);
  if (!ref) return value;
  const next = tokens.get(ref[1]!);
  assert.ok(next, `token ${ref[1]} is not defined`);
  return resolve(next);
}

function luminance(hex: string): number {
  const m = /^#([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i.exec(hex);
  assert.ok(m, `not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(resolve(`var(${a})`)), luminance(resolve(`var(${b})`))].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

const block = (selector: string) => {
  const start = css.indexOf(`\n${selector} {`);
  assert.ok(start >= 0, `rule ${selector} not found`);
  return css.slice(start, css.indexOf('}', start));
};

test('every var(--token) app.css uses is defined by the design-tokens package (no silent fallbacks)', () => {
  const used = [...css.matchAll(/var\((--[\w-]+)\s*(,)?/g)];
  assert.ok(used.length > 10);
  for (const [, name, fallback] of used) {
    assert.ok(tokens.has(name!), `${name} is not a design token`);
    assert.equal(fallback, undefined, `${name}: drop the fallback, the token exists`);
  }
  assert.doesNotMatch(css, /url\(\s*['"]?(https?:)?\/\//, 'no third-party assets (CSP default-src self)');
  assert.doesNotMatch(css, /@import/);
});

const white = '--color-neutral-white';
const pairs: [fg: string, bg: string, min: number, where: string][] = [
  ['--color-neutral-solid-gray-900', white, 4.5, 'body text'],
  ['--color-neutral-solid-gray-900', '--color-neutral-solid-gray-50', 4.5, 'footer text'],
  ['--color-neutral-solid-gray-900', '--color-primitive-blue-50', 4.5, 'info banner text'],
  ['--color-neutral-solid-gray-900', '--color-primitive-green-50', 4.5, 'success banner text'],
  ['--color-neutral-solid-gray-800', white, 4.5, 'hints, captions, link descriptions'],
  ['--color-primitive-blue-1000', white, 4.5, 'links'],
  ['--color-primitive-blue-1000', '--color-neutral-solid-gray-50', 4.5, 'footer links'],
  ['--color-primitive-blue-1000', '--color-primitive-blue-50', 4.5, 'links in an info banner'],
  ['--color-primitive-blue-1200', white, 4.5, 'hovered links'],
  ['--color-primitive-magenta-1000', white, 4.5, 'visited links'],
  [white, '--color-primitive-blue-900', 4.5, 'primary button'],
  ['--color-primitive-blue-900', white, 4.5, 'secondary button'],
  ['--color-semantic-error-1', white, 4.5, 'error messages and error summary links'],
  [white, '--color-semantic-error-1', 4.5, 'the 必須 badge'],
  ['--color-neutral-solid-gray-600', white, 3, 'input and card borders (non-text)'],
  ['--color-neutral-black', white, 3, 'focus ring inner edge (non-text)'],
  ['--color-primitive-yellow-300', '--color-neutral-black', 3, 'focus ring against its inner edge'],
];

test('colour pairs meet WCAG 2.2 AA: text 4.5:1, borders and focus ring 3:1', () => {
  for (const [fg, bg, min, where] of pairs) {
    assert.ok(css.includes(`var(${fg})`) && css.includes(`var(${bg})`), `${where}: pair not used in app.css`);
    const ratio = contrast(fg, bg);
    assert.ok(ratio >= min, `${where}: ${fg} on ${bg} is ${ratio.toFixed(2)}:1, needs ${min}:1`);
  }
});

test('Japanese typography: Japanese fonts before the generic family, body line-height at least 1.7', () => {
  const body = block('body');
  const family = /font-family:\s*([^;]+);/.exec(body)?.[1] ?? '';
  const fonts = family.split(',').map((f) => f.trim().replace(/"/g, ''));
  assert.equal(fonts[0], 'Noto Sans JP');
  for (const font of ['Hiragino Sans', 'Meiryo']) assert.ok(fonts.includes(font), font);
  assert.equal(fonts.at(-1), 'sans-serif');
  assert.equal(fonts.indexOf('sans-serif'), fonts.length - 1, 'a generic family hides the fonts after it');
  assert.ok(Number(/line-height:\s*([\d.]+)/.exec(body)?.[1]) >= 1.7);
});

test('a visible focus ring everywhere, and tap targets of at least 44px', () => {
  assert.match(block(':focus-visible'), /outline:\s*\d+px solid/);
  const targets = ['.lang-switch a', '.site-footer__links a', '.link-list a', '.button', '.form-field__input'];
  for (const selector of targets) {
    const height = Number(/min-height:\s*(\d+)px/.exec(block(selector))?.[1]);
    assert.ok(height >= 44, `${selector}: min-height ${height}px`);
  }
});

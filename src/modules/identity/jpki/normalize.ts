// Name and address comparison: NFKC folds full-width/half-width, spaces of every kind are dropped, and
// the hyphen-like marks addresses are written with (−－ー‐) become one.
export function normalizeForMatch(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[‐‑‒–—―−ーｰ-]/g, '-')
    .replace(/(\d+)丁目(\d+)番地?(\d+)号?/g, '$1-$2-$3');
}

// Noto Sans JP (regular and bold), read and parsed once per process: each file is 5 MB and parsing it
// costs far more than laying out a certificate. pdf-lib asks its fontkit to parse the bytes on every
// embedFont; the facade below answers from the parsed fonts, and subsetting keeps each PDF small.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

export interface JapaneseFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  /** Hands pdf-lib the already-parsed font for these exact bytes. */
  fontkit: Fontkit;
}

const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-jp/package.json'));

let loading: Promise<JapaneseFonts> | undefined;

type Font = ReturnType<Fontkit['create']>;

// Internals of @pdf-lib/fontkit's TrueType subset (a fork of fontkit 1.7) that the repair below touches.
interface TrueTypeSubset {
  font: { loca?: { version?: number } };
  loca: { version?: number; offsets: number[] };
  _addGlyph(gid: number): number;
}

/**
 * @pdf-lib/fontkit writes a TrueType subset's `loca` in the short format whenever the subset is small,
 * halving every offset without padding the glyph records to even lengths: after the first odd-length
 * glyph, every later glyph points one byte off and renders blank or as garbage. Text extraction still
 * works, so only a look at the page shows it. Upstream fontkit fixed this by keeping the source font's
 * format (foliojs/fontkit#191, fontkit 1.8); this does the same for every subset of `font`.
 */
export function keepLocaFormat(font: Font): Font {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset() as unknown as TrueTypeSubset;
    const addGlyph = subset._addGlyph;
    if (typeof addGlyph !== 'function') return subset as never;
    // `encode` resets `loca` and then adds .notdef first, so the format is set before any offset is
    // written and before `loca.preEncode`, which keeps a version that is already set.
    subset._addGlyph = function (this: TrueTypeSubset, gid: number) {
      this.loca.version ??= this.font.loca?.version ?? 1;
      return addGlyph.call(this, gid);
    };
    return subset as never;
  };
  return font;
}

async function load(): Promise<JapaneseFonts> {
  const [regular, bold] = await Promise.all([
    readFile(path.join(fontDir, '400Regular', 'NotoSansJP_400Regular.ttf')),
    readFile(path.join(fontDir, '700Bold', 'NotoSansJP_700Bold.ttf')),
  ]);
  const parsed = new Map<Uint8Array, Font>([
    [regular, keepLocaFormat(fontkit.create(regular))],
    [bold, keepLocaFormat(fontkit.create(bold))],
  ]);
  return {
    regular,
    bold,
    fontkit: {
      create: (bytes: Uint8Array, name?: string) => parsed.get(bytes) ?? keepLocaFormat(fontkit.create(bytes, name)),
    },
  };
}

export function japaneseFonts(): Promise<JapaneseFonts> {
  loading ??= load().catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

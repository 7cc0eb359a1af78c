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

async function load(): Promise<JapaneseFonts> {
  const [regular, bold] = await Promise.all([
    readFile(path.join(fontDir, '400Regular', 'NotoSansJP_400Regular.ttf')),
    readFile(path.join(fontDir, '700Bold', 'NotoSansJP_700Bold.ttf')),
  ]);
  const parsed = new Map<Uint8Array, ReturnType<Fontkit['create']>>([
    [regular, fontkit.create(regular)],
    [bold, fontkit.create(bold)],
  ]);
  return {
    regular,
    bold,
    fontkit: { create: (bytes: Uint8Array, name?: string) => parsed.get(bytes) ?? fontkit.create(bytes, name) },
  };
}

export function japaneseFonts(): Promise<JapaneseFonts> {
  loading ??= load().catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

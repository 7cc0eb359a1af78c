// For tests: the text a reader would extract from a PDF, page by page in drawing order, read back through
// each font's ToUnicode map, the way a PDF reader (or a screen reader) gets the text of a subset font.
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFPage,
  PDFRawStream,
  type PDFRef,
} from 'pdf-lib';

function streamText(stream: unknown): string {
  if (!(stream instanceof PDFRawStream)) return '';
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

function toUnicodeMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(from!.toUpperCase(), utf16(to!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const start = Number.parseInt(lo!, 16);
      const base = Number.parseInt(to!, 16);
      for (let code = start; code <= Number.parseInt(hi!, 16); code++) {
        map.set(code.toString(16).toUpperCase().padStart(lo!.length, '0'), String.fromCodePoint(base + code - start));
      }
    }
  }
  return map;
}

// Pages share their fonts, so each font's map is parsed once per document, keyed by its object.
function pageLines(doc: PDFDocument, page: PDFPage, maps: Map<PDFRef, Map<string, string>>): string[] {
  const fonts = new Map<string, Map<string, string>>();
  const fontDict = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
  for (const [name, ref] of fontDict?.entries() ?? []) {
    let map = maps.get(ref as PDFRef);
    if (!map) {
      const font = doc.context.lookup(ref as PDFRef, PDFDict);
      map = toUnicodeMap(streamText(font.lookup(PDFName.of('ToUnicode'))));
      maps.set(ref as PDFRef, map);
    }
    fonts.set(name.asString().slice(1), map);
  }
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  const lines: string[] = [];
  let current = new Map<string, string>();
  for (const stream of streams) {
    for (const op of streamText(stream).matchAll(/\/([^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (op[1]) current = fonts.get(op[1]) ?? new Map();
      else lines.push((op[2]!.toUpperCase().match(/.{4}/g) ?? []).map((g) => current.get(g) ?? '\uFFFD').join(''));
    }
  }
  return lines;
}

/** The lines of every page: `result[0]` is page 1. */
export async function pdfPagesText(bytes: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(bytes);
  const maps = new Map<PDFRef, Map<string, string>>();
  return doc.getPages().map((page) => pageLines(doc, page, maps));
}

/** The lines of page 1 (certificates and other one-page documents). */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  return (await pdfPagesText(bytes))[0] ?? [];
}

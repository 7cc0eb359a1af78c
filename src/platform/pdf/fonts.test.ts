// The embedded Japanese font subsets draw the glyphs they claim to: every glyph in the subset has the
// outline of the same character in Noto Sans JP. (Text extraction alone cannot see a broken subset.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { japaneseFonts } from './fonts.ts';

// Kanji, kana, digits, Latin and punctuation: glyph records of odd and even lengths, simple and compound.
const sample = '1 経過 本市では、意見募集を行いました。（令和7年12月3日）ABC xyz 0123456789 「川崎市DX推進プラン」';

async function embeddedSubset(bold: boolean): Promise<{ codes: number[]; font: fontkit.Font }> {
  const fonts = await japaneseFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fonts.fontkit);
  const font = await doc.embedFont(bold ? fonts.bold : fonts.regular, { subset: true });
  doc.addPage().drawText(sample, { x: 20, y: 400, size: 10, font });
  const saved = await PDFDocument.load(await doc.save());
  const page = saved.getPage(0);
  const fontDict = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  const [, ref] = fontDict.entries()[0]!;
  const type0 = saved.context.lookup(ref as PDFRef, PDFDict);
  const cid = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  const file = cid.lookup(PDFName.of('FontDescriptor'), PDFDict).lookup(PDFName.of('FontFile2'));
  assert.ok(file instanceof PDFRawStream);
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => saved.context.lookup(r)) : [contents];
  const ops = streams
    .map((s) => (s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : ''))
    .join('\n');
  const hex = /<([0-9A-Fa-f]+)>\s*Tj/.exec(ops)![1]!;
  const codes = hex.match(/.{4}/g)!.map((h) => Number.parseInt(h, 16));
  return { codes, font: fontkit.create(Buffer.from(decodePDFRawStream(file).decode())) };
}

for (const bold of [false, true]) {
  test(`the ${bold ? 'bold' : 'regular'} subset holds each character's own outline`, async () => {
    const fonts = await japaneseFonts();
    const original = fontkit.create(bold ? fonts.bold : fonts.regular);
    const { codes, font } = await embeddedSubset(bold);
    const chars = [...sample];
    assert.equal(codes.length, chars.length);
    chars.forEach((char, i) => {
      const want = original.glyphForCodePoint(char.codePointAt(0)!);
      const got = font.getGlyph(codes[i]!);
      // The typings leave out the path's SVG form; the same outline gives the same path data.
      const svg = (glyph: typeof got) => (glyph.path as unknown as { toSVG(): string }).toSVG();
      assert.equal(svg(got), svg(want), `「${char}」 outline`);
      assert.deepEqual(
        [got.bbox.minX, got.bbox.minY, got.bbox.maxX, got.bbox.maxY],
        [want.bbox.minX, want.bbox.minY, want.bbox.maxX, want.bbox.maxY],
        `「${char}」 bounds`,
      );
    });
  });
}

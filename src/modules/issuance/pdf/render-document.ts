// The document as an A4 PDF: city and issuer, title, 文書番号 and 和暦 issue date, body, table, 受付番号,
// and a QR code to the verification page with the 確認コード printed beside it, so a paper copy can be
// checked too. Japanese text in Noto Sans JP, subset-embedded. Signing happens afterwards (sign-pdf.ts).
import { PDFDict, PDFDocument, type PDFFont, PDFName, type PDFPage, PDFString, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { japaneseFonts } from '../../../platform/pdf/fonts.ts';
import { formatVerificationCode } from '../code.ts';
import type { FilledDocument } from '../template.ts';

export interface DocumentLayout extends FilledDocument {
  cityName: string;
  documentNumber: string;
  /** 令和8年4月1日 */
  issuedOn: string;
  receiptNumber: string;
  verificationCode: string;
  verifyUrl: string;
}

/** The Info dictionary key that carries the code in plain ASCII, so a verifier finds the record. */
export const codeInfoKey = 'CityhallVerificationCode';

const a4 = { width: 595.28, height: 841.89 };
const margin = 56;
const ink = rgb(0.1, 0.1, 0.1);
const grey = rgb(0.35, 0.35, 0.35);

/** Japanese has no spaces to break at: wrap by width, character by character. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (line !== '' && font.widthOfTextAtSize(line + char, size) > width) {
      lines.push(line);
      line = '';
    }
    line += char;
  }
  lines.push(line);
  return lines;
}

function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const quiet = 4;
  const cell = size / (modules.size + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < modules.size; row++) {
    // One rectangle per run of dark modules keeps the content stream short.
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      page.drawRectangle({
        x: x + (quiet + start) * cell,
        y: y + size - (quiet + row + 1) * cell,
        width: (col - start) * cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
}

/** An unsigned PDF; `sign-pdf.ts` adds the signature field and the signature. */
export async function renderDocument(layout: DocumentLayout): Promise<PDFDocument> {
  const fonts = await japaneseFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fonts.fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const page = doc.addPage([a4.width, a4.height]);
  const right = a4.width - margin;
  const contentWidth = right - margin;

  const text = (value: string, x: number, y: number, size: number, font = regular, color = ink) =>
    page.drawText(value, { x, y, size, font, color });
  const rightAligned = (value: string, y: number, size: number, font = regular) =>
    text(value, right - font.widthOfTextAtSize(value, size), y, size, font);

  let y = a4.height - margin;
  rightAligned(`文書番号 ${layout.documentNumber}`, y, 10);
  y -= 16;
  rightAligned(layout.issuedOn, y, 10);

  y -= 56;
  const titleSize = 20;
  for (const line of wrap(layout.title, bold, titleSize, contentWidth)) {
    text(line, (a4.width - bold.widthOfTextAtSize(line, titleSize)) / 2, y, titleSize, bold);
    y -= titleSize * 1.5;
  }

  y -= 16;
  const bodySize = 11;
  for (const paragraph of layout.body) {
    for (const line of wrap(paragraph, regular, bodySize, contentWidth)) {
      text(line, margin, y, bodySize);
      y -= bodySize * 1.8;
    }
  }

  if (layout.table.length > 0) {
    y -= 8;
    const labelWidth = 130;
    const padding = 6;
    for (const row of layout.table) {
      const lines = wrap(row.value, regular, bodySize, contentWidth - labelWidth - padding * 2);
      const height = Math.max(1, lines.length) * bodySize * 1.6 + padding * 2;
      const top = y;
      page.drawRectangle({
        x: margin,
        y: top - height,
        width: labelWidth,
        height,
        color: rgb(0.94, 0.94, 0.94),
        borderColor: grey,
        borderWidth: 0.5,
      });
      page.drawRectangle({
        x: margin + labelWidth,
        y: top - height,
        width: contentWidth - labelWidth,
        height,
        borderColor: grey,
        borderWidth: 0.5,
      });
      text(row.label, margin + padding, top - padding - bodySize, bodySize, bold);
      lines.forEach((line, i) => {
        text(line, margin + labelWidth + padding, top - padding - bodySize - i * bodySize * 1.6, bodySize);
      });
      y = top - height;
    }
  }

  y -= 28;
  text(`受付番号 ${layout.receiptNumber}`, margin, y, 10);
  y -= 40;
  rightAligned(layout.cityName, y, 12);
  y -= 20;
  rightAligned(layout.issuer, y, 14, bold);

  // The verification block at the foot of the page.
  const qrSize = 96;
  const footY = margin;
  drawQr(page, layout.verifyUrl, margin, footY, qrSize);
  const noteX = margin + qrSize + 16;
  text('この書類は電子署名付きで交付されました。', noteX, footY + qrSize - 14, 9, regular, grey);
  text(
    '印刷した書類も、QRコードまたは次の確認コードで真正性を確かめられます。',
    noteX,
    footY + qrSize - 28,
    9,
    regular,
    grey,
  );
  text(`確認コード ${formatVerificationCode(layout.verificationCode)}`, noteX, footY + qrSize - 52, 13, bold);
  text(layout.verifyUrl, noteX, footY + qrSize - 70, 8, regular, grey);

  doc.setTitle(layout.title, { showInWindowTitleBar: true });
  doc.setAuthor(`${layout.cityName} ${layout.issuer}`);
  doc.setSubject(`${layout.title}（文書番号 ${layout.documentNumber}）`);
  doc.setLanguage('ja-JP');
  doc.setProducer('デジタル市役所');
  doc.setCreator('デジタル市役所 電子交付');
  // setTitle above created the Info dictionary.
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of(codeInfoKey), PDFString.of(layout.verificationCode));
  return doc;
}

// 地方税統一QRコード (eL-QR) as inline SVG: the QR text exactly as the tax system issued it, drawn on the
// server so the page needs no script and no image request; the caller gives the text alternative.
import QRCode from 'qrcode';
import { escapeHtml } from '../../platform/pages/html.ts';

/** SVG markup of the QR code of `text`, labelled for assistive technology with `label`. */
export async function elQrSvg(text: string, label = 'eL-QR'): Promise<string> {
  // Level M and a 4-module quiet zone: what the 統一QRコード guidance asks of printed notices.
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return svg
    .trim()
    .replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(label)}" class="el-qr" width="200" height="200" `);
}

/** eL番号 in groups of four digits, as printed on notices. */
export function formatElNumber(elNumber: string): string {
  return elNumber.replace(/(\d{4})(?=\d)/g, '$1-');
}

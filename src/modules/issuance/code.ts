// 確認コード: what a person types (or the QR code carries) to check a document. 16 characters of
// Crockford base32 (80 random bits; no I, L, O or U), printed as XXXX-XXXX-XXXX-XXXX. Reading is lenient:
// full-width characters, lower case, spaces and hyphens are accepted, and O / I / L are read as 0 / 1 / 1.
import { randomBytes } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeLength = 16;

export function newVerificationCode(): string {
  const bytes = randomBytes(10); // 80 bits = 16 × 5
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** XXXX-XXXX-XXXX-XXXX */
export function formatVerificationCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** The canonical 16 characters, or undefined when the input cannot be a code. */
export function parseVerificationCode(input: string): string | undefined {
  const cleaned = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐－―ー]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== codeLength) return undefined;
  for (const c of cleaned) if (!alphabet.includes(c)) return undefined;
  return cleaned;
}

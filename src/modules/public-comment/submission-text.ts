// What makes two submissions "the same": the text after NFKC and with all white space removed, so a
// resent letter with different line breaks or full-width spaces is recognised as a repeat.
import { createHash, createHmac } from 'node:crypto';

export function contentHash(body: string): Buffer {
  return createHash('sha256').update(body.normalize('NFKC').replace(/\s+/g, '')).digest();
}

/** An address or contact turned into a keyed hash: repeats are recognised, the address is not kept. */
export function senderHash(key: Buffer, sender: string): Buffer {
  return createHmac('sha256', key).update(sender).digest();
}

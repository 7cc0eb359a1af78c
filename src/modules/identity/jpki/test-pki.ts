// Test vectors for the JPKI tests: a demo CA, a second CA nobody trusts, and cards in every state.
// RSA keys are slow to make, so each test file builds these once (top-level await) and reuses them.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { type CardHolder, createDemoCa, createDemoCard, createDemoCrl } from './demo-ca.ts';
import { JpkiError, type JpkiReason } from './errors.ts';
import { crlFileChecker } from './revocation.ts';

export const holder: CardHolder = {
  name: '川崎　花子',
  sex: '2',
  birthDate: '1990-04-01',
  address: '神奈川県川崎市川崎区宮本町1番地',
};

export const data = new TextEncoder().encode('{"procedure":"juminhyo-copy","copies":1}');

const day = 86_400_000;

export async function createTestPki() {
  const ca = await createDemoCa();
  const [otherCa, card, expired, notYet, lost] = await Promise.all([
    createDemoCa({ name: '知らない認証局' }),
    createDemoCard(ca, 'card1', holder),
    createDemoCard(ca, 'expired', holder, {
      notBefore: new Date(Date.now() - 6 * 365 * day),
      notAfter: new Date(Date.now() - day),
    }),
    createDemoCard(ca, 'future', holder, { notBefore: new Date(Date.now() + day) }),
    createDemoCard(ca, 'lost', holder),
  ]);
  const crl = await createDemoCrl(ca, [serialOf(lost.signing.der)]);
  return {
    ca,
    otherCa,
    card,
    expired,
    notYet,
    lost,
    crl,
    /** Trust the demo CA; the CRL revokes `lost`. */
    trust: () => ({ trustAnchors: [ca.der], revocation: crlFileChecker(crl) }),
  };
}

export function serialOf(der: Uint8Array): string {
  return new X509Certificate(Buffer.from(der)).serialNumber.toLowerCase().replace(/^0+(?=.)/, '');
}

/** The reason a verification was refused, asserting it was refused the one allowed way: a 400 JpkiError. */
export async function reasonOf(promise: Promise<unknown>): Promise<JpkiReason> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof JpkiError, `not a JpkiError: ${(error as Error)?.stack ?? String(error)}`);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'jpki_invalid');
    assert.ok(error.detail && /[ぁ-んァ-ン一-龥]/.test(error.detail), 'a Japanese explanation');
    assert.deepEqual(error.errors, [{ field: error.reason, message: error.detail }]);
    return error.reason;
  }
  assert.fail('verification passed but should not have');
}

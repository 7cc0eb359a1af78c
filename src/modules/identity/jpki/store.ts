// The demo CA and cards on disk (var/jpki by default): PEM certificates, PKCS#8 keys, the CRL (DER) and
// the list of revoked serials. Only for trying JPKI locally; a city's real trust anchors come from
// J-LIS and are configured with JPKI_TRUST_ANCHORS.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDemoCrl, type DemoCard, type KeyedCertificate } from './demo-ca.ts';
import { derToPem, pemToDer } from './der.ts';

async function writeKeyed(dir: string, name: string, keyed: KeyedCertificate): Promise<void> {
  await writeFile(path.join(dir, `${name}.pem`), derToPem(keyed.der, 'CERTIFICATE'));
  await writeFile(path.join(dir, `${name}.key`), derToPem(keyed.privateKey, 'PRIVATE KEY'), { mode: 0o600 });
}

async function readKeyed(dir: string, name: string): Promise<KeyedCertificate> {
  const der = pemToDer(await readFile(path.join(dir, `${name}.pem`), 'utf8'))[0];
  const key = pemToDer(await readFile(path.join(dir, `${name}.key`), 'utf8'))[0];
  if (!der || !key) throw new Error(`${path.join(dir, name)} を読めません`);
  return { der, privateKey: key };
}

export function hasDemoCa(dir: string): boolean {
  return existsSync(path.join(dir, 'ca.pem')) && existsSync(path.join(dir, 'ca.key'));
}

export async function saveDemoCa(dir: string, ca: KeyedCertificate): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeKeyed(dir, 'ca', ca);
}

export async function loadDemoCa(dir: string): Promise<KeyedCertificate> {
  if (!hasDemoCa(dir))
    throw new Error(`デモ認証局がありません。先に cityhall jpki demo-ca --dir ${dir} を実行してください。`);
  return readKeyed(dir, 'ca');
}

// Card ids become folder names, so nothing that could climb out of the folder.
function checkCardId(id: string): void {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) throw new Error('カードIDは英数字と _ - で40文字までで指定してください。');
}

export async function saveDemoCard(dir: string, card: DemoCard): Promise<void> {
  checkCardId(card.id);
  const cardDir = path.join(dir, 'cards', card.id);
  await mkdir(cardDir, { recursive: true });
  await writeKeyed(cardDir, 'signing', card.signing);
  await writeKeyed(cardDir, 'authentication', card.authentication);
}

export async function loadDemoCard(dir: string, id: string): Promise<DemoCard> {
  checkCardId(id);
  const cardDir = path.join(dir, 'cards', id);
  if (!existsSync(cardDir)) throw new Error(`デモカード ${id} がありません（cityhall jpki demo-card --id ${id}）。`);
  return {
    id,
    signing: await readKeyed(cardDir, 'signing'),
    authentication: await readKeyed(cardDir, 'authentication'),
  };
}

/** The first free id of the form card1, card2, … */
export async function nextCardId(dir: string): Promise<string> {
  const taken = new Set(existsSync(path.join(dir, 'cards')) ? await readdir(path.join(dir, 'cards')) : []);
  let n = 1;
  while (taken.has(`card${n}`)) n++;
  return `card${n}`;
}

export function crlPath(dir: string): string {
  return path.join(dir, 'ca.crl');
}

/** Re-issues the CRL (DER, where JPKI_CRL_FILE points by default) from revoked.txt, current from now. */
export async function writeDemoCrl(dir: string): Promise<void> {
  await writeFile(crlPath(dir), await createDemoCrl(await loadDemoCa(dir), await readRevokedSerials(dir)));
}

export async function readRevokedSerials(dir: string): Promise<string[]> {
  const file = path.join(dir, 'revoked.txt');
  return existsSync(file) ? (await readFile(file, 'utf8')).split('\n').filter(Boolean) : [];
}

export async function writeRevokedSerials(dir: string, serials: string[]): Promise<void> {
  await writeFile(path.join(dir, 'revoked.txt'), `${serials.join('\n')}\n`);
}

// `cityhall jpki …`: a demo CA and demo My Number Cards, signing with a card, and verifying, so the JPKI
// flow can be tried end to end without a card reader.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCrl, createDemoCa, createDemoCard, signCms, signPkcs1 } from './demo-ca.ts';
import { JpkiError } from './errors.ts';
import { crlChecker } from './revocation.ts';
import {
  hasDemoCa,
  loadDemoCa,
  loadDemoCard,
  readRevokedSerials,
  saveDemoCa,
  saveDemoCard,
  writeRevokedSerials,
} from './store.ts';
import { verifyCmsSignedData } from './verify-signed-data.ts';

export const jpkiUsage = `使い方: cityhall jpki <command> [--dir var/jpki]
  demo-ca                              デモ用の認証局（署名用）を作ります
  demo-card --id ID --name 氏名 --birth YYYY-MM-DD --sex 1|2 --address 住所
                                       デモ用のマイナンバーカード（署名用・利用者証明用の電子証明書）を作ります
  sign --card ID (--text 文字列 | --in ファイル) [--out ファイル] [--pkcs1]
                                       カードの署名用鍵で署名し、CMS（DER）を base64 で出力します
  verify --in ファイル                  CMS 署名を検証し、基本4情報を表示します
  revoke --card ID                     カードの署名用電子証明書を失効させ、CRL を作り直します`;

async function writeCrl(dir: string): Promise<void> {
  const ca = await loadDemoCa(dir);
  await writeFile(path.join(dir, 'ca.crl'), await createCrl(ca, await readRevokedSerials(dir)));
}

export async function jpkiCommand(args: string[], out: { stdout: NodeJS.WritableStream }): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      dir: { type: 'string', default: path.join(process.env.CITYHALL_DATA_DIR || 'var', 'jpki') },
      id: { type: 'string' },
      card: { type: 'string' },
      name: { type: 'string' },
      birth: { type: 'string' },
      sex: { type: 'string' },
      address: { type: 'string' },
      text: { type: 'string' },
      in: { type: 'string' },
      out: { type: 'string' },
      pkcs1: { type: 'boolean', default: false },
    },
  });
  const dir = path.resolve(values.dir);
  switch (sub) {
    case 'demo-ca': {
      if (hasDemoCa(dir)) {
        out.stdout.write(`デモ認証局はすでにあります: ${dir}/ca.pem\n`);
        return;
      }
      await saveDemoCa(dir, await createDemoCa());
      await writeRevokedSerials(dir, []);
      await writeCrl(dir);
      out.stdout.write(`デモ認証局を作りました: ${dir}/ca.pem（信頼する認証局として読み込まれます）\n`);
      return;
    }
    case 'demo-card': {
      const { id, name, birth, sex, address } = values;
      if (!id || !name || !birth || !address || (sex !== '1' && sex !== '2')) throw new Error(jpkiUsage);
      const card = await createDemoCard(await loadDemoCa(dir), id, { name, birthDate: birth, sex, address });
      await saveDemoCard(dir, card);
      out.stdout.write(`デモカード ${id} を作りました: ${dir}/cards/${id}/\n`);
      return;
    }
    case 'sign': {
      if (!values.card || (values.text === undefined && !values.in)) throw new Error(jpkiUsage);
      const card = await loadDemoCard(dir, values.card);
      const data = values.in ? new Uint8Array(await readFile(values.in)) : new TextEncoder().encode(values.text);
      const signature = values.pkcs1 ? signPkcs1(card.signing, data) : await signCms(card.signing, data);
      if (values.out) {
        await writeFile(values.out, signature);
        out.stdout.write(`署名を ${values.out} に書きました。\n`);
      } else {
        out.stdout.write(`${Buffer.from(signature).toString('base64')}\n`);
      }
      return;
    }
    case 'verify': {
      if (!values.in) throw new Error(jpkiUsage);
      const raw = await readFile(values.in);
      const bytes = /^[A-Za-z0-9+/=\s]+$/.test(raw.toString('latin1'))
        ? Buffer.from(raw.toString('latin1'), 'base64')
        : raw;
      try {
        const ca = await loadDemoCa(dir);
        const result = await verifyCmsSignedData(new Uint8Array(bytes), {
          trustAnchors: [ca.der],
          revocation: crlChecker(new Uint8Array(await readFile(path.join(dir, 'ca.crl')))),
        });
        const h = result.certificate.holder;
        out.stdout.write(
          `署名は有効です。\n  証明書のシリアル番号: ${result.certificate.serialNumber}\n` +
            (h
              ? `  氏名: ${h.name}\n  生年月日: ${h.birthDate}（${h.birthEra}）\n  性別: ${h.sex}\n  住所: ${h.address}\n`
              : ''),
        );
      } catch (error) {
        if (error instanceof JpkiError) {
          out.stdout.write(`署名を確認できません: ${error.detail}\n`);
          process.exitCode = 1;
          return;
        }
        throw error;
      }
      return;
    }
    case 'revoke': {
      if (!values.card) throw new Error(jpkiUsage);
      const card = await loadDemoCard(dir, values.card);
      const { X509Certificate } = await import('node:crypto');
      const serial = new X509Certificate(Buffer.from(card.signing.der)).serialNumber.toLowerCase();
      const serials = new Set(await readRevokedSerials(dir));
      serials.add(serial);
      await writeRevokedSerials(dir, [...serials]);
      await writeCrl(dir);
      out.stdout.write(`カード ${values.card} の署名用電子証明書（${serial}）を失効させ、CRL を更新しました。\n`);
      return;
    }
    default:
      out.stdout.write(`${jpkiUsage}\n`);
      if (sub !== undefined && sub !== 'help') process.exitCode = 2;
  }
}

// `cityhall jpki …`: a demo CA and demo My Number Cards, signing with a card, verifying, and revoking, so
// the JPKI flow can be tried end to end without a card reader. Exit codes: 0 done / signature valid,
// 1 refused or failed, 2 wrong usage.
import { X509Certificate } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Basic4Info } from './basic4.ts';
import { createDemoCa, createDemoCard, signCms, signPkcs1 } from './demo-ca.ts';
import { derOrPem } from './der.ts';
import { JpkiError } from './errors.ts';
import { crlFileChecker, normaliseSerial } from './revocation.ts';
import {
  crlPath,
  hasDemoCa,
  loadDemoCa,
  loadDemoCard,
  nextCardId,
  readRevokedSerials,
  saveDemoCa,
  saveDemoCard,
  writeDemoCrl,
  writeRevokedSerials,
} from './store.ts';
import { type VerifiedSignature, verifyCmsSignedData, verifyPkcs1Signature } from './verify-signed-data.ts';

export const jpkiUsage = `使い方: cityhall jpki <コマンド> [--dir フォルダ（既定 var/jpki）]

  demo-ca
      デモ用の認証局を作ります（ca.pem 証明書、ca.key 秘密鍵、ca.crl 失効リスト）。
  demo-card --name 氏名 --birth YYYY-MM-DD --sex 1|2|3 --address 住所 [--id カードID]
      デモ用のマイナンバーカードを作ります。署名用電子証明書（基本4情報入り）と
      利用者証明用電子証明書を cards/カードID/ に書きます。性別は 1 男、2 女、3 不明。
  sign --card カードID (--in ファイル | --text 文字列) [--out ファイル] [--pkcs1] [--auth]
      カードの署名用の鍵（--auth なら利用者証明用の鍵）で署名します。既定は CMS（DER）、
      --pkcs1 なら署名値だけ。--out がなければ base64 で表示します。
  verify --in 署名ファイル [--data 内容のファイル] [--pkcs1 (--card カードID | --cert 証明書)] [--auth]
      署名を検証し、結果と基本4情報を表示します。ファイルは DER でも base64 でも構いません。
  crl [--revoke シリアル番号 …]
      指定したシリアル番号（16進）を失効させ、失効リスト（ca.crl）を作り直します。
      指定しなければ、期限を延ばして作り直すだけです。
  revoke --card カードID
      カードの署名用電子証明書を失効させます（crl --revoke の近道）。

例:
  cityhall jpki demo-ca --dir var/jpki
  cityhall jpki demo-card --dir var/jpki --name 川崎花子 --birth 1990-04-01 --sex 2 --address "神奈川県川崎市川崎区宮本町1番地"
  cityhall jpki sign --dir var/jpki --card card1 --in 申請.json --out 申請.p7s
  cityhall jpki verify --dir var/jpki --in 申請.p7s`;

export interface CommandOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

class UsageError extends Error {}

const sexNames: Record<string, string> = { '1': '男', '2': '女', '3': '不明' };

function usageUnless(condition: unknown, message: string): asserts condition {
  if (!condition) throw new UsageError(message);
}

/** DER as it is, or base64 text (what `sign` prints without --out). */
async function readBytes(file: string): Promise<Uint8Array> {
  const raw = await readFile(file);
  const text = raw.toString('latin1');
  if (raw.length > 0 && /^[A-Za-z0-9+/=\s]+$/.test(text)) return new Uint8Array(Buffer.from(text, 'base64'));
  return new Uint8Array(raw);
}

function describe(result: VerifiedSignature): string {
  const c = result.certificate;
  const lines = [
    '署名は有効です。',
    `  電子証明書のシリアル番号: ${c.serialNumber}`,
    `  発行者: ${c.issuer.replaceAll('\n', ', ')}`,
    `  有効期間: ${c.notBefore} 〜 ${c.notAfter}`,
    `  署名された内容: ${result.signedContent.length} バイト`,
  ];
  const h: Basic4Info | null = result.holder;
  if (h) {
    lines.push(
      `  氏名: ${h.name}`,
      `  生年月日: ${h.birthDate}（${h.birthEra}）`,
      `  性別: ${sexNames[h.sex] ?? h.sex}`,
      `  住所: ${h.address}`,
    );
  } else {
    lines.push('  基本4情報: なし（利用者証明用電子証明書）');
  }
  return `${lines.join('\n')}\n`;
}

async function run(sub: string | undefined, rest: string[], out: CommandOutput): Promise<number> {
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
      data: { type: 'string' },
      cert: { type: 'string' },
      revoke: { type: 'string', multiple: true },
      pkcs1: { type: 'boolean', default: false },
      auth: { type: 'boolean', default: false },
    },
  });
  const dir = path.resolve(values.dir);

  switch (sub) {
    case 'demo-ca': {
      if (hasDemoCa(dir)) {
        out.stdout.write(`デモ認証局はすでにあります: ${path.join(dir, 'ca.pem')}\n`);
        return 0;
      }
      await saveDemoCa(dir, await createDemoCa());
      await writeRevokedSerials(dir, []);
      await writeDemoCrl(dir);
      out.stdout.write(
        `デモ認証局を作りました: ${path.join(dir, 'ca.pem')}\n` +
          `  信頼する認証局（JPKI_TRUST_ANCHORS）と失効リスト（JPKI_CRL_FILE: ${crlPath(dir)}）に使えます。\n`,
      );
      return 0;
    }

    case 'demo-card': {
      const { name, birth, sex, address } = values;
      usageUnless(name && birth && sex && address, '--name、--birth、--sex、--address を指定してください。');
      usageUnless(
        /^\d{4}-\d{2}-\d{2}$/.test(birth) && !Number.isNaN(Date.parse(birth)),
        '--birth は YYYY-MM-DD で指定してください。',
      );
      usageUnless(sex === '1' || sex === '2' || sex === '3', '--sex は 1（男）、2（女）、3（不明）のどれかです。');
      const id = values.id ?? (await nextCardId(dir));
      // Real cards separate family and given name with a full-width space.
      const holder = { name: name.trim().replace(/[ \u3000]+/g, '\u3000'), birthDate: birth, sex, address } as const;
      await saveDemoCard(dir, await createDemoCard(await loadDemoCa(dir), id, holder));
      out.stdout.write(`デモカード ${id} を作りました: ${path.join(dir, 'cards', id)}\n`);
      return 0;
    }

    case 'sign': {
      usageUnless(values.card, '--card を指定してください。');
      usageUnless(values.in || values.text !== undefined, '--in か --text で署名する内容を指定してください。');
      const card = await loadDemoCard(dir, values.card);
      const keyed = values.auth ? card.authentication : card.signing;
      const data = values.in ? new Uint8Array(await readFile(values.in)) : new TextEncoder().encode(values.text);
      const signature = values.pkcs1 ? signPkcs1(keyed, data) : await signCms(keyed, data);
      if (values.out) {
        await writeFile(values.out, signature);
        out.stdout.write(`署名（${values.pkcs1 ? 'PKCS#1' : 'CMS'}）を ${values.out} に書きました。\n`);
      } else {
        out.stdout.write(`${Buffer.from(signature).toString('base64')}\n`);
      }
      return 0;
    }

    case 'verify': {
      usageUnless(values.in, '--in で署名ファイルを指定してください。');
      const signature = await readBytes(values.in);
      const data = values.data ? new Uint8Array(await readFile(values.data)) : undefined;
      const options = {
        trustAnchors: [(await loadDemoCa(dir)).der],
        revocation: crlFileChecker(crlPath(dir)),
        purpose: values.auth ? ('authentication' as const) : ('signature' as const),
      };
      try {
        let result: VerifiedSignature;
        if (values.pkcs1) {
          usageUnless(data, 'PKCS#1 の署名には --data で署名された内容を指定してください。');
          usageUnless(
            values.card || values.cert,
            'PKCS#1 の署名には --card か --cert で電子証明書を指定してください。',
          );
          let certificateDer: Uint8Array;
          if (values.cert) {
            certificateDer = derOrPem(new Uint8Array(await readFile(values.cert)))[0] ?? new Uint8Array(0);
          } else {
            const card = await loadDemoCard(dir, values.card!);
            certificateDer = (values.auth ? card.authentication : card.signing).der;
          }
          result = await verifyPkcs1Signature({ data, signature, certificateDer }, options);
        } else {
          result = await verifyCmsSignedData(signature, { ...options, ...(data ? { detachedContent: data } : {}) });
        }
        out.stdout.write(describe(result));
        return 0;
      } catch (error) {
        if (!(error instanceof JpkiError)) throw error;
        out.stderr.write(`署名を確認できません（理由: ${error.reason}）\n  ${error.detail}\n`);
        return 1;
      }
    }

    case 'crl':
    case 'revoke': {
      let add = (values.revoke ?? []).map((s) => normaliseSerial(s.replace(/[:\s]/g, '')));
      if (sub === 'revoke') {
        usageUnless(values.card, '--card を指定してください。');
        const card = await loadDemoCard(dir, values.card);
        add = [normaliseSerial(new X509Certificate(Buffer.from(card.signing.der)).serialNumber)];
      }
      usageUnless(
        add.every((s) => /^[0-9a-f]{1,40}$/.test(s)),
        'シリアル番号は16進数で指定してください（verify が表示する番号）。',
      );
      const serials = new Set(await readRevokedSerials(dir));
      for (const s of add) serials.add(s);
      await writeRevokedSerials(dir, [...serials]);
      await writeDemoCrl(dir);
      out.stdout.write(
        add.length > 0
          ? `失効させました: ${add.join(', ')}\n失効リストを作り直しました: ${crlPath(dir)}\n`
          : `失効リストを作り直しました（失効 ${serials.size} 件）: ${crlPath(dir)}\n`,
      );
      return 0;
    }

    case undefined:
    case 'help':
    case '--help':
      out.stdout.write(`${jpkiUsage}\n`);
      return 0;

    default:
      throw new UsageError(`不明なコマンドです: ${sub}`);
  }
}

export async function jpkiCommand(args: string[], out: CommandOutput): Promise<number> {
  const [sub, ...rest] = args;
  try {
    return await run(sub, rest, out);
  } catch (error) {
    // parseArgs reports unknown or malformed options with these codes.
    const code = (error as { code?: string }).code ?? '';
    if (error instanceof UsageError || code.startsWith('ERR_PARSE_ARGS')) {
      out.stderr.write(`${(error as Error).message}\n\n${jpkiUsage}\n`);
      return 2;
    }
    out.stderr.write(`エラー: ${(error as Error).message}\n`);
    return 1;
  }
}

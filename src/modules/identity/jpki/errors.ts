// Why a My Number Card certificate or signature was refused: a stable reason code (for API clients and
// tests) and a Japanese sentence (for people). Always a 400, never a 500, whatever the bytes were.
// The reason travels in problem+json as errors[0].field, since AppError has no other place for it.
import { AppError } from '../../../platform/http/errors.ts';

export const jpkiReasons = {
  malformed: '電子証明書または署名のデータ形式が正しくありません（DER 形式のデータを送ってください）。',
  truncated: 'データが途中で切れています。ファイル全体を送ってください。',
  too_large: 'データが大きすぎます。',
  signature_invalid: '署名が一致しません。署名のあとで内容が変更されたか、別のデータの署名です。',
  expired: '電子証明書の有効期限が切れています。市区町村の窓口でマイナンバーカードの電子証明書を更新してください。',
  not_yet_valid: '電子証明書の有効期間がまだ始まっていません。',
  revoked: 'この電子証明書は失効しています（カードの紛失・住所変更などで失効します）。',
  revocation_unknown: '電子証明書が失効していないことを確認できませんでした。しばらくしてからもう一度お試しください。',
  unknown_ca: '信頼できる認証局（地方公共団体情報システム機構）が発行した電子証明書ではありません。',
  wrong_key_usage:
    '用途の違う電子証明書です。署名には「署名用電子証明書」を、本人確認には「利用者証明用電子証明書」を使ってください。',
  wrong_algorithm: '対応していない署名方式です（RSA 2048 ビット以上と SHA-256 に対応しています）。',
  missing_certificate: '署名者の電子証明書が含まれていません。',
  holder_mismatch: '署名したマイナンバーカードの持ち主が、申請する方と一致しません。ご本人のカードで署名してください。',
} as const;

export type JpkiReason = keyof typeof jpkiReasons;

export class JpkiError extends AppError {
  readonly reason: JpkiReason;

  constructor(reason: JpkiReason, extra?: string, options: { cause?: unknown } = {}) {
    const message = extra ? `${jpkiReasons[reason]}（${extra}）` : jpkiReasons[reason];
    super('jpki_invalid', message, { errors: [{ field: reason, message }], cause: options.cause });
    this.reason = reason;
  }
}

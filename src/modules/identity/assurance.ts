// 本人確認のレベル (assurance levels). Each procedure declares the level it needs; `requireAssurance` is
// the one server-side check every capability calls before accepting a submission.
import { AppError } from '../../platform/http/errors.ts';
import type { Session } from './sessions.ts';

export const assuranceLevels = ['none', 'account', 'jpki_identity', 'jpki_signature'] as const;
export type AssuranceLevel = (typeof assuranceLevels)[number];

/** What the request has proven: the session's level, plus a verified JPKI signature on this submission. */
export function achievedLevel(session: Session | undefined, submissionSignedWithJpki = false): AssuranceLevel {
  if (!session || session.mfaPending) return 'none';
  if (submissionSignedWithJpki) return 'jpki_signature';
  return session.assurance === 'jpki_identity' ? 'jpki_identity' : 'account';
}

export function meetsAssurance(achieved: AssuranceLevel, required: AssuranceLevel): boolean {
  return assuranceLevels.indexOf(achieved) >= assuranceLevels.indexOf(required);
}

const explanations: Record<Exclude<AssuranceLevel, 'none'>, string> = {
  account: 'この手続にはサインインが必要です。アカウントをお持ちでない方は新規登録してください。',
  jpki_identity:
    'この手続には、マイナンバーカードによる本人確認が必要です。マイページの「マイナンバーカードで本人確認する」から確認してください。',
  jpki_signature:
    'この手続には、マイナンバーカードの署名用電子証明書による電子署名が必要です（窓口での署名・押印に代わるものです）。',
};

/** Throws 401/403 with a plain explanation and a link to /assurance when the level is not met. */
export function requireAssurance(
  session: Session | undefined,
  required: AssuranceLevel,
  options: { submissionSignedWithJpki?: boolean } = {},
): void {
  if (required === 'none') return;
  const achieved = achievedLevel(session, options.submissionSignedWithJpki);
  if (meetsAssurance(achieved, required)) return;
  if (achieved === 'none') throw new AppError('unauthorized', explanations.account);
  throw new AppError('assurance_required', `${explanations[required]} 詳しくは /assurance をご覧ください。`);
}

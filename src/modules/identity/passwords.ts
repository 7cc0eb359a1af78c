// Passwords are the fallback to passkeys: hashed with argon2id, and a weak or common one is refused
// with an explanation a resident understands (NIST SP 800-63B: length and a block list, no composition rules).
import { hash, verify } from '@node-rs/argon2';
import { commonPasswords } from './common-passwords.ts';

export const minPasswordLength = 10;
export const maxPasswordLength = 128;

// OWASP's argon2id minimum (19 MiB, 2 passes): about 20 ms of one core per hash on this hardware.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified when the account does not exist so timing reveals nothing. */
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  await verifyPassword(await decoy, password);
}

function isSequence(s: string): boolean {
  if (s.length < 4) return false;
  const steps = new Set<number>();
  for (let i = 1; i < s.length; i++) steps.add(s.charCodeAt(i) - s.charCodeAt(i - 1));
  return steps.size === 1 && [...steps].every((d) => Math.abs(d) <= 1);
}

/** Japanese explanation of why the password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | undefined {
  const chars = [...password];
  if (chars.length < minPasswordLength) {
    return `パスワードは${minPasswordLength}文字以上にしてください（いま${chars.length}文字）。長いほど破られにくくなります。覚えやすい言葉を3つ以上つなげる方法がおすすめです。`;
  }
  if (chars.length > maxPasswordLength) return `パスワードは${maxPasswordLength}文字以内にしてください。`;
  const lower = password.toLowerCase();
  const core = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (commonPasswords.has(lower) || commonPasswords.has(core) || (core.length < 4 && /^\d+$/.test(lower))) {
    return 'このパスワードは、よく使われていて他人に推測されやすいため使えません。ほかの人が思いつかない言葉の組み合わせにしてください。';
  }
  if (new Set(chars).size <= 2 || isSequence(lower) || isSequence(lower.replace(/\d+$/, ''))) {
    return '同じ文字の繰り返しや「abcdef」「123456」のような並びは推測されやすいため使えません。';
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) {
    return 'メールアドレスの一部を含むパスワードは推測されやすいため使えません。';
  }
  const name = context.name?.replace(/\s/g, '').toLowerCase();
  if (name && name.length >= 2 && lower.includes(name)) {
    return 'お名前を含むパスワードは推測されやすいため使えません。';
  }
  return undefined;
}

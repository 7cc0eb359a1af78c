// Small input checks shared by identity's use cases; each returns a Japanese message or undefined.

export function normaliseEmail(raw: string): string {
  // Full-width characters typed with a Japanese IME are a common mistake: ＠ and ．
  return raw.normalize('NFKC').trim().toLowerCase();
}

export function checkEmail(email: string): string | undefined {
  if (!email) return 'メールアドレスを入力してください。';
  if (email.length > 254) return 'メールアドレスが長すぎます。';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    return 'メールアドレスの形式が正しくありません（例: taro@example.jp）。';
  }
  return undefined;
}

// The one registry of error codes: a stable code, its HTTP status and its Japanese title.
// The code is part of the problem+json `type` URI, so clients can rely on it; never rename one.
export const errorCodes = {
  validation_failed: { status: 400, title: '入力内容に誤りがあります' },
  bad_request: { status: 400, title: 'リクエストが不正です' },
  unauthorized: { status: 401, title: 'ログインが必要です' },
  forbidden: { status: 403, title: 'この操作は許可されていません' },
  csrf_failed: { status: 403, title: '送信を受け付けられませんでした' },
  assurance_required: { status: 403, title: 'この手続には本人確認が必要です' },
  mfa_required: { status: 401, title: '2段階認証が必要です' },
  jpki_invalid: { status: 400, title: '電子証明書または署名を確認できません' },
  oidc_failed: { status: 400, title: 'マイナンバーカードによる本人確認ができませんでした' },
  not_found: { status: 404, title: '見つかりません' },
  method_not_allowed: { status: 405, title: 'この方法ではリクエストできません' },
  conflict: { status: 409, title: '他の操作と競合しました' },
  payload_too_large: { status: 413, title: '送信データが大きすぎます' },
  unsupported_media_type: { status: 415, title: 'この形式のデータは受け付けられません' },
  too_many_requests: { status: 429, title: 'リクエストが多すぎます' },
  payment_provider_error: { status: 502, title: '決済事業者との連携に失敗しました' },
  internal: { status: 500, title: 'システムエラーが発生しました' },
  unavailable: { status: 503, title: 'ただいま利用できません' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCodes;

export const problemTypeBase = 'https://cityhall.example/problems/';

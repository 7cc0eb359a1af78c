// The one policy decision point for staff (zero trust: who, in which business, from which environment).
// Policies are data: an ordered list of deny rules, then allow rules; nothing matched is denied. Each
// outcome carries a stable reason code and a Japanese explanation for the person refused.

export const roles = ['counter_staff', 'case_worker', 'department_admin', 'dx_admin', 'auditor'] as const;
export type Role = (typeof roles)[number];
export const actions = ['read', 'create', 'update', 'decide', 'export', 'administer', 'audit_read'] as const;
export type Action = (typeof actions)[number];
export const dataClasses = ['public', 'personal', 'my_number'] as const;
export type DataClass = (typeof dataClasses)[number];
export type Zone = 'lgwan' | 'vpn' | 'internet';

export interface AccessRequest {
  subject: { id: string; roles: readonly Role[]; departments: readonly string[]; wards: readonly string[] };
  action: Action;
  resource: { type: string; dataClass: DataClass; department?: string | undefined; ward?: string | undefined };
  /** `offHours`: the city's hours (Japan time) when only registered devices handle personal data; none if unset. */
  environment: { zone: Zone; deviceRegistered: boolean; at: Date; offHours?: { from: number; to: number } | undefined };
}

export interface Decision {
  allow: boolean;
  reason: string;
  message: string;
}

interface Rule {
  reason: string;
  message: string;
  /** True when the rule applies to this request. */
  when: (r: AccessRequest) => boolean;
}

const has = (r: AccessRequest, ...wanted: Role[]) => r.subject.roles.some((role) => wanted.includes(role));

/** Hour of the day in Japan (the office's clock, whatever the server's time zone). */
function hourInJapan(at: Date): number {
  return (at.getUTCHours() + 9) % 24;
}

function offHours(r: AccessRequest): boolean {
  const window = r.environment.offHours;
  if (!window) return false;
  const hour = hourInJapan(r.environment.at);
  return window.from < window.to ? hour >= window.from && hour < window.to : hour >= window.from || hour < window.to;
}

function inScope(r: AccessRequest): boolean {
  const { department, ward } = r.resource;
  if (department !== undefined && !r.subject.departments.includes(department)) return false;
  // Ward-scoped staff (a ward office's section) see only their ward's records.
  if (ward !== undefined && r.subject.wards.length > 0 && !r.subject.wards.includes(ward)) return false;
  return true;
}

// Any matching deny rule refuses, whatever the allow rules say.
const denyRules: Rule[] = [
  {
    // The audit log is evidence: no role writes, decides on, administers or exports it as ordinary data.
    // Auditors read and export it through audit_read alone.
    reason: 'audit_read_only',
    message: '監査ログは誰も変更できません。参照・出力は監査担当が行います。',
    when: (r) => r.resource.type === 'audit_log' && r.action !== 'audit_read',
  },
  {
    reason: 'my_number_zone',
    message: '個人番号（マイナンバー）を含む情報は、LGWAN 接続系の端末からのみ扱えます。',
    when: (r) => r.resource.dataClass === 'my_number' && r.environment.zone !== 'lgwan',
  },
  {
    reason: 'my_number_action',
    message: '個人番号（マイナンバー）を含む情報は、参照・受付・修正のみ扱えます（出力・決裁・管理はできません）。',
    when: (r) => r.resource.dataClass === 'my_number' && ['export', 'decide', 'administer'].includes(r.action),
  },
  {
    reason: 'personal_zone',
    message: '個人情報は、LGWAN 接続系、または登録済み端末からの VPN 接続でのみ扱えます。',
    when: (r) =>
      r.resource.dataClass === 'personal' &&
      !(r.environment.zone === 'lgwan' || (r.environment.zone === 'vpn' && r.environment.deviceRegistered)),
  },
  {
    reason: 'off_hours_device',
    message: '業務時間外に個人情報を扱えるのは、登録済みの端末だけです。',
    when: (r) => r.resource.dataClass !== 'public' && offHours(r) && !r.environment.deviceRegistered,
  },
  {
    reason: 'audit_zone',
    message: '監査ログは LGWAN 接続系の端末からのみ参照できます。',
    when: (r) => r.action === 'audit_read' && r.environment.zone !== 'lgwan',
  },
  {
    reason: 'out_of_scope',
    message: '所属する部署・区の担当範囲外の情報です。',
    when: (r) => r.resource.dataClass !== 'public' && r.action !== 'audit_read' && !inScope(r),
  },
];

const allowRules: Rule[] = [
  {
    reason: 'public_read',
    message: '公開情報の参照',
    when: (r) => r.resource.dataClass === 'public' && r.action === 'read',
  },
  {
    reason: 'counter_work',
    message: '窓口業務（参照・受付・修正）',
    when: (r) =>
      has(r, 'counter_staff') && ['read', 'create', 'update'].includes(r.action) && r.resource.dataClass !== 'public',
  },
  {
    reason: 'case_work',
    message: '担当業務（参照・受付・修正・決裁）',
    when: (r) => has(r, 'case_worker') && ['read', 'create', 'update', 'decide'].includes(r.action),
  },
  {
    reason: 'case_export',
    message: '担当業務の個人情報の出力',
    when: (r) =>
      has(r, 'case_worker', 'department_admin') && r.action === 'export' && r.resource.dataClass !== 'my_number',
  },
  {
    reason: 'department_admin',
    message: '所属の管理（参照・決裁・職員管理）',
    when: (r) =>
      has(r, 'department_admin') &&
      r.resource.dataClass !== 'my_number' &&
      (['read', 'decide'].includes(r.action) ||
        // Administration of one's own department only (its staff, its settings); city-wide things are the DX office's.
        (r.action === 'administer' &&
          r.resource.department !== undefined &&
          r.subject.departments.includes(r.resource.department))),
  },
  {
    reason: 'dx_admin',
    message: '全庁の設定・職員・端末の管理',
    when: (r) => has(r, 'dx_admin') && r.action === 'administer' && r.resource.dataClass !== 'my_number',
  },
  {
    reason: 'public_maintenance',
    message: '公開情報の作成・更新',
    when: (r) =>
      has(r, 'case_worker', 'department_admin', 'dx_admin') &&
      r.resource.dataClass === 'public' &&
      ['create', 'update'].includes(r.action),
  },
  {
    reason: 'audit',
    message: '監査ログの参照・出力',
    when: (r) => has(r, 'auditor') && r.action === 'audit_read',
  },
];

export function decide(request: AccessRequest): Decision {
  for (const rule of denyRules) {
    if (rule.when(request)) return { allow: false, reason: rule.reason, message: rule.message };
  }
  for (const rule of allowRules) {
    if (rule.when(request)) return { allow: true, reason: rule.reason, message: rule.message };
  }
  return {
    allow: false,
    reason: 'no_rule',
    message: 'あなたの役割では、この操作は許可されていません。必要な場合は所属の管理者に相談してください。',
  };
}

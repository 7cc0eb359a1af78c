// Conditions several rules share, so that 重度障害 or ひとり親 means the same thing in every rule that uses it.
import { type Day, parseDay } from './calendar.ts';
import type { PreparedHousehold, PreparedPerson } from './prepare.ts';

/** 重度障害 for 重度障害者医療費助成: 身体障害者手帳 1–2級, 療育手帳 A, 精神障害者保健福祉手帳 1級. */
export function isSevereDisability(p: PreparedPerson): boolean {
  return (p.shintaiGrade >= 1 && p.shintaiGrade <= 2) || p.ryoiku === 'A' || p.seishinGrade === 1;
}

/**
 * 中度以上の障害 as 特別児童扶養手当 and 後期高齢者医療の障害認定 read it (simplified): 身体1〜3級, 療育A,
 * 精神1〜2級.
 */
export function isModerateOrSevereDisability(p: PreparedPerson): boolean {
  return (
    (p.shintaiGrade >= 1 && p.shintaiGrade <= 3) || p.ryoiku === 'A' || (p.seishinGrade >= 1 && p.seishinGrade <= 2)
  );
}

/** The certificate as people name it: 身体障害者手帳2級, 療育手帳A … (the first one held). */
export function certificateLabel(p: PreparedPerson): string {
  if (p.shintaiGrade > 0) return p.shintaiGrade <= 6 ? `身体障害者手帳${p.shintaiGrade}級` : '身体障害者手帳';
  if (p.ryoiku !== '') return p.ryoiku === 'unknown' ? '療育手帳' : `療育手帳${p.ryoiku}`;
  if (p.seishinGrade > 0)
    return p.seishinGrade <= 3 ? `精神障害者保健福祉手帳${p.seishinGrade}級` : '精神障害者保健福祉手帳';
  return p.hasCertificate ? '障害者手帳' : '';
}

/** Children of the head up to the end of the school year in which they reach 18 (高校生年代まで). */
export function countChildrenUpTo18(h: PreparedHousehold): number {
  let n = 0;
  for (const c of h.children) if (c.grade <= 12) n++;
  return n;
}

/** ひとり親世帯 (simplified): no 妻 or 夫 of the head in the household, and a child up to 高校生年代. */
export function isSingleParentHousehold(h: PreparedHousehold): boolean {
  return !h.hasSpouse && countChildrenUpTo18(h) > 0;
}

/** The parent a child benefit is paid to: the head of the household (simplified: not the higher earner). */
export function parentOf(h: PreparedHousehold): PreparedPerson | undefined {
  return h.head;
}

/** The most recent event of `type` on or before `on`, within `days` days; its age in days, or -1 if none. */
export function daysSinceEvent(p: PreparedPerson, type: string, on: Day, days: number): number {
  const events = p.person.events;
  if (events === undefined) return -1;
  let best = -1;
  for (const e of events) {
    if (e.type !== type) continue;
    const since = on.serial - parseDay(e.date).serial;
    if (since >= 0 && since <= days && (best < 0 || since < best)) best = since;
  }
  return best;
}

const wardNames: Record<string, string> = {
  '141313': '川崎区',
  '141321': '幸区',
  '141330': '中原区',
  '141348': '高津区',
  '141364': '宮前区',
  '141356': '多摩区',
  '141372': '麻生区',
};

/** The ward's name for a reason (Kawasaki's seven), or お住まいの区 for a code this list does not know. */
export function wardName(code: string): string {
  return wardNames[code] ?? 'お住まいの区';
}

/**
 * ひとり親家庭等医療費助成 covers the member (simplified): a single-parent household with income band ≤ 4, and
 * the member is its head or a child up to 高校生年代; 重度障害 members are covered by that scheme instead.
 */
export function isCoveredBySingleParentMedical(h: PreparedHousehold, p: PreparedPerson): boolean {
  if (h.incomeBand > 4 || !isSingleParentHousehold(h) || isSevereDisability(p)) return false;
  return p === h.head || (p.person.relationship === '子' && p.grade <= 12);
}

// What the rules read: a snapshot of one household and its members as the register holds them on a day,
// plus what they answer. Plain data, no database: whoever loads the register maps its rows to these.

/** 住民基本台帳の性別コード: 1 男, 2 女. */
export type Sex = '1' | '2';

/** 続柄 as the register writes it (世帯主 妻 夫 子 父 母); other values pass through untouched. */
export type Relationship = '世帯主' | '妻' | '夫' | '子' | '父' | '母' | (string & {});

/** physical 身体障害, intellectual 知的障害 (療育手帳), mental 精神障害. */
export type DisabilityType = 'physical' | 'intellectual' | 'mental';

/** The register's disability record: 身体 1–6級, 療育 A/B (A1, A2, B1, B2 also read), 精神 1–3級. */
export interface Disability {
  type: DisabilityType;
  grade: string;
}

/**
 * Certificates a person holds: shintai 身体障害者手帳, ryoiku 療育手帳, seishin 精神障害者保健福祉手帳.
 * Their grade is the one in `disability` when the types match.
 */
export type CertificateKind = 'shintai' | 'ryoiku' | 'seishin' | (string & {});

/**
 * Dated events about a person: birth 出生届, move_in 転入届, pregnancy 妊娠届 (on the expectant mother),
 * certificate_issued 手帳の交付. Others pass through for rules that know them.
 */
export type LifeEventType = 'birth' | 'move_in' | 'pregnancy' | 'certificate_issued' | (string & {});

export interface LifeEvent {
  type: LifeEventType;
  /** YYYY-MM-DD */
  date: string;
}

export interface Person {
  id: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  relationship: Relationship;
  /** ISO 3166-1 alpha-2; 'JP' for Japanese nationals. */
  nationality: string;
  disability: Disability | null;
  /** When left out, the register's disability record stands for its certificate (it is only kept with one). */
  certificates?: CertificateKind[];
  events?: LifeEvent[];
}

export interface Household {
  id: string;
  /** 全国地方公共団体コード of the ward (6 digits). */
  wardCode: string;
  /** 1 (lowest) … 10; 1 stands for a household exempt from municipal tax (住民税非課税). */
  incomeBand: number;
  members: Person[];
}

/** A rule's answer for one person (or for one household, addressed to one person). */
export interface RuleResult {
  eligible: boolean;
  /** Why, in plain polite Japanese, e.g. 「3歳未満のお子さんがいるため、対象です。」 */
  reason: string;
  /** The same in やさしい日本語 (easy Japanese) for residents who read Japanese as a second language. */
  reasonEasy?: string;
  /** The values the decision rested on, for staff and for comparing two versions of a rule. */
  facts: Readonly<Record<string, unknown>>;
}

/** One row of an evaluation: which rule (and version) said what about whom. */
export interface Evaluation {
  ruleId: string;
  version: number;
  /** The person concerned; for a household rule, the person the notice goes to (e.g. the parent). */
  personId: string;
  eligible: boolean;
  reason: string;
  reasonEasy?: string;
  facts: Readonly<Record<string, unknown>>;
}

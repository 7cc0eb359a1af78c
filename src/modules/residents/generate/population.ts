// A Kawasaki-like synthetic population, household by household, as a generator: memory stays flat
// whatever the size, and the same seed always yields the same people in the same order.
import { postalCodesOfCity } from '../../../platform/ja/postal.ts';
import { familyNames, femaleNames, foreignNames, maleNames, nationalities } from './names.ts';
import { createRandom, type Random } from './random.ts';

/** The register's reference date (基準日): ages are as of this day. */
export const referenceDate = '2026-04-01';

/** Kawasaki's wards with their share of the population (about 1.54 million in 2024) and municipality code. */
export const wardShares = [
  { code: '141313', cityCode: '14131', name: '川崎区', population: 233_000 },
  { code: '141321', cityCode: '14132', name: '幸区', population: 171_000 },
  { code: '141330', cityCode: '14133', name: '中原区', population: 265_000 },
  { code: '141348', cityCode: '14134', name: '高津区', population: 234_000 },
  { code: '141364', cityCode: '14136', name: '宮前区', population: 233_000 },
  { code: '141356', cityCode: '14135', name: '多摩区', population: 220_000 },
  { code: '141372', cityCode: '14137', name: '麻生区', population: 180_000 },
] as const;

export type Sex = '1' | '2'; // 住民基本台帳の性別コード: 1 男, 2 女
export type DisabilityType = 'physical' | 'intellectual' | 'mental'; // 身体障害者手帳 / 療育手帳 / 精神障害者保健福祉手帳

export interface Household {
  id: number;
  wardCode: string;
  postalCode: string;
  address: string;
  incomeBand: number;
}

export interface Resident {
  id: number;
  householdId: number;
  relationship: string; // 続柄
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  sex: Sex;
  nationality: string;
  disabilityType: DisabilityType | null;
  disabilityGrade: string | null;
  wardCode: string;
}

export interface GeneratedHousehold {
  household: Household;
  members: Resident[];
}

type Kind = 'single' | 'couple' | 'family' | 'single-parent' | 'three-generation';

const kinds: (readonly [Kind, number])[] = [
  ['single', 0.44],
  ['couple', 0.19],
  ['family', 0.25],
  ['single-parent', 0.06],
  ['three-generation', 0.06],
];

const pad = (n: number) => String(n).padStart(2, '0');

function birthDate(random: Random, age: number): string {
  const [y, m, d] = referenceDate.split('-').map(Number) as [number, number, number];
  // Born between (reference − age − 1 year, reference − age]: pick a month and day in that span.
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const year = month < m || (month === m && day <= d) ? y - age : y - age - 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function singleAge(random: Random): number {
  return random.weighted([
    [random.int(20, 39), 0.48],
    [random.int(40, 64), 0.2],
    [random.int(65, 98), 0.32],
  ]);
}

function disability(random: Random, age: number): [DisabilityType | null, string | null] {
  const p = age < 18 ? 0.016 : age < 65 ? 0.03 : 0.11;
  if (!random.chance(p)) return [null, null];
  if (age >= 65) {
    return random.chance(0.85) ? ['physical', String(random.int(1, 6))] : ['mental', String(random.int(1, 3))];
  }
  const type = random.weighted<DisabilityType>([
    ['physical', 0.35],
    ['intellectual', age < 18 ? 0.5 : 0.25],
    ['mental', age < 18 ? 0.15 : 0.4],
  ]);
  if (type === 'intellectual') return [type, random.chance(0.4) ? 'A' : 'B'];
  return [type, String(type === 'physical' ? random.int(1, 6) : random.int(1, 3))];
}

function incomeBand(random: Random, kind: Kind, headAge: number): number {
  const base = headAge >= 65 ? 3 : kind === 'single' ? 4 : kind === 'single-parent' ? 3 : 6;
  return Math.min(10, Math.max(1, base + random.int(-2, 3)));
}

export interface GenerateOptions {
  residents: number;
  seed: number;
}

/** Yields households with their members until exactly `residents` people exist. */
export function* generatePopulation(options: GenerateOptions): Generator<GeneratedHousehold> {
  const random = createRandom(options.seed);
  const towns = new Map(wardShares.map((w) => [w.code, postalCodesOfCity(w.cityCode)]));
  const wardWeights = wardShares.map((w) => [w, w.population] as const);
  let residentId = 0;
  let householdId = 0;

  while (residentId < options.residents) {
    const ward = random.weighted(wardWeights);
    const place = random.pick(towns.get(ward.code)!);
    const foreign = random.chance(0.036);
    const nationality = foreign ? random.weighted(nationalities) : 'JP';
    const names = foreign ? foreignNames[nationality]! : undefined;
    const family = names ? random.pick(names.family) : random.pick(familyNames);
    const kind: Kind = foreign
      ? random.weighted<Kind>([
          ['single', 0.6],
          ['couple', 0.25],
          ['family', 0.15],
        ])
      : random.weighted(kinds);

    householdId++;
    const members: Resident[] = [];
    const add = (relationship: string, age: number, sex: Sex) => {
      if (residentId >= options.residents) return;
      const given = names ? random.pick(names.given) : random.pick(sex === '1' ? maleNames : femaleNames);
      const [disabilityType, disabilityGrade] = disability(random, age);
      members.push({
        id: ++residentId,
        householdId,
        relationship,
        familyName: family[0],
        givenName: given[0],
        familyNameKana: family[1],
        givenNameKana: given[1],
        birthDate: birthDate(random, age),
        sex,
        nationality,
        disabilityType,
        disabilityGrade,
        wardCode: ward.code,
      });
    };
    const headSex: Sex = random.chance(kind === 'single-parent' ? 0.15 : kind === 'single' ? 0.52 : 0.85) ? '1' : '2';
    const spouse = (headAge: number) => {
      const age = Math.max(20, Math.min(100, headAge + random.int(-6, 3)));
      add(headSex === '1' ? '妻' : '夫', age, headSex === '1' ? '2' : '1');
    };
    const children = (parentAge: number, count: number) => {
      for (let i = 0; i < count; i++) {
        const age = parentAge - random.int(22, 42);
        if (age >= 0) add('子', Math.min(age, 29), random.chance(0.51) ? '1' : '2');
      }
    };

    let headAge: number;
    switch (kind) {
      case 'single':
        headAge = singleAge(random);
        add('世帯主', headAge, headSex);
        break;
      case 'couple':
        headAge = random.weighted([
          [random.int(25, 39), 0.25],
          [random.int(40, 64), 0.25],
          [random.int(65, 95), 0.5],
        ]);
        add('世帯主', headAge, headSex);
        spouse(headAge);
        break;
      case 'family':
        headAge = random.int(28, 58);
        add('世帯主', headAge, headSex);
        spouse(headAge);
        children(
          headAge,
          random.weighted([
            [1, 0.4],
            [2, 0.45],
            [3, 0.15],
          ]),
        );
        break;
      case 'single-parent':
        headAge = random.int(25, 55);
        add('世帯主', headAge, headSex);
        children(
          headAge,
          random.weighted([
            [1, 0.6],
            [2, 0.4],
          ]),
        );
        break;
      case 'three-generation': {
        headAge = random.int(35, 58);
        add('世帯主', headAge, headSex);
        spouse(headAge);
        children(headAge, random.int(1, 2));
        const elder = Math.min(100, headAge + random.int(25, 35));
        add(headSex === '1' ? '母' : '父', elder, headSex === '1' ? '2' : '1');
        if (random.chance(0.4)) add(headSex === '1' ? '父' : '母', Math.min(100, elder + random.int(-2, 4)), headSex);
        break;
      }
    }
    const household: Household = {
      id: householdId,
      wardCode: ward.code,
      postalCode: place.postalCode,
      address: `神奈川県川崎市${ward.name}${place.town}${random.int(1, 5)}-${random.int(1, 30)}-${random.int(1, 20)}`,
      incomeBand: incomeBand(random, kind, headAge),
    };
    if (members.length > 0) yield { household, members };
  }
}

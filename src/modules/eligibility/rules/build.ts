// Short-hand for writing example households in rules and tests: person(2, '子', '2026-02-01') instead of the
// full record. Defaults: Japanese national, no disability, 妻 and 母 female and everyone else male unless said.
import type { Household, Person, Relationship } from './types.ts';

export function person(
  id: number | string,
  relationship: Relationship,
  birthDate: string,
  more: Partial<Omit<Person, 'id' | 'relationship' | 'birthDate'>> = {},
): Person {
  return {
    id: String(id),
    relationship,
    birthDate,
    sex: relationship === '妻' || relationship === '母' ? '2' : '1',
    nationality: 'JP',
    disability: null,
    ...more,
  };
}

export function household(members: Person[], more: Partial<Omit<Household, 'members'>> = {}): Household {
  return { id: 'h1', wardCode: '141330', incomeBand: 5, ...more, members };
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as asn1js from 'asn1js';
import { basic4Oids, decodeBirthDate, encodeBasic4, encodeBirthDate, matchResident, readBasic4 } from './basic4.ts';

const hanako = { name: '川崎　花子', sex: '2', birthDate: '1990-04-01', address: '神奈川県川崎市川崎区宮本町1番地' };
const register = { familyName: '川崎', givenName: '花子', birthDate: '1990-04-01', sex: '2', address: hanako.address };

test('round trip: the 基本4情報 written into a subjectAltName read back, with the substitute-character positions', () => {
  const san = new Uint8Array(
    encodeBasic4({ ...hanako, name: '髙橋　花子', nameSubstitutePositions: [0], addressSubstitutePositions: [3, 4] }),
  );
  assert.deepEqual(readBasic4(san), {
    name: '髙橋　花子',
    nameSubstitute: '10000',
    sex: '2',
    birthDate: '1990-04-01',
    birthEra: '平成',
    address: hanako.address,
    addressSubstitute: `00011${'0'.repeat([...hanako.address].length - 5)}`,
  });
});

test('birth dates: era digit then the Gregorian date, on each side of every era boundary', () => {
  const cases: [string, string, string][] = [
    ['1868-09-08', '118680908', '明治'],
    ['1912-07-29', '119120729', '明治'],
    ['1912-07-30', '219120730', '大正'],
    ['1926-12-24', '219261224', '大正'],
    ['1926-12-25', '319261225', '昭和'],
    ['1989-01-07', '319890107', '昭和'],
    ['1989-01-08', '419890108', '平成'],
    ['2019-04-30', '420190430', '平成'],
    ['2019-05-01', '520190501', '令和'],
  ];
  for (const [iso, encoded, era] of cases) {
    assert.equal(encodeBirthDate(iso), encoded, iso);
    assert.deepEqual(decodeBirthDate(encoded), { iso, era });
  }
  assert.deepEqual(decodeBirthDate('019800217'), { iso: '1980-02-17', era: '不明' });
  // The Gregorian digits decide; an era digit that disagrees is reported as the card says it.
  assert.deepEqual(decodeBirthDate('319900401'), { iso: '1990-04-01', era: '昭和' });
  for (const bad of ['', '41990041', '619900401', '419900230', '4199004011', '4１990401']) {
    assert.equal(decodeBirthDate(bad), undefined, bad);
  }
});

test('PrintableString values are read too; a certificate missing a field has no 基本4情報', () => {
  const entry = (oid: string, value: asn1js.BaseBlock) =>
    new asn1js.Constructed({
      idBlock: { tagClass: 3, tagNumber: 0 },
      value: [
        new asn1js.ObjectIdentifier({ value: oid }),
        new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [value] }),
      ],
    });
  const build = (entries: asn1js.BaseBlock[]) => new Uint8Array(new asn1js.Sequence({ value: entries }).toBER(false));
  const full = [
    entry(basic4Oids.name, new asn1js.Utf8String({ value: '川崎　花子' })),
    entry(basic4Oids.sex, new asn1js.PrintableString({ value: '2' })),
    entry(basic4Oids.birthDate, new asn1js.PrintableString({ value: '419900401' })),
    entry(basic4Oids.address, new asn1js.Utf8String({ value: hanako.address })),
  ];
  assert.equal(readBasic4(build(full))?.birthDate, '1990-04-01');
  assert.equal(readBasic4(build(full.slice(0, 3))), null);
  assert.equal(readBasic4(undefined), null);
  assert.equal(
    readBasic4(new Uint8Array([0x30, 0x03, 0x02, 0x01])),
    null,
    'unreadable bytes give no holder, not an exception',
  );
});

test('matchResident: equal after folding width and spacing; says which fields differ', () => {
  const card = readBasic4(new Uint8Array(encodeBasic4(hanako)))!;
  const same = matchResident(card, {
    ...register,
    familyName: '川崎 ',
    givenName: ' 花子',
    address: '神奈川県川崎市川崎区宮本町１番地',
  });
  assert.deepEqual(same, {
    matches: true,
    fields: { name: true, birthDate: true, sex: true, address: true },
    mismatched: [],
    substituted: false,
  });
  const different = matchResident(card, { ...register, givenName: '花江', birthDate: '1990-04-02', sex: '1' });
  assert.equal(different.matches, false);
  assert.deepEqual(different.mismatched, ['name', 'birthDate', 'sex']);

  const numbered = readBasic4(
    new Uint8Array(encodeBasic4({ ...hanako, address: '神奈川県川崎市中原区小杉町３丁目２４５番地' })),
  )!;
  assert.equal(
    matchResident(numbered, { ...register, address: '神奈川県川崎市中原区小杉町3丁目245番地' }).fields.address,
    true,
  );
  const hyphens = readBasic4(new Uint8Array(encodeBasic4({ ...hanako, address: '川崎市幸区堀川町５８０－１６' })))!;
  assert.equal(matchResident(hyphens, { ...register, address: '川崎市幸区堀川町580-16' }).fields.address, true);
});

test('matchResident: a 代替文字 on the card stands for the 外字 the register has, and says so', () => {
  // The register holds 髙 (a character the card could not); the card holds 高 marked as a substitute.
  const card = readBasic4(
    new Uint8Array(encodeBasic4({ ...hanako, name: '高橋　花子', nameSubstitutePositions: [0] })),
  )!;
  const result = matchResident(card, { ...register, familyName: '髙橋', givenName: '花子' });
  assert.equal(result.matches, true);
  assert.equal(result.substituted, true);
  // Only the marked character is free: the others must still agree.
  assert.equal(matchResident(card, { ...register, familyName: '髙田', givenName: '花子' }).fields.name, false);
  // Without the mark, 高 and 髙 differ (旧字体 folding is not attempted).
  const unmarked = readBasic4(new Uint8Array(encodeBasic4({ ...hanako, name: '高橋　花子' })))!;
  assert.equal(matchResident(unmarked, { ...register, familyName: '髙橋', givenName: '花子' }).fields.name, false);
});

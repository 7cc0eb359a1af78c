// The demo catalogue's data: every department it names exists, readings are built part by part, and the
// full procedures replace their generated entries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { departments, wards } from '../../organisation/data/kawasaki.ts';
import { fullProcedures } from '../full/index.ts';
import { generateCatalogue } from './generate.ts';
import { demoCatalogue } from './index.ts';

const { procedures } = demoCatalogue();

test('every department is an organisation unit, a ward office, or `ward.<section>` of the applicant’s ward', () => {
  const units = new Set(departments.map((d) => d.code));
  const wardOffices = new Set(wards.map((w) => `ward-${w.code}`));
  const wardSections = new Set(['kumin', 'hoken-nenkin', 'mimamori', 'chiiki-shinko', 'doro-koen']);
  for (const p of procedures) {
    const ok = p.department.startsWith('ward.')
      ? wardSections.has(p.department.slice(5))
      : units.has(p.department) || wardOffices.has(p.department);
    assert.ok(ok, `${p.code}: unknown department ${p.department}`);
  }
});

test('a generated name and its reading are built from the same parts', () => {
  const p = procedures.find((x) => x.name === '木造住宅耐震改修補助金交付申請')!;
  assert.equal(p.nameKana, 'モクゾウジュウタクタイシンカイシュウホジョキンコウフシンセイ');
  assert.equal(p.nameEn, 'Application for the wooden house earthquake retrofit subsidy');
  const hall = procedures.find((x) => x.name === '中原市民館大ホールの使用許可申請')!;
  assert.equal(hall.nameKana, 'ナカハラシミンカンダイホールノシヨウキョカシンセイ');
  assert.equal(hall.department, 'ward-141330');
});

test('full procedures are in the catalogue as written and replace entries with their code or name', () => {
  for (const full of fullProcedures) {
    assert.equal(
      procedures.find((p) => p.code === full.code),
      full,
    );
    assert.equal(procedures.filter((p) => p.name === full.name).length, 1);
  }
  assert.ok(
    generateCatalogue().some((p) => p.code === 'tenshutsu'),
    'the curated 転出届 is replaced, not missing',
  );
});

test('the same catalogue every time (codes are stable across runs)', () => {
  assert.deepEqual(generateCatalogue().slice(0, 200), generateCatalogue().slice(0, 200));
  assert.equal(procedures.find((p) => p.code === 'p-0001')?.name, '住宅用太陽光発電設備設置補助金交付申請');
});

test('every entry that is not fully online says why and what can still be done online, in three languages', () => {
  for (const p of procedures.filter((x) => x.availability !== 'online')) {
    assert.ok(p.notOnline, p.code);
    for (const text of [p.notOnline.detail, p.notOnline.onlineParts]) {
      assert.ok(text.ja && text.jaEasy && text.en, p.code);
    }
  }
});

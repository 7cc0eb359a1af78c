import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { type DepartmentData, departments, wards } from './kawasaki.ts';

// The plan lives in shared/ beside the checkout; a checkout without it skips only the checks against it.
const planFile = new URL('../../../../../shared/seed/000_61f52a3c3a766de5.txt', import.meta.url);
const plan = existsSync(planFile) ? readFileSync(planFile, 'utf8').split('\n') : undefined;
const withPlan = { skip: !plan && 'shared/seed is not beside this checkout' };

const byCode = new Map(departments.map((d) => [d.code, d]));

test('Kawasaki has its 7 wards with their local government codes', () => {
  assert.deepEqual(
    wards.map((w) => `${w.code} ${w.nameJa}`),
    [
      '141313 川崎区',
      '141321 幸区',
      '141330 中原区',
      '141348 高津区',
      '141364 宮前区',
      '141356 多摩区',
      '141372 麻生区',
    ],
  );
});

test('each ward code carries the right check digit (全国地方公共団体コード)', () => {
  for (const { code } of wards) {
    const sum = [6, 5, 4, 3, 2].reduce((s, weight, i) => s + weight * Number(code[i]), 0);
    assert.equal(Number(code[5]), (11 - (sum % 11)) % 10, code);
  }
});

test('codes are unique ASCII, and every parent exists before its child', () => {
  const seen = new Set<string>();
  for (const d of departments) {
    assert.match(d.code, /^[a-z0-9][a-z0-9.-]{0,99}$/, d.code);
    assert.ok(!seen.has(d.code), `duplicate ${d.code}`);
    if (d.parent) {
      assert.ok(seen.has(d.parent), `${d.code}: parent ${d.parent} missing or later`);
      assert.equal(d.code.slice(0, d.parent.length + 1), `${d.parent}.`, d.code);
    }
    seen.add(d.code);
  }
});

test('kinds follow the tree: bureaus and ward offices at the top, departments under bureaus', () => {
  for (const d of departments) {
    const parent = d.parent ? byCode.get(d.parent) : undefined;
    if (d.kind === 'bureau' || d.kind === 'ward_office') assert.equal(parent, undefined, d.code);
    if (d.kind === 'department') assert.equal(parent?.kind, 'bureau', d.code);
    if (d.kind === 'section') assert.ok(parent, d.code);
    if (d.kind === 'ward_office')
      assert.ok(
        wards.some((w) => w.code === d.wardCode),
        d.code,
      );
  }
  const count = (kind: DepartmentData['kind']) => departments.filter((d) => d.kind === kind).length;
  assert.deepEqual(
    { bureau: count('bureau'), department: count('department'), section: count('section') },
    { bureau: 15, department: 30, section: 36 + 7 },
  );
  assert.equal(count('ward_office'), 7);
});

test('readings are full-width katakana, and every ward has a 区役所 with a 区民課', () => {
  for (const d of departments) assert.match(d.nameKana, /^[ァ-ヶー・]+$/, d.code);
  for (const w of wards) assert.match(w.nameKana, /^[ァ-ヶー]+$/, w.code);
  for (const w of wards) {
    const office = departments.find((d) => d.kind === 'ward_office' && d.wardCode === w.code);
    assert.equal(office?.nameJa, `${w.nameJa}役所`);
    assert.ok(
      departments.some((d) => d.parent === office.code && d.nameJa === '区民課' && d.wardCode === w.code),
      w.nameJa,
    );
  }
});

test('every line an entry cites names it', withPlan, () => {
  for (const d of departments) {
    assert.ok(d.sourceLines.length > 0, `${d.code} cites no line`);
    for (const n of d.sourceLines) {
      assert.ok(plan?.[n - 1]?.includes(d.seedName ?? d.nameJa), `${d.nameJa} is not on line ${n}`);
    }
  }
});

// The 所管課 column: the last cell of each 18-column row of the project list (関連事業一覧).
function responsibleCells(lines: string[]): { line: number; text: string }[] {
  return lines.flatMap((l, i) => {
    const cells = l.split('\t');
    const text = cells.at(-1)?.trim() ?? '';
    return cells.length === 18 && text !== '' && text !== '所管課' ? [{ line: i + 1, text }] : [];
  });
}

/** How the plan writes a unit's path: 局部課 run together, a space or 「川崎市」「川崎市立」 before a unit. */
function pathPattern(d: DepartmentData): string {
  const own = d.nameJa.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return d.parent ? `${pathPattern(byCode.get(d.parent)!)}\\s?(?:川崎市立?)?${own}` : own;
}

test('every unit the 所管課 column names is in the data, citing every line that names it', withPlan, () => {
  const cells = responsibleCells(plan!);
  assert.equal(cells.length, 57);
  const units = departments.filter((d) => d.wardCode === null);
  // Deepest first, so a section's path is consumed before its bureau's.
  const deepestFirst = [...units].sort((a, b) => b.code.split('.').length - a.code.split('.').length);
  for (const { line, text } of cells) {
    let rest = text;
    for (const d of deepestFirst) {
      const pattern = pathPattern(d);
      if (new RegExp(pattern).test(text)) assert.ok(d.sourceLines.includes(line), `${d.code} does not cite ${line}`);
      rest = rest.replace(new RegExp(pattern, 'g'), '');
    }
    assert.match(rest, /^[\s等（）():：関係局]*$/, `line ${line}: 「${rest.trim()}」 is not in the data`);
  }
});

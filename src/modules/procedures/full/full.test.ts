import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { isValidMyNumber } from '../../../platform/crypto/my-number.ts';
import { parseStep, renderStepFields, summaryRows, validateAnswers } from '../../../platform/forms/index.ts';
import type { JsonSchema } from '../../../platform/forms/schema.ts';
import type { UiHint } from '../../../platform/forms/types.ts';
import { departments } from '../../organisation/data/kawasaki.ts';
import type { Procedure } from '../definition.ts';
import { documentCaseFields, fullProcedures } from './index.ts';
import { sampleAnswers, sampleInternal } from './samples.ts';

type Answers = Record<string, unknown>;

// The same settings as the form engine (src/platform/forms/validate.ts): strict, with x-ui as a keyword.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addKeyword('x-ui');

const validators = new Map<string, ValidateFunction>();
function validatorOf(p: Procedure): ValidateFunction {
  let validate = validators.get(p.code);
  if (!validate) {
    validate = ajv.compile(p.form!.schema);
    validators.set(p.code, validate);
  }
  return validate;
}

/** The error paths of a rejected answer set ('/copies', '/children/0/birthDate', '/myNumberReason'). */
function rejectedAt(p: Procedure, answers: Answers): string[] {
  const validate = validatorOf(p);
  if (validate(answers)) return [];
  return (validate.errors ?? []).map((e) =>
    e.keyword === 'required'
      ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`
      : e.instancePath,
  );
}

function clone(answers: Answers): Answers {
  return structuredClone(answers);
}

// One broken answer set per procedure: a mistake a person could make, and where it must be reported.
const broken: Record<string, { change: (a: Answers) => void; at: string }> = {
  'juminhyo-copy': { change: (a) => (a.copies = 11), at: '/copies' },
  'inkan-certificate': { change: (a) => (a.registrationCardNumber = 'A-1234'), at: '/registrationCardNumber' },
  'jido-teate': { change: (a) => (a.children = []), at: '/children' },
  hoikusho: { change: (a) => (a.startMonth = '2027-04-15'), at: '/startMonth' },
  'sodai-gomi': { change: (a) => ((a.items as Answers[])[0]!.kind = 'refrigerator'), at: '/items/0/kind' },
  'inu-toroku': { change: (a) => (a.rabiesVaccinatedOn = '2026-13-01'), at: '/rabiesVaccinatedOn' },
  'jiritsu-shien-seishin': { change: (a) => delete a.diagnosisDelivery, at: '/diagnosisDelivery' },
  'doro-senyo': { change: (a) => (a.area = 0), at: '/area' },
  'kenchiku-kensa': { change: (a) => (a.totalFloorArea = 250), at: '/totalFloorArea' },
  'shiei-jutaku': { change: (a) => (a.noArrears = false), at: '/noArrears' },
  'suido-shiyo-kaishi': {
    change: (a) => ((a.supplyAddress as Answers).postalCode = '214-0014'),
    at: '/supplyAddress/postalCode',
  },
  'koza-furikae': { change: (a) => (a.accountNumber = '12345'), at: '/accountNumber' },
  'nyusatsu-shikaku': { change: (a) => (a.corporateNumber = '901040112345'), at: '/corporateNumber' },
  tenshutsu: { change: (a) => (a.members = new Array(10).fill((a.members as Answers[])[0])), at: '/members' },
  'shogaisha-techo': {
    change: (a) => ((a.person as Answers).familyNameKana = 'かわさき'),
    at: '/person/familyNameKana',
  },
};

const properties = (p: Procedure) => ((p.form!.schema as JsonSchema).properties ?? {}) as Record<string, JsonSchema>;
const ui = (s: JsonSchema | undefined): UiHint => s?.['x-ui'] ?? {};

/** Every schema below the root with its path, array items included (as `*`). */
function walk(schema: JsonSchema, path: string[] = []): { path: string[]; schema: JsonSchema }[] {
  const out: { path: string[]; schema: JsonSchema }[] = [];
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    out.push({ path: [...path, name], schema: child }, ...walk(child, [...path, name]));
  }
  if (schema.type === 'array' && schema.items?.type === 'object') out.push(...walk(schema.items, [...path, '*']));
  return out;
}

const widgets = new Set([
  'text',
  'textarea',
  'number',
  'select',
  'radios',
  'checkbox',
  'checkboxes',
  'person-name',
  'date',
  'address',
  'phone',
  'email',
  'my-number',
  'repeat',
  'file',
]);

test('codes are unique and every procedure written in full has its sample answers', () => {
  const codes = fullProcedures.map((p) => p.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const code of codes) {
    assert.match(code, /^[a-z][a-z0-9-]{2,40}$/);
    assert.ok(sampleAnswers[code], `no sample answers for ${code}`);
    assert.ok(broken[code], `no broken answers for ${code}`);
  }
  assert.deepEqual(Object.keys(sampleAnswers).sort(), [...codes].sort());
});

for (const p of fullProcedures) {
  test(`${p.code}: the catalogue facts agree with each other`, () => {
    assert.ok(p.form && p.workflow, 'a procedure written in full has a form and a workflow');
    assert.equal(Boolean(p.document), p.workflow.issuesDocument, 'a template exactly when a document is issued');
    assert.equal(Boolean(p.notOnline), p.availability !== 'online', 'notOnline exactly when not fully online');
    if (p.assurance === 'jpki_signature') assert.equal(p.jpkiSignature, true);
    assert.equal(p.fee.kind === 'none', p.paymentMethods.length === 0, 'payment methods exactly when there is a fee');
    assert.match(p.nameKana, /^[ァ-ヶー・　 ]+$/);
    for (const text of [p.description.ja, p.description.jaEasy, p.description.en]) assert.ok(text.length > 30);
    assert.ok(p.synonyms.length >= 4 && p.categories.length >= 1);
    assert.ok(p.processingDays >= 0 && Number.isInteger(p.processingDays));
    // `ward.` means the applicant's ward office: the unit must exist in every ward office.
    const code = p.department.startsWith('ward.') ? `ward-141330.${p.department.slice(5)}` : p.department;
    assert.ok(
      departments.some((d) => d.code === code),
      `department ${p.department} is not in the organisation`,
    );
  });

  test(`${p.code}: the schema compiles, accepts the sample answers and rejects a broken one`, () => {
    const schema = p.form!.schema as JsonSchema;
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.type, 'object');
    assert.equal(schema.additionalProperties, false);
    const sample = sampleAnswers[p.code]!;
    assert.deepEqual(rejectedAt(p, sample), [], 'sample answers');
    assert.deepEqual(rejectedAt(p, { ...sample, ...sampleInternal[p.code] }), [], 'sample with staff fields');
    const bad = clone(sample);
    broken[p.code]!.change(bad);
    assert.ok(rejectedAt(p, bad).includes(broken[p.code]!.at), `broken answers rejected at ${broken[p.code]!.at}`);
    assert.deepEqual(rejectedAt(p, { ...sample, unknownField: 'x' }), [''], 'no unknown fields');
    // The form engine that will serve the form compiles it too, and finds nothing to say.
    assert.deepEqual(validateAnswers(p.form!, sample, { lang: 'ja' }), []);
  });

  test(`${p.code}: every required field, and every shown conditional field, is enforced`, () => {
    const sample = sampleAnswers[p.code]!;
    for (const name of (p.form!.schema as JsonSchema).required ?? []) {
      const answers = clone(sample);
      delete answers[name];
      assert.ok(rejectedAt(p, answers).includes(`/${name}`), `${name} is required`);
    }
    for (const [name, schema] of Object.entries(properties(p))) {
      const showIf = ui(schema).showIf;
      if (!showIf) continue;
      for (const value of showIf.in) {
        const answers = clone(sample);
        answers[showIf.field] = value;
        delete answers[name];
        assert.ok(rejectedAt(p, answers).includes(`/${name}`), `${name} is required when ${showIf.field} = ${value}`);
      }
    }
  });

  test(`${p.code}: steps show every field once, and the UI hints point at things that exist`, () => {
    const props = properties(p);
    const steps = p.form!.steps;
    assert.ok(steps.length >= 2 && steps.length <= 5, '2 to 5 steps');
    assert.equal(new Set(steps.map((s) => s.id)).size, steps.length);
    const onSteps = steps.flatMap((s) => s.fields);
    for (const name of onSteps) assert.ok(props[name], `step field ${name} is in the schema`);
    for (const [name, schema] of Object.entries(props)) {
      const times = onSteps.filter((f) => f === name).length;
      if (ui(schema).internal) {
        assert.equal(times, 0, `internal ${name} is on no step`);
        assert.ok(!(p.form!.schema as JsonSchema).required?.includes(name), `internal ${name} is not required`);
      } else {
        assert.equal(times, 1, `${name} is on exactly one step`);
      }
      const showIf = ui(schema).showIf;
      if (showIf) {
        const target = props[showIf.field];
        // The engine drops hidden fields in step order, so a chain (保護者2 → its reason → 就労証明書)
        // works when each condition is asked before the fields that depend on it.
        assert.ok(target, `${name} shows on a top-level field`);
        assert.ok(onSteps.indexOf(showIf.field) < onSteps.indexOf(name), `${showIf.field} is asked before ${name}`);
        const order = Object.keys(props);
        assert.ok(order.indexOf(showIf.field) < order.indexOf(name), `${showIf.field} is declared before ${name}`);
        const values = target.type === 'boolean' ? [true, false] : (target.enum ?? []);
        for (const v of showIf.in) assert.ok(values.includes(v), `${name}: ${showIf.field} can be ${v}`);
      }
    }
    const files: string[] = [];
    for (const { path, schema } of walk(p.form!.schema as JsonSchema)) {
      const where = path.join('.');
      const hint = ui(schema);
      assert.ok(schema.title, `${where} has a title`);
      if (hint.widget) assert.ok(widgets.has(hint.widget), `${where}: widget ${hint.widget}`);
      const values = schema.enum ?? schema.items?.enum;
      if (values) assert.equal(hint.options?.length, values.length, `${where}: a label for every value`);
      if (hint.widget === 'my-number') assert.equal(schema.pattern, '^[0-9]{12}$');
      if (hint.widget === 'date') assert.equal(schema.format, 'date');
      if (hint.widget === 'file') files.push(hint.attachment ?? '');
    }
    assert.deepEqual(files.sort(), p.attachments.map((a) => a.key).sort(), 'one file field per attachment');
  });

  test(`${p.code}: the fee and the document read fields that exist`, () => {
    if (p.fee.kind === 'per_unit') {
      const unit = properties(p)[p.fee.unitField];
      assert.equal(unit?.type, 'integer', `${p.fee.unitField} is an integer field`);
      assert.ok((unit.minimum ?? 0) >= 1 && unit.maximum !== undefined, 'the unit count is bounded');
      assert.ok((p.form!.schema as JsonSchema).required?.includes(p.fee.unitField));
    }
    const answers = { ...sampleAnswers[p.code], ...sampleInternal[p.code] };
    for (const line of documentText(p)) {
      for (const [, path] of line.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)) {
        if (path!.startsWith('case.')) {
          assert.ok((documentCaseFields as readonly string[]).includes(path!.slice(5)), `case field ${path}`);
          continue;
        }
        const value = path!.split('.').reduce<unknown>((v, k) => (v as Answers | undefined)?.[k], answers);
        assert.ok(typeof value === 'string' || typeof value === 'number', `{{${path}}} resolves in ${p.code}`);
      }
    }
  });
}

test('every form renders each step with the sample answers, and the summary reads as labels', () => {
  for (const p of fullProcedures) {
    const form = p.form!;
    const answers = sampleAnswers[p.code]!;
    for (const step of form.steps) {
      const page = String(renderStepFields({ lang: 'ja', form, answers, errors: [] }, step));
      for (const name of step.fields) {
        const condition = ui(properties(p)[name]).showIf;
        const hiddenByEarlierStep =
          condition &&
          !step.fields.includes(condition.field) &&
          !condition.in.includes(answers[condition.field] as string);
        if (!hiddenByEarlierStep) assert.ok(page.includes(`data-field="${name}"`), `${p.code}: ${name} renders`);
      }
    }
    const rows = summaryRows({ lang: 'ja', form, answers, errors: [] });
    const shown = new Map(rows.map((r) => [r.field, r.value]));
    for (const { path, schema } of walk(form.schema as JsonSchema)) {
      if (!schema.enum || path.includes('*')) continue;
      const value = shown.get(path.join('.'));
      if (value !== undefined) assert.ok(!schema.enum.includes(value), `${p.code}: ${path.join('.')} shows a label`);
    }
    assert.ok(rows.length >= Object.keys(answers).length, `${p.code}: every answer has a summary row`);
  }
});

test('保育所: answering that there is no second guardian drops that guardian and everything hanging on them', () => {
  const form = fullProcedures.find((p) => p.code === 'hoikusho')!.form!;
  const before = sampleAnswers.hoikusho!;
  assert.equal(before.guardian2DueDate, '2027-02-14');
  // Without JavaScript the page still posts the fields it showed for 保護者2 before the answer changed.
  const posted = { hasGuardian2: 'no', guardian2Reason: 'pregnancy', guardian2DueDate: '2027-02-14' };
  const { answers, errors } = parseStep(form, 'guardian2', posted, before, 'ja');
  assert.deepEqual(errors, []);
  for (const gone of ['guardian2', 'guardian2Reason', 'guardian2DueDate']) assert.equal(answers[gone], undefined, gone);
  assert.equal(answers.guardian1Workplace, before.guardian1Workplace);
  assert.deepEqual(validateAnswers(form, answers, { lang: 'ja' }), []);
});

function documentText(p: Procedure): string[] {
  if (!p.document) return [];
  return [p.document.title, p.document.issuer, ...p.document.body, ...(p.document.table ?? []).map((r) => r.value)];
}

test('the sample My Numbers carry valid check digits', () => {
  for (const p of fullProcedures) {
    for (const { path, schema } of walk(p.form!.schema as JsonSchema)) {
      if (ui(schema).widget !== 'my-number' || path.includes('*')) continue;
      const value = path.reduce<unknown>((v, k) => (v as Answers | undefined)?.[k], sampleAnswers[p.code]);
      if (value !== undefined) assert.ok(isValidMyNumber(String(value)), `${p.code} ${path.join('.')}`);
    }
  }
});

test('the sample 法人番号 carry valid check digits', () => {
  // 法人番号: the first digit is 9 − (Σ Pn×Qn mod 9) over the other 12, Qn = 1 for odd n, 2 for even n.
  const valid = (n: string) =>
    Number(n[0]) === 9 - ([...n.slice(1)].reverse().reduce((s, d, i) => s + Number(d) * (i % 2 ? 2 : 1), 0) % 9);
  const numbers = Object.values(sampleAnswers)
    .map((a) => a.corporateNumber)
    .filter((n): n is string => typeof n === 'string');
  assert.ok(numbers.length >= 2);
  for (const n of numbers) assert.ok(valid(n), n);
  assert.ok(!valid('9010401123457'));
});

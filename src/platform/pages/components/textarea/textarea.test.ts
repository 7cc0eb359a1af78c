import assert from 'node:assert/strict';
import { test } from 'node:test';
import { examples, textarea } from './textarea.ts';

test('textarea: label for the field, the value escaped inside, error wired with aria', () => {
  const out = String(textarea({ ...examples['with error']!, value: '</textarea><script>x</script>' }));
  assert.match(out, /<label class="form-field__label" for="reason">/);
  assert.match(out, /aria-invalid="true"/);
  assert.match(out, /aria-describedby="reason-error"/);
  assert.doesNotMatch(out, /<script>/);
  assert.match(out, /&lt;\/textarea&gt;/);
});

test('textarea: a limit becomes maxlength, a hint is described', () => {
  const out = String(textarea(examples['with hint and limit']!));
  assert.match(out, /maxlength="20000"/);
  assert.match(out, /aria-describedby="summary-hint"/);
  assert.match(out, / required/);
});

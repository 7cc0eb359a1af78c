import assert from 'node:assert/strict';
import { test } from 'node:test';
import { examples, fileInput } from './file-input.ts';

test('file input: labelled, accept passed on, hint and error described', () => {
  assert.match(
    String(fileInput(examples.plain!)),
    /type="file" id="scan" name="scan" accept="application\/pdf,image\/jpeg,image\/png"/,
  );
  const out = String(fileInput(examples['with hint and error']!));
  assert.match(out, /aria-describedby="document-file-hint document-file-error"/);
  assert.match(out, /aria-invalid="true"/);
});

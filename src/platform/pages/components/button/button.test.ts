import assert from 'node:assert/strict';
import { test } from 'node:test';
import { button, examples } from './button.ts';

test('actions are submit buttons and navigation is a link', () => {
  assert.equal(
    button(examples.submit!).toString(),
    '<button class="button button--primary" type="submit">申請する</button>',
  );
  assert.match(button(examples.secondary!).toString(), /name="action" value="save"/);
  assert.equal(
    button(examples.link!).toString(),
    '<a class="button button--primary" href="/procedures">手続を探す</a>',
  );
});

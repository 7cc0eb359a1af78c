import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html, raw } from './html.ts';

test('text and attribute values are escaped', () => {
  const name = '<script>alert("x")</script>';
  const title = `" onmouseover="alert(1)`;
  assert.equal(
    html`<p title="${title}">${name}</p>`.toString(),
    '<p title="&quot; onmouseover=&quot;alert(1)">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>',
  );
  assert.equal(html`<a href='${"x' onclick='y"}'>`.toString(), "<a href='x&#39; onclick=&#39;y'>");
});

test('nested SafeHtml and arrays are kept; null, undefined and false render nothing', () => {
  const items = ['a&b', 'c'].map((x) => html`<li>${x}</li>`);
  assert.equal(
    html`<ul>${items}</ul>${null}${undefined}${false}${0}`.toString(),
    '<ul><li>a&amp;b</li><li>c</li></ul>0',
  );
  assert.equal(html`${raw('<b>ok</b>')}`.toString(), '<b>ok</b>');
});

// House rule for page components: each is a folder <name>/ with <name>.ts exporting its render function
// (camelCase of the folder) and named `examples`, and <name>.test.ts. This file renders every example of
// every component and checks what axe and the CSP would otherwise find only in a browser.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./', import.meta.url));
const names = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

const camel = (name: string) => name.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());

test('the component folders are the expected ones', () => {
  for (const name of ['button', 'error-summary', 'notification-banner', 'page-heading', 'text-input'])
    assert.ok(names.includes(name), `components/${name}/ is missing`);
});

for (const name of names) {
  test(`${name}: every example renders with unique ids, resolvable ARIA ids, nothing inline`, async () => {
    assert.ok(existsSync(`${dir}${name}/${name}.test.ts`), `${name}/${name}.test.ts is missing`);
    const mod = (await import(`./${name}/${name}.ts`)) as Record<string, unknown>;
    const render = mod[camel(name)];
    assert.equal(typeof render, 'function', `${name}.ts must export ${camel(name)}()`);
    const examples = mod.examples as Record<string, unknown> | undefined;
    assert.ok(examples && Object.keys(examples).length > 0, `${name}.ts must export named examples`);
    for (const [example, params] of Object.entries(examples)) {
      const out = String((render as (p: unknown) => unknown)(params));
      const where = `${name} / ${example}`;
      const ids = [...out.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
      assert.equal(new Set(ids).size, ids.length, `${where}: duplicate id`);
      const refs = [...out.matchAll(/\s(?:aria-labelledby|aria-describedby|for)="([^"]*)"/g)].flatMap((m) =>
        m[1]!.split(/\s+/),
      );
      for (const ref of refs) assert.ok(ids.includes(ref), `${where}: refers to missing id "${ref}"`);
      assert.doesNotMatch(out, /\sstyle=|<script|\son[a-z]+=/i, `${where}: inline style or script (CSP)`);
    }
  });
}

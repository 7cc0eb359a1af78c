// Text into XML 1.0: the five markup characters escaped, and the characters XML 1.0 does not allow at all
// (most C0 controls, lone surrogates, U+FFFE/U+FFFF) dropped, with the C1 controls it discourages, since
// no escape can carry them and a feed reader refuses the whole document over one of them.
const notAllowed =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what is dropped
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlText(value: string): string {
  return value.replace(notAllowed, '').replace(/[&<>"']/g, (c) => entities[c]!);
}

// For tests only: a strict reader for the small XML the feeds are (no DTD, comments, CDATA or processing
// instructions besides the declaration). It refuses what XML 1.0 refuses — characters it does not allow,
// a bare & or <, unknown entities, unbalanced or crossed tags, attributes twice, text outside the root —
// and returns the element tree with entities resolved, so a test can compare fields.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), entities resolved. */
  text: string;
}

const legalChars = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const name = '[A-Za-z_][A-Za-z0-9_.:-]*';
const startTag = new RegExp(`^<(${name})((?:\\s+${name}\\s*=\\s*"[^"<]*")*)\\s*(/?)>`);
const attribute = new RegExp(`(${name})\\s*=\\s*"([^"<]*)"`, 'g');
const endTag = new RegExp(`^</(${name})\\s*>`);

function resolve(text: string): string {
  return text.replace(/&([^;]*);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare & in ${JSON.stringify(text)}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref in named) return named[ref]!;
    const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
    if (!num) throw new Error(`unknown entity ${whole}`);
    const char = String.fromCodePoint(num[1] ? Number.parseInt(num[1], 16) : Number(num[2]));
    if (!legalChars.test(char)) throw new Error(`character reference to a character XML does not allow: ${whole}`);
    return char;
  });
}

export function readXml(document: string): XmlElement {
  if (!legalChars.test(document)) throw new Error('a character XML 1.0 does not allow');
  let rest = document.replace(/^<\?xml version="1\.0" encoding="utf-8"\?>/, '');
  if (rest.startsWith('<?')) throw new Error('XML declaration missing or not first');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (text) {
      const top = stack.at(-1);
      if (!top) {
        if (text.trim()) throw new Error(`text outside the root element: ${JSON.stringify(text)}`);
      } else {
        if (text.includes(']]>')) throw new Error(']]> in text');
        top.text += resolve(text);
      }
      rest = rest.slice(text.length);
      continue;
    }
    const end = endTag.exec(rest);
    if (end) {
      const open = stack.pop();
      if (!open || open.name !== end[1]) throw new Error(`</${end[1]}> closes <${open?.name ?? 'nothing'}>`);
      rest = rest.slice(end[0].length);
      continue;
    }
    const start = startTag.exec(rest);
    if (!start) throw new Error(`not a tag: ${JSON.stringify(rest.slice(0, 40))}`);
    const element: XmlElement = { name: start[1]!, attrs: {}, children: [], text: '' };
    for (const [, key, value] of start[2]!.matchAll(attribute)) {
      if (Object.hasOwn(element.attrs, key!)) throw new Error(`attribute ${key} twice on <${element.name}>`);
      element.attrs[key!] = resolve(value!);
    }
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else if (root) throw new Error('a second root element');
    else root = element;
    if (start[3] !== '/') stack.push(element);
    rest = rest.slice(start[0].length);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

export function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function child(element: XmlElement, name: string): XmlElement {
  const found = children(element, name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}>, not one`);
  return found[0]!;
}

export const textOf = (element: XmlElement, name: string) => child(element, name).text;

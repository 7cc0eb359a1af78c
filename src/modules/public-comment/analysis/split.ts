// A submission (通) cut into candidate opinions (件) for staff to confirm: at the items of a numbered or
// bulleted list (1. ① (1) 一、 ・ - 意見1 …), or else at paragraphs. Only cuts, never edits: the parts,
// trimmed, hold every non-space character of the submission in order (markers stay, so staff see them).

interface Marker {
  at: number;
  family: string;
  /** The item's number where it has one (① → 1, （３） → 3), for telling a list from a stray "(2)". */
  number: number | null;
  lineStart: boolean;
  indent: number;
}

const digits = '[0-9０-９]{1,3}';
const kanjiDigits = '[一二三四五六七八九十]{1,3}';
// Circled and parenthesised numbers: ①–⑳ ⑴–⒇ ⒈–⒛ ㉑–㉟ ㊱–㊿ ❶–❿ ⓫–⓴.
const circledClass = '[\\u2460-\\u249b\\u3251-\\u325f\\u32b1-\\u32bf\\u2776-\\u277f\\u24eb-\\u24f4]';

// At the start of a line (after indentation), in the order they are tried.
const lineStartFamilies: [string, RegExp][] = [
  ['circled', new RegExp(`^${circledClass}`, 'u')],
  ['paren-digit', new RegExp(`^[(（]${digits}[)）]`, 'u')],
  // "1." but not "1.5倍", "2025年".
  ['digit', new RegExp(`^${digits}\\s*[.．。、)）:：](?![0-9０-９])`, 'u')],
  ['paren-kanji', new RegExp(`^[(（]${kanjiDigits}[)）]`, 'u')],
  ['kanji', new RegExp(`^${kanjiDigits}[、.．)）]`, 'u')],
  ['paren-kana', /^[(（][ア-ン][)）]/u],
  ['iken', new RegExp(`^(?:意見|その)\\s*(?:${digits}|${kanjiDigits})`, 'u')],
  ['dai', new RegExp(`^第(?:${digits}|${kanjiDigits})(?:に|点|、)`, 'u')],
  ['bullet', /^(?:[・•●○◯◆◇■□▪▫▶▷►➢✓✔☆★]|[-－‐*＊+＋](?=\s))/u],
];

// Within a line, only numbered markers, and only after a sentence or a space ("①…。②…", "。(2) …"), so that
// 資料の①と②を比べると stays whole.
const inlineFamilies: [string, RegExp][] = [
  ['circled', new RegExp(`(?<=[。．！？!?\\s])${circledClass}`, 'gu')],
  ['paren-digit', new RegExp(`(?<=[。．！？!?\\s])[(（]${digits}[)）]`, 'gu')],
  ['digit', new RegExp(`(?<=[。．！？!?])${digits}[.．)）](?![0-9０-９])`, 'gu')],
];

const kanjiValue: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function numberOf(marker: string): number | null {
  const c = marker.codePointAt(0)!;
  if (c >= 0x2776 && c <= 0x277f) return c - 0x2776 + 1; // ❶
  if (c >= 0x24eb && c <= 0x24f4) return c - 0x24eb + 11; // ⓫
  const ascii = marker.normalize('NFKC').match(/[0-9]+/);
  if (ascii) return Number(ascii[0]);
  const kanji = marker.match(/[一二三四五六七八九十]+/);
  if (!kanji) return null;
  const [a, b] = [...kanji[0]].map((k) => kanjiValue[k]!);
  if (b === undefined) return a!; // 一 … 十
  return a === 10 ? 10 + b : b === 10 ? a! * 10 : a! * 10 + b; // 十一, 二十
}

interface Line {
  start: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (const match of text.matchAll(breaks)) {
    lines.push({ start, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ start, text: text.slice(start) });
  return lines;
}

function markersOf(lines: Line[]): Marker[] {
  const markers: Marker[] = [];
  for (const line of lines) {
    const indent = line.text.length - line.text.trimStart().length;
    const rest = line.text.slice(indent);
    for (const [family, pattern] of lineStartFamilies) {
      const match = rest.match(pattern);
      if (match) {
        markers.push({ at: line.start + indent, family, number: numberOf(match[0]), lineStart: true, indent });
        break;
      }
    }
    for (const [family, pattern] of inlineFamilies) {
      for (const match of line.text.matchAll(pattern)) {
        if (match.index <= indent) continue;
        markers.push({ at: line.start + match.index, family, number: numberOf(match[0]), lineStart: false, indent });
      }
    }
  }
  return markers.sort((a, b) => a.at - b.at);
}

/**
 * The items of the list that structures the text, if any: the family of the first marker at a line start
 * (or else of the first inline run ①②), at that marker's indentation or less (deeper ones are sub-items),
 * an inline marker only where it continues the numbering (① … ② …).
 */
function listItems(markers: Marker[]): Marker[] {
  const first =
    markers.find((m) => m.lineStart) ??
    markers.find((m, i) => m.number !== null && markers.slice(i + 1).some((n) => n.family === m.family));
  if (!first) return [];
  const items: Marker[] = [];
  for (const marker of markers) {
    if (marker.family !== first.family || marker.at < first.at) continue;
    const previous = items.at(-1);
    const continues = previous?.number != null && marker.number === previous.number + 1;
    if (marker === first || (marker.lineStart ? marker.indent <= first.indent : continues)) items.push(marker);
  }
  // A lone inline marker is not a list.
  return items.length === 1 && !items[0]!.lineStart ? [] : items;
}

const blank = /^\s*$/;
const sentenceEnd = /[。．.！!？?」』）)]\s*$/;

/** Where paragraphs start: after blank lines, or, with none, at lines that do not look hard-wrapped. */
function paragraphStarts(lines: Line[]): number[] {
  const starts: number[] = [];
  if (lines.some((line, i) => blank.test(line.text) && i > 0 && i < lines.length - 1)) {
    lines.forEach((line, i) => {
      if (i > 0 && blank.test(lines[i - 1]!.text) && !blank.test(line.text)) starts.push(line.start);
    });
    return starts;
  }
  const widest = Math.max(...lines.map((line) => line.text.trim().length));
  lines.forEach((line, i) => {
    const previous = lines[i - 1]?.text.trim();
    if (previous === undefined || previous === '' || blank.test(line.text)) return;
    // A line cut at the width of the text, mid-sentence, goes on in the next one.
    const wrapped =
      /[、,，]$/.test(previous) ||
      (!sentenceEnd.test(previous) && previous.length >= 15 && previous.length >= widest * 0.8);
    if (!wrapped) starts.push(line.start);
  });
  return starts;
}

/** After a list's last item, text after a blank line is a closing remark of its own (以上、よろしく…). */
function closingStart(lines: Line[], last: Marker): number | null {
  let sawBlank = false;
  for (const line of lines) {
    if (line.start + line.text.length <= last.at) continue;
    if (blank.test(line.text)) sawBlank = true;
    else if (sawBlank) return line.start;
  }
  return null;
}

/** Candidate opinions of a submission; [] for blank text. */
export function splitIntoOpinions(text: string): string[] {
  if (text.trim() === '') return [];
  const lines = linesOf(text);
  const items = listItems(markersOf(lines));
  let cuts: number[];
  if (items.length > 0) {
    cuts = items.map((m) => m.at);
    const closing = closingStart(lines, items.at(-1)!);
    if (closing !== null) cuts.push(closing);
  } else {
    cuts = paragraphStarts(lines);
  }
  const bounds = [...new Set([0, ...cuts, text.length])].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = text.slice(bounds[i], bounds[i + 1]).trim();
    if (part !== '') parts.push(part);
  }
  return parts;
}

import { PLACEHOLDER_ID } from './local-ids';
import { declaresMadeUp, finding } from './shared';
import type { Finding, FindingKind } from './types';

/*
 * Pasted extracts: a header row naming columns (CHILD, DOB, "NHS No", UPN, Postcode, Name …) and rows
 * under it, separated by tabs, commas, pipes, semicolons or aligned in fixed-width columns, and SQL
 * `INSERT … (cols) VALUES (…)`. A value in a personal column is personal data whatever it looks like.
 * Runs on the text as written, because normalising turns tabs and aligned spaces into one space.
 */

/** Header keys: lower case, every run of other characters as one '_' ("NHS No." → nhs_no). */
const COLUMN_KINDS: [RegExp, FindingKind][] = [
  [/^(?:child|child_?(?:id|ref|no)|la_?child_?id|person_?(?:id|ref)|client_?id|case_?(?:id|ref)|local_?id|legacy_?id|id|[a-z]{2,8}_(?:id|ref))$/, 'local_id'],
  [/^(?:dob|d_?o_?b|date_?of_?birth|birth_?date|birthdate|child_?dob|mc_?dob|person_?birth_?date)$/, 'date_of_birth'],
  [/^(?:nhs|nhs_?(?:number|no|num))$/, 'nhs_number'],
  [/^(?:upn|former_?upn)$/, 'upn'],
  [/^(?:home_?post(?:code)?|post_?code|pl_?post(?:code)?)$/, 'postcode'],
  [/^(?:address|address_?(?:line_?)?1|addr(?:ess)?_?1?|street|home_?address)$/, 'address'],
  [/^(?:name|names|forenames?|surname|first_?name|last_?name|full_?name|child_?s?_?name|given_?name|family_?name|known_?as|preferred_?name|mother|father|parent|carer|parent_?name|carer_?name)$/, 'name'],
  [/^(?:ni|nino|ni_?(?:number|no))$/, 'ni_number'],
  [/^(?:email|e_?mail)$/, 'email'],
  [/^(?:phone|mobile|tel|telephone)$/, 'phone'],
];
/** Values that hold nothing: blanks, NULLs, codes too short to be anyone's. */
const EMPTY = /^(?:|null|n\/a|na|none|xx+|-+|0|\*+|\.\.\.|redacted|\[.*\])$/i;
const HEADER_CELL = /^[A-Za-z][A-Za-z0-9_ .'#/()-]{0,29}$/;

interface Cell {
  text: string;
  start: number;
}

const columnKind = (header: string) => {
  const key = header.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  return COLUMN_KINDS.find(([re]) => re.test(key))?.[1];
};

/** One cell: trimmed, outer quotes off, `start` its offset in the text. */
function cell(text: string, start: number, end: number): Cell {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end - start >= 2 && /["'`]/.test(text[start]) && text[end - 1] === text[start]) {
    start++;
    end--;
  }
  return { text: text.slice(start, end), start };
}

/** Cells of text[start, end) split on `sep`, not inside quotes ("22 Mill Lane, Leeds" stays one cell). */
function split(text: string, start: number, end: number, sep: string): Cell[] {
  const out: Cell[] = [];
  let from = start;
  let quote = '';
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if ((ch === '"' || (ch === "'" && sep === ',' && /[\s,(]/.test(text[i - 1] ?? ' '))) && i === from + text.slice(from, i).search(/\S|$/)) quote = ch;
    else if (ch === sep) {
      out.push(cell(text, from, i));
      from = i + 1;
    }
  }
  out.push(cell(text, from, end));
  return out;
}

/** Fixed-width cells: each column runs from its header's start to the next one's, moved back to a space. */
function fixedCells(text: string, start: number, end: number, columns: number[]): Cell[] {
  const bounds = columns.map((c, k) => {
    if (k === 0) return start;
    let at = Math.min(start + c, end);
    while (at > start && at < end && !/\s/.test(text[at - 1])) at--;
    return at;
  });
  return bounds.map((b, k) => cell(text, b, k + 1 < bounds.length ? Math.max(b, bounds[k + 1]) : end));
}

/** Whether a value fits its column: a DOB or id has digits, a name has none, an NHS number is ten digits. */
function fits(kind: FindingKind, value: string): FindingKind | undefined {
  if (EMPTY.test(value) || value.length < 2) return undefined;
  const digits = /[0-9]/.test(value);
  if (kind === 'local_id') return digits ? 'local_id' : /^\p{Lu}[\p{L}' -]+$/u.test(value) ? 'name' : undefined;
  if (kind === 'name') return !digits && /\p{L}/u.test(value) ? 'name' : undefined;
  if (kind === 'nhs_number') return /^[0-9][0-9 -]{8,12}[0-9]$/.test(value) ? kind : undefined;
  if (kind === 'postcode' && /^ZZ99/i.test(value)) return undefined; // the NHS pseudo-postcodes (no fixed abode, abroad)
  if (kind === 'date_of_birth' || kind === 'postcode' || kind === 'upn' || kind === 'ni_number' || kind === 'phone') return digits ? kind : undefined;
  return kind;
}

function report(text: string, kinds: (FindingKind | undefined)[], row: Cell[], out: Finding[]) {
  // A test row: its id is a stand-in (TEST01, DUMMY-2).
  if (row.some((c, k) => kinds[k] === 'local_id' && PLACEHOLDER_ID.test(c.text))) return;
  row.forEach((c, k) => {
    const kind = kinds[k] && fits(kinds[k], c.text);
    if (kind) out.push(finding(text, kind, c.start, c.start + c.text.length, 'medium'));
  });
}

/** How a header line separates its cells: the first of tab, pipe, semicolon, comma, or two spaces. */
function separatorOf(line: string): string | undefined {
  return ['\t', '|', ';', ','].find((s) => line.includes(s)) ?? (/\S {2,}\S/.test(line) ? '  ' : undefined);
}

export function findTableValues(text: string): Finding[] {
  if (declaresMadeUp(text)) return [];
  const out: Finding[] = [];
  findSqlRows(text, out);
  // Lines, and backtick-quoted pieces of a line ("`CHILD,SEX,DOB` ... `A12,1,2015-03-02`").
  const lines: [number, number][] = [];
  for (const m of text.matchAll(/[^\n`]+/g)) {
    // Markdown tables: "| CHILD | DOB |" has its cells between the outer pipes.
    const piped = /^(\s*\|)(.*?)\|\s*$/.exec(m[0]);
    lines.push(piped ? [m.index + piped[1].length, m.index + piped[1].length + piped[2].length] : [m.index, m.index + m[0].replace(/\r$/, '').length]);
  }
  const lineText = (i: number) => text.slice(...lines[i]);
  for (let i = 0; i < lines.length; i++) {
    const sep = separatorOf(lineText(i).trim());
    if (!sep) continue;
    const fixed = sep === '  ';
    const header = fixed ? [...lineText(i).matchAll(/\S+(?: \S+)*/g)].map((m) => ({ text: m[0], start: lines[i][0] + m.index })) : split(text, ...lines[i], sep);
    if (header.length < 2 || header.some((c) => !HEADER_CELL.test(c.text) || c.text.split(' ').length > 4)) continue;
    const kinds = header.map((c) => columnKind(c.text));
    if (!kinds.some(Boolean)) continue;
    const columns = header.map((c) => c.start - lines[i][0]);
    for (let j = i + 1; j < lines.length; j++) {
      const line = lineText(j);
      if (!line.trim() || /^[\s.…-]*$/.test(line)) {
        if (fixed) break;
        continue;
      }
      // A row uses its header's separator: "Bradford, Jan 2025 run" under a pipe table is prose.
      if (fixed ? !/\S {2,}\S|\t/.test(line) : !line.includes(sep)) break;
      const row = fixed ? fixedCells(text, lines[j][0], lines[j][1], columns) : split(text, ...lines[j], sep);
      const prose = row.some((c) => c.text.length > 60 || c.text.split(' ').length > 7) || /[?]\s*$/.test(line);
      if (row.length < 2 || (!fixed && Math.abs(row.length - header.length) > 1) || prose) break;
      report(text, kinds, row, out);
    }
  }
  findAddressBlocks(text, out);
  return out;
}

/** SQL seed data: INSERT INTO t (forename, dob, …) VALUES ('Anna', '2014-03-02', …), (…); */
const SQL_INSERT = /\(\s*([A-Za-z_"`[\]][\w "`[\],]*)\)\s*values\s*/gi;
function findSqlRows(text: string, out: Finding[]) {
  for (const m of text.matchAll(SQL_INSERT)) {
    const kinds = m[1].split(',').map((c) => columnKind(c.replace(/["`[\]]/g, '').trim()));
    if (!kinds.some(Boolean)) continue;
    let at = m.index + m[0].length;
    for (;;) {
      const tuple = /^\s*,?\s*\(/.exec(text.slice(at, at + 20));
      if (!tuple) break;
      const open = at + tuple[0].length;
      const close = text.indexOf(')', open);
      if (close < 0) break;
      report(text, kinds, split(text, open, close, ','), out);
      at = close + 1;
    }
  }
}

/**
 * An address written one field a line, ending at a postcode line: "Flat 4 / Rose House / Mill Lane / Ripon
 * / HG4 1AB". Every line above the postcode is a field; a first line of two or three words with no digit
 * and no street word is the addressee's name.
 */
const POSTCODE_LINE = /^[ \t]*(?:\p{Lu}[\p{L}' -]*,?[ \t]+)?[A-Z]{1,2}[0-9][0-9A-Z]?[ \t]?[0-9][A-Z]{2}[ \t]*,?$/u;
const FIELD_LINE = /^[ \t]*(?:(?:flat|apartment|apt|unit|block|room) [0-9A-Z]{1,4}|[0-9]{1,4}[a-z]?,? )?[\p{Lu}0-9][\p{L}0-9' .&-]{0,38},?[ \t]*$/u;
const ORG_LINE = /\b(?:council|civic|town hall|county hall|offices?|department|dfe|ofsted|school|academy|college|university|hospital|centre|center|ltd|plc|services|team|po box)\b/i;
const STREET_WORD = /\b(?:flat|house|street|st|road|rd|lane|avenue|close|drive|way|court|place|gardens|grove|terrace|crescent|cottage|farm|estate|block|mews|square|hill|row|walk|view)\b|[0-9]/i;

function findAddressBlocks(text: string, out: Finding[]) {
  const lines = [...text.matchAll(/[^\n]*/g)].filter((m) => m.index === 0 || text[m.index - 1] === '\n');
  for (const [i, m] of lines.entries()) {
    if (!POSTCODE_LINE.test(m[0])) continue;
    const fields: RegExpMatchArray[] = [];
    for (let k = i - 1; k >= 0 && k >= i - 6 && FIELD_LINE.test(lines[k][0]) && !ORG_LINE.test(lines[k][0]); k--) fields.unshift(lines[k]);
    if (fields.length < 2 || !fields.some((f) => STREET_WORD.test(f[0]))) continue;
    fields.forEach((f, k) => {
      const c = cell(text, f.index!, f.index! + f[0].replace(/,?\s*$/, '').length);
      const isName = k === 0 && !STREET_WORD.test(c.text) && /^\S+(?: \S+){1,2}$/.test(c.text);
      out.push(finding(text, isName ? 'name' : 'address', c.start, c.start + c.text.length, 'medium'));
    });
  }
}

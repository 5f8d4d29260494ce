import { PLACEHOLDER_ID } from './local-ids';
import { declaresMadeUp, finding } from './shared';
import type { Finding, FindingKind } from './types';

/*
 * Pasted extracts: a header row naming columns (CHILD, DOB, NHS, UPN, HOME_POST, name …) and rows under it.
 * A value in a personal column is personal data whatever it looks like, so each one is reported.
 */

const COLUMN_KINDS: [RegExp, FindingKind][] = [
  [/^(?:child|child_?id|la_?child_?id|person_?id|client_?id|case_?id|mosaic_?id|lcs_?id|local_?id|legacy_?id|id)$/, 'local_id'],
  [/^(?:dob|date_?of_?birth|birth_?date|child_?dob|mc_?dob|person_?birth_?date|d_?o_?b)$/, 'date_of_birth'],
  [/^(?:nhs|nhs_?(?:number|no|num))$/, 'nhs_number'],
  [/^(?:upn|former_?upn)$/, 'upn'],
  [/^(?:home_?post(?:code)?|post_?code|postcode|pl_?post(?:code)?)$/, 'postcode'],
  [/^(?:address|address_?(?:line_?)?1|street|home_?address)$/, 'address'],
  [/^(?:name|forename|surname|first_?name|last_?name|full_?name|child_?name|given_?name|family_?name|mother|father)$/, 'name'],
  [/^(?:ni|nino|ni_?number)$/, 'ni_number'],
  [/^(?:email|e_?mail)$/, 'email'],
  [/^(?:phone|mobile|tel|telephone)$/, 'phone'],
];
const SEPARATOR = /[,\t|;]/;
/** Values that hold nothing: blanks, NULLs, codes too short to be anyone's. */
const EMPTY = /^(?:|null|n\/a|na|none|xx+|-+|0|\*+|\.\.\.|redacted|\[.*\])$/i;

interface Cell {
  text: string;
  start: number;
}

function cells(text: string, start: number, end: number): Cell[] {
  const out: Cell[] = [];
  let at = start;
  for (const piece of text.slice(start, end).split(SEPARATOR)) {
    const lead = piece.length - piece.trimStart().length;
    const value = piece.trim().replace(/^["']|["']$/g, '');
    out.push({ text: value, start: at + lead + (piece.trim().startsWith('"') || piece.trim().startsWith("'") ? 1 : 0) });
    at += piece.length + 1;
  }
  return out;
}

export function findTableValues(text: string): Finding[] {
  if (!SEPARATOR.test(text) || declaresMadeUp(text)) return [];
  const out: Finding[] = [];
  // Lines, and backtick-quoted pieces of a line ("`CHILD,SEX,DOB` ... `A12,1,2015-03-02`").
  const lines: [number, number][] = [];
  for (const m of text.matchAll(/[^\n`]+/g)) {
    // Markdown tables: "| CHILD | DOB |" has its cells between the outer pipes.
    const piped = /^(\s*\|)(.*?)\|\s*$/.exec(m[0]);
    lines.push(piped ? [m.index + piped[1].length, m.index + piped[1].length + piped[2].length] : [m.index, m.index + m[0].length]);
  }
  for (let i = 0; i < lines.length; i++) {
    const header = cells(text, ...lines[i]);
    if (header.length < 2 || header.some((c) => !/^[A-Za-z_ ]{1,30}$/.test(c.text))) continue;
    const kinds = header.map((c) => COLUMN_KINDS.find(([re]) => re.test(c.text.toLowerCase().replace(/ /g, '_')))?.[1]);
    if (!kinds.some(Boolean)) continue;
    const separator = SEPARATOR.exec(text.slice(...lines[i]))![0];
    for (let j = i + 1; j < lines.length; j++) {
      const row = cells(text, ...lines[j]);
      if (!text.slice(...lines[j]).trim()) continue;
      // A row uses its header's separator: "Bradford, Jan 2025 run" under a pipe table is prose.
      if (!text.slice(...lines[j]).includes(separator)) {
        if (/^[\s.…]*$/.test(text.slice(...lines[j]))) continue;
        break;
      }
      const prose = row.some((c) => c.text.length > 40 || c.text.split(' ').length > 4);
      if (row.length < 2 || Math.abs(row.length - header.length) > 1 || prose) {
        if (/^[\s.…]*$/.test(text.slice(...lines[j]))) continue;
        break;
      }
      // A test row: its id is a stand-in (TEST01, DUMMY-2).
      if (row.some((c, k) => kinds[k] === 'local_id' && PLACEHOLDER_ID.test(c.text))) continue;
      row.forEach((c, k) => {
        const kind = kinds[k];
        if (kind && !EMPTY.test(c.text) && c.text.length >= 2) out.push(finding(text, kind, c.start, c.start + c.text.length, 'medium'));
      });
    }
  }
  return out;
}

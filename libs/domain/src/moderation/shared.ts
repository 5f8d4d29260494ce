import type { Finding, FindingConfidence, FindingKind } from './types';

/** Helpers the detectors share. Detectors work on the normalised text; spans are mapped back later. */
export interface Span {
  start: number;
  end: number;
}

export function finding(text: string, kind: FindingKind, start: number, end: number, confidence: FindingConfidence): Finding {
  return { kind, start, end, text: text.slice(start, end), confidence };
}

export function spansOf(text: string, re: RegExp): Span[] {
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Whether a keyword ends at most `before` characters ahead of the span or starts at most `after` past it. */
export function near(keywords: Span[], span: Span, before: number, after: number): boolean {
  return keywords.some((k) => k.end >= span.start - before && k.start <= span.end + after);
}

/** A text saying its data is invented: "all made up", "dummy rows", "synthetic records". */
const MADE_UP =
  /\b(?:(?:all|is|are|it's|entirely|completely|totally|just) (?:made[- ]up|fake|fictional|fictitious|dummy|synthetic|invented)|(?:made[- ]up|fake|dummy|synthetic|fictional|fictitious) (?:test )?(?:data(?:sets?)?|rows?|records?|values?|children|names|people|details|examples?)|generated (?:with|by|using) faker|faker|none of (?:these|them|this|the \w+) (?:are|is) real|not real (?:people|children|data|records))\b/i;
/** "dummy data apart from row 3, which I forgot to change": some of it is real after all. */
const PARTLY_REAL = /\b(?:apart from|except (?:for )?(?:row|one|the)|forgot|by mistake|accidentally|real (?:one|data|child|person|number))\b/i;
export const declaresMadeUp = (text: string) => MADE_UP.test(text) && !PARTLY_REAL.test(text);

/** The text of the `n` characters before a span, lower-cased (for cue words). */
export const before = (text: string, at: number, n: number) => text.slice(Math.max(0, at - n), at).toLowerCase();
export const after = (text: string, at: number, n: number) => text.slice(at, at + n).toLowerCase();

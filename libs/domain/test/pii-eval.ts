import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FindingKind } from '../src/moderation/types';

/*
 * Measuring the personal-data detector against a labelled corpus (docs/pii-corpus.md). A labelled span
 * counts as found when any finding overlaps it, whatever the finding's kind: a moderator is shown the
 * post either way. A finding is correct when it overlaps any labelled span, or any other place in the
 * post where a label's text stands again (the same name or number written twice is the same data).
 */

export const KINDS = FindingKind.options;

export const CorpusLabel = z.object({
  kind: FindingKind,
  /** an exact substring of the post's text; its first occurrence unless `start` says otherwise */
  text: z.string().min(1),
  start: z.number().int().nonnegative().optional(),
});
export type CorpusLabel = z.infer<typeof CorpusLabel>;

export const CorpusPost = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  pii: z.array(CorpusLabel),
});
export type CorpusPost = z.infer<typeof CorpusPost>;

export const Corpus = z.array(CorpusPost);

/** What the evaluation needs from a detector's finding. */
export interface Detected {
  kind: string;
  start: number;
  end: number;
  text?: string;
}
export type Detect = (text: string) => readonly Detected[];

export interface Span {
  start: number;
  end: number;
}

/** Where a label sits in its post, or an error saying why it does not. */
export function labelSpan(post: CorpusPost, label: CorpusLabel): Span | string {
  const start = label.start ?? post.text.indexOf(label.text);
  if (start < 0) return `"${label.text}" is not in the text`;
  if (post.text.slice(start, start + label.text.length) !== label.text) return `"${label.text}" is not at ${start}`;
  return { start, end: start + label.text.length };
}

/** Every problem with a corpus: bad shape, labels that are not substrings, duplicate ids. */
export function corpusProblems(posts: unknown): string[] {
  const parsed = Corpus.safeParse(posts);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const post of parsed.data) {
    if (seen.has(post.id)) problems.push(`${post.id}: duplicate id`);
    seen.add(post.id);
    for (const label of post.pii) {
      const span = labelSpan(post, label);
      if (typeof span === 'string') problems.push(`${post.id}: ${label.kind} ${span}`);
    }
  }
  return problems;
}

export interface KindScore {
  labels: number;
  labelsFound: number;
  /** null when there is nothing to measure (no labels of this kind) */
  recall: number | null;
  findings: number;
  findingsCorrect: number;
  /** null when the detector reported nothing of this kind */
  precision: number | null;
}

export interface Miss {
  postId: string;
  kind: string;
  text: string;
  /** the post, for reading the miss in context */
  post: string;
}

export interface Evaluation {
  kinds: Record<string, KindScore>;
  overall: KindScore;
  /** labelled spans no finding overlaps */
  misses: Miss[];
  /** findings that overlap no labelled span */
  falsePositives: Miss[];
  posts: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Every place `needle` stands in `text`. */
function occurrences(text: string, needle: string): Span[] {
  const spans: Span[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) spans.push({ start: i, end: i + needle.length });
  return spans;
}

function emptyScore(): KindScore {
  return { labels: 0, labelsFound: 0, recall: null, findings: 0, findingsCorrect: 0, precision: null };
}

function finish(s: KindScore): KindScore {
  return {
    ...s,
    recall: s.labels ? s.labelsFound / s.labels : null,
    precision: s.findings ? s.findingsCorrect / s.findings : null,
  };
}

/** Runs `detect` on every post. Throws on a label that is not in its post (run corpusProblems first). */
export function evaluate(posts: readonly CorpusPost[], detect: Detect): Evaluation {
  const kinds: Record<string, KindScore> = Object.fromEntries(KINDS.map((k) => [k, emptyScore()]));
  const overall = emptyScore();
  const misses: Miss[] = [];
  const falsePositives: Miss[] = [];
  for (const post of posts) {
    const labels = post.pii.map((label) => {
      const span = labelSpan(post, label);
      if (typeof span === 'string') throw new Error(`${post.id}: ${label.kind} ${span}`);
      return { ...span, kind: label.kind, text: label.text };
    });
    const repeats = post.pii.flatMap((label) => occurrences(post.text, label.text));
    const findings = detect(post.text);
    for (const label of labels) {
      const score = kinds[label.kind];
      const found = findings.some((f) => overlaps(f, label));
      score.labels++;
      overall.labels++;
      if (found) {
        score.labelsFound++;
        overall.labelsFound++;
      } else misses.push({ postId: post.id, kind: label.kind, text: label.text, post: post.text });
    }
    for (const f of findings) {
      const score = (kinds[f.kind] ??= emptyScore());
      const correct = labels.some((l) => overlaps(f, l)) || repeats.some((r) => overlaps(f, r));
      score.findings++;
      overall.findings++;
      if (correct) {
        score.findingsCorrect++;
        overall.findingsCorrect++;
      } else falsePositives.push({ postId: post.id, kind: f.kind, text: post.text.slice(f.start, f.end), post: post.text });
    }
  }
  for (const k of Object.keys(kinds)) kinds[k] = finish(kinds[k]);
  return { kinds, overall: finish(overall), misses, falsePositives, posts: posts.length };
}

/** The bar the detector must clear. Kinds whose recall matters most get their own floor. */
export const THRESHOLDS = {
  recall: 0.97,
  precision: 0.95,
  kindRecall: { name: 0.9, local_id: 0.9, address: 0.9 } as Record<string, number>,
};

/** Why an evaluation falls short of THRESHOLDS; empty when it passes. Nothing measured = nothing failed. */
export function shortfalls(e: Evaluation, t = THRESHOLDS): string[] {
  const out: string[] = [];
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  if (e.overall.recall !== null && e.overall.recall < t.recall) out.push(`overall recall ${pct(e.overall.recall)} < ${pct(t.recall)}`);
  if (e.overall.precision !== null && e.overall.precision < t.precision)
    out.push(`overall precision ${pct(e.overall.precision)} < ${pct(t.precision)}`);
  for (const [kind, floor] of Object.entries(t.kindRecall)) {
    const r = e.kinds[kind]?.recall;
    if (r != null && r < floor) out.push(`${kind} recall ${pct(r)} < ${pct(floor)}`);
  }
  return out;
}

/** A plain-text table: one row per kind, then overall. */
export function formatTable(e: Evaluation): string {
  const ratio = (n: number | null) => (n === null ? '     -' : n.toFixed(3).padStart(6));
  const rows = [['kind', 'labels', 'found', 'recall', 'findings', 'correct', 'precision']];
  const row = (name: string, s: KindScore) => [
    name,
    String(s.labels),
    String(s.labelsFound),
    ratio(s.recall),
    String(s.findings),
    String(s.findingsCorrect),
    ratio(s.precision),
  ];
  for (const [kind, s] of Object.entries(e.kinds)) rows.push(row(kind, s));
  rows.push(row('overall', e.overall));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const lines = rows.map(line);
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  lines.splice(lines.length - 1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return `${e.posts} posts\n${lines.join('\n')}`;
}

/** The first `n` misses and false positives, one a line, with the post id to look up. */
export function formatErrors(e: Evaluation, n = 20): string {
  const list = (title: string, items: Miss[]) => [
    `${title} (${items.length}${items.length > n ? `, first ${n}` : ''}):`,
    ...items.slice(0, n).map((m) => `  ${m.postId}  ${m.kind}  ${JSON.stringify(m.text)}`),
  ];
  return [...list('misses', e.misses), ...list('false positives', e.falsePositives)].join('\n');
}

/** The JSON files at `paths` (files, or directories read one level deep), concatenated. */
export function loadCorpus(paths: readonly string[]): { posts: CorpusPost[]; problems: string[] } {
  const files = paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
  const posts: CorpusPost[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const fileProblems = corpusProblems(data);
    problems.push(...fileProblems.map((p) => `${file}: ${p}`));
    if (!fileProblems.length) posts.push(...(data as CorpusPost[]));
  }
  const ids = new Set<string>();
  for (const post of posts) {
    if (ids.has(post.id)) problems.push(`${post.id}: duplicate id across files`);
    ids.add(post.id);
  }
  return { posts, problems };
}

export const CORPUS_DIR = join(__dirname, 'pii-corpus');

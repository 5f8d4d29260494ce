import { z } from 'zod';

/** The kinds of personal data the detector looks for. */
export const FindingKind = z.enum([
  'nhs_number',
  'upn',
  'ni_number',
  'postcode',
  /** a street address of someone's home, with or without a postcode */
  'address',
  'email',
  'phone',
  /** a social-media handle or profile link of a child or family member */
  'social_handle',
  'date_of_birth',
  /** an id in a local case system (Mosaic, LCS, Liquidlogic, Eclipse, CareFirst, Azeus, ContrOCC, "child id" …) */
  'local_id',
  /** the name of a child or family member in a case context */
  'name',
]);
export type FindingKind = z.infer<typeof FindingKind>;

/**
 * How sure the detector is. high: passes the identifier's own check (NHS mod 11, UPN check letter) or is
 * unambiguous (an email address, a date right after "DOB"). medium: has the exact shape but no check
 * exists (postcode, phone). low: has the shape but fails the check or is oddly written, and words nearby
 * ("NHS", "UPN") suggest it is one anyway. Every finding, low included, means a person should look.
 */
export const FindingConfidence = z.enum(['high', 'medium', 'low']);
export type FindingConfidence = z.infer<typeof FindingConfidence>;

/** One span of personal data: UTF-16 indices into the checked text, `end` exclusive, `text` = the slice. */
export const Finding = z.object({
  kind: FindingKind,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  confidence: FindingConfidence,
});
export type Finding = z.infer<typeof Finding>;

/** A profanity or slur found by obscenity; same index rules as a Finding. */
export const AbuseTerm = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type AbuseTerm = z.infer<typeof AbuseTerm>;

export const SpamReason = z.enum([
  /** more than 3 links */
  'too_many_links',
  /** a link with (almost) nothing else, to somewhere other than public-sector sites */
  'link_only',
  /** phrasing that only advertising uses (casino, backlinks, …) */
  'spam_phrase',
  /** the same text as one of the writer's recent texts */
  'duplicate',
  /** the same letter or emoji 10+ times in a row */
  'repeated_characters',
  /** the same word or short phrase 6+ times in a row */
  'repeated_words',
]);
export type SpamReason = z.infer<typeof SpamReason>;

export const ContentCheck = z.object({
  personalData: z.array(Finding),
  abusive: z.boolean(),
  abuseTerms: z.array(AbuseTerm),
  spam: z.boolean(),
  spamReasons: z.array(SpamReason),
});
export type ContentCheck = z.infer<typeof ContentCheck>;

/**
 * What the moderation job does with a text. Named ContentOutcome, not ModerationOutcome, because
 * feedback.ts already exports a ModerationOutcome schema with the same four values.
 */
export const ContentOutcome = z.enum(['clean', 'personal_data', 'abusive', 'spam']);
export type ContentOutcome = z.infer<typeof ContentOutcome>;

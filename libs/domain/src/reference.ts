import roles from './data/roles.json';
import natures from './data/feedback-natures.json';

/** The 14 roles a feedback sender chooses from (the Centre's own page-feedback form). */
export const FEEDBACK_ROLES: readonly string[] = roles;
/** The 6 natures of feedback. */
export const FEEDBACK_NATURES: readonly string[] = natures;

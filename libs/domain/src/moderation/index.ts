/** Safeguarding content checks: personal data, abuse and spam. Pure; runs in Node and the browser. */
export * from './types';
export { detectPersonalData, redact } from './personal-data';
export { checkContent, duplicateKey, moderationOutcome } from './content';

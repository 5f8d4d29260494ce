/*
 * The one module that brings the personal-data detector into the web client. It is only ever loaded with
 * import() (personalData.ts), so the detector and its libraries get a chunk of their own. Imported from
 * its own file rather than the moderation index, which would bring the abuse word lists along.
 */
export { detectPersonalData } from '../../../libs/domain/src/moderation/personal-data';

/** The moderation page lives in features/moderation (components and hooks). */
export { Moderation } from '../features/moderation/ModerationPage';

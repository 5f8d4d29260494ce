import { Foundation1732000000000 } from './1732000000000-foundation';
import { Outbox1732000000001 } from './1732000000001-outbox';
import { FeedbackModeration1732000000002 } from './1732000000002-feedback-moderation';
import { Tools1732000000003 } from './1732000000003-tools';
import { Discussions1732000000004 } from './1732000000004-discussions';
import { Initiatives1732000000005 } from './1732000000005-initiatives';
import { Notifications1732000000006 } from './1732000000006-notifications';
import { OutboxDeferredSeq1732000000007 } from './1732000000007-outbox-deferred-seq';
import { DuplicateKeys1732000000008 } from './1732000000008-duplicate-keys';
import { ModerationOriginals1732000000009 } from './1732000000009-moderation-originals';
import { TrustedMembership1732000000010 } from './1732000000010-trusted-membership';

/** In order. A new migration is added here as well as in its own file. */
export const migrations = [
  Foundation1732000000000,
  Outbox1732000000001,
  FeedbackModeration1732000000002,
  Tools1732000000003,
  Discussions1732000000004,
  Initiatives1732000000005,
  Notifications1732000000006,
  OutboxDeferredSeq1732000000007,
  DuplicateKeys1732000000008,
  ModerationOriginals1732000000009,
  TrustedMembership1732000000010,
];

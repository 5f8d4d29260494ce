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
import { AuthorityDomains1732000000012 } from './1732000000012-authority-domains';
import { AccountSecurity1732000000011 } from './1732000000011-account-security';
import { SingleSignOn1732000000013 } from './1732000000013-single-sign-on';
import { Search1732000000015 } from './1732000000015-search';
import { Retention1732000000014 } from './1732000000014-retention';
import { LiveDesign1732000000016 } from './1732000000016-live-design';
import { Ideas1732000000017 } from './1732000000017-ideas';
import { Guides1732000000018 } from './1732000000018-guides';
import { Answers1732000000019 } from './1732000000019-answers';
import { AdoptionVersions1732000000020 } from './1732000000020-adoption-versions';
import { SearchGuidesIdeas1732000000021 } from './1732000000021-search-guides-ideas';

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
  AccountSecurity1732000000011,
  AuthorityDomains1732000000012,
  SingleSignOn1732000000013,
  Retention1732000000014,
  Search1732000000015,
  LiveDesign1732000000016,
  Ideas1732000000017,
  Guides1732000000018,
  Answers1732000000019,
  AdoptionVersions1732000000020,
  SearchGuidesIdeas1732000000021,
];

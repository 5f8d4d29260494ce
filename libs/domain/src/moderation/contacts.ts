import { finding } from './shared';
import type { Finding } from './types';

/*
 * Email addresses and social-media handles. Organisations' mailboxes (data.team@…, helpdesk@…) are how
 * this community reaches each other's teams and are not personal data; a person's address is.
 */

const EMAIL = /(?<![\p{L}\p{N}._%+-])([A-Za-z0-9._%+-]+)@((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,})(?![\p{L}\p{N}@-])/gu;

/** Words that make a mailbox a team's or a service's rather than a person's. */
const ROLE_WORDS = new Set(
  (
    'team teams data info information enquiries enquiry help helpdesk support admin administrator contact contactus ' +
    'office noreply no reply donotreply hello service services mash duty reception dpo foi complaints admissions ' +
    'safeguarding returns census stats statistics performance intelligence insight analytics bi web it hr finance ' +
    'mail post postmaster webmaster customer referrals frontdoor childrens children socialcare commissioning send ' +
    'general queries query feedback unit hub inbox mailbox group admissions communications comms press media events ' +
    'secretariat governance research policy digital systems ict licensing sales marketing accounts billing ' +
    'dataprotection privacy iro lado cla cin cp ehm edge partnership network board forum community liia d2i lists'
  ).split(' '),
);
/** Webmail hosts: an address there is a person's whatever the local part says. */
const PERSONAL_HOSTS = /(?:^|\.)(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|ymail|icloud|me|aol|btinternet|sky|talktalk|virginmedia|protonmail|proton|gmx|mail)\.[a-z.]+$/i;

/** Role words long enough to spot inside a run-together mailbox name ("servicedesk", "cinteam"). */
const ROLE_STEMS = /(?:school|service|support|helpdesk|enquir|admission|safeguard|performance|intelligence|analytic|reception|referral|children|commission|insight|team|users|attendance|collections)/;
/** Stand-in addresses in examples: name@example.com, firstname.lastname@… */
const PLACEHOLDER_LOCAL = /^(?:name|your\.?name|first\.?name|firstname\.lastname|first\.last|user|username|someone|somebody|person|test|example|x+|abc|foo|bar)$/;

/** Domains reserved for examples (RFC 2606) and stand-in people: joe.bloggs@…, jane.doe@…. */
const EXAMPLE_HOST = /^(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|[a-z0-9-]+\.(?:example|test|invalid|localhost))$/i;
const PLACEHOLDER_PERSON = /^(?:joe|jo|fred|john|jane|a|j)[._-]?(?:bloggs|blogs|doe|smith|public)$/i;

function isRoleMailbox(local: string, host: string): boolean {
  const lower = local.toLowerCase();
  if (EXAMPLE_HOST.test(host) && PLACEHOLDER_PERSON.test(lower)) return true;
  // Reserved top-level names (RFC 2606/6761) never deliver mail: sandbox.invalid, x.test.
  if (/\.(?:test|invalid|localhost)$/i.test(host)) return true;
  if (PLACEHOLDER_LOCAL.test(lower) || /^lists?\./i.test(host) || ROLE_STEMS.test(lower)) return true;
  return lower.split(/[._%+0-9-]+/).some((part) => ROLE_WORDS.has(part));
}

export function findEmails(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(EMAIL)) {
    if (!PERSONAL_HOSTS.test(m[2]) && isRoleMailbox(m[1], m[2])) continue;
    out.push(finding(text, 'email', m.index, m.index + m[0].length, 'high'));
  }
  return out;
}

// -------------------------------------------------------------------------------------- social handles

const PLATFORM =
  '(?:instagram|insta|ig|snapchat|snap|tiktok|tik tok|facebook|fb|twitter|youtube|discord|telegram|whatsapp|onlyfans|kik|twitch|xbox|psn|playstation|steam|roblox|fortnite|minecraft|gamertag|battle\\.net|x)';
/** "her insta is @lily_x", "snapchat: lilyrose09", "Facebook name jane.smith.77". */
const HANDLE_AFTER_PLATFORM = new RegExp(
  `(?<![\\p{L}\\p{N}])${PLATFORM}(?:'s)?(?: (?:account|handle|username|user ?name|gamer ?tag|tag|name|page|profile|id))?(?: is| as| -|:|\\|)? ?[("']?(@?[A-Za-z0-9_][A-Za-z0-9_.]{2,29}(?:#[0-9]{4})?)(?![\\p{L}\\p{N}_@])`,
  'giu',
);
const PROFILE_URL =
  /(?<![\p{L}\p{N}])(?:https?:\/\/)?(?:www\.|m\.)?(?:instagram\.com|tiktok\.com|facebook\.com|fb\.com|twitter\.com|x\.com|snapchat\.com\/add|youtube\.com|threads\.net)\/@?[A-Za-z0-9_.]{3,40}/giu;
/** Words that follow a platform name in ordinary talk and are no handle. */
const NOT_HANDLES = new Set(['and', 'the', 'for', 'was', 'with', 'but', 'are', 'has', 'had', 'posts', 'post', 'messages', 'account', 'page', 'group', 'groups', 'live', 'story', 'stories', 'chat', 'video', 'videos', 'which', 'that', 'where', 'when', 'about', 'too', 'all', 'not', 'and/or']);

/** An @handle shaped like a person's account (digits, '_' or '.' inside), or any @handle beside a platform's name. */
const AT_HANDLE = /(?<![\p{L}\p{N}._@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\p{L}\p{N}_@]|\.[A-Za-z0-9])/gu;
const PLATFORM_NEAR = new RegExp(`(?<![\\p{L}])(?:${PLATFORM.replace('|x)', ')')}|twitter/x|handles?|social media)(?![\\p{L}])`, 'iu');

const DECORATOR = /^\s*@[A-Za-z_][\w.]*(?:\(.*\))?\s*$/;
/** An organisation's or team's account, not a family's: @LeedsCSCdata, @KirkleesCouncil, @DfE_Data. */
const ORG_WORDS = /council|csc|cyps|childrens|services|data|team|gov|borough|county|nhs|ofsted|dfe|lga|adcs|trust|school|academy|police|cafcass|nspcc|barnardos/i;
const isOrgHandle = (handle: string) => ORG_WORDS.test(handle) || /(?:[a-z]|^@?)LA(?:[A-Z_]|$)/.test(handle);
/** Gamer tags with a discriminator: xXDarkWolfXx#4412, Nova_09#12345. Not "issue#1234" or "PR#4412". */
const GAMER_TAG = /(?<![\p{L}\p{N}_#@])([A-Za-z][A-Za-z0-9_.]{2,30})#[0-9]{4,5}(?![\p{L}\p{N}])/gu;
const NOT_GAMER_TAG = /^(?:issue|issues|pr|bug|ticket|inc|req|item|no|number|ref|page|row|rule|step|case|id|version|build|error|task|story|epic|sprint|commit|section|line|col|channel|room|table|sheet)$/i;

/** A list after a word for handles: "Discord usernames of the group: ghxstb0y#0417, lil_x_2010". */
const HANDLE_LIST = /\b(?:user ?names?|handles?|gamer ?tags?|gamertags?|accounts?)\b[^.\n:]{0,60}: *([^\n]+)/gi;
const LISTED_HANDLE = /^@?[A-Za-z][A-Za-z0-9_.]{2,29}(?:#[0-9]{4,5})?$/;

function findHandleLists(text: string, out: Finding[]) {
  for (const m of text.matchAll(HANDLE_LIST)) {
    if (!PLATFORM_NEAR.test(text.slice(Math.max(0, m.index - 60), m.index + m[0].length))) continue;
    let at = m.index + m[0].length - m[1].length;
    for (const piece of m[1].split(/(,\s*|\s+and\s+|\s+)/)) {
      const token = piece.replace(/[.;]+$/, '');
      if (/^(?:,\s*|\s+and\s+|\s+)$/.test(piece)) {
        at += piece.length;
        continue;
      }
      if (!LISTED_HANDLE.test(token) || !/[0-9_#]/.test(token)) break;
      out.push(finding(text, 'social_handle', at, at + token.length, 'medium'));
      at += piece.length;
    }
  }
}

/** A username as gamers and teenagers make them: letters with digits, '_' or '.' (jay.c_2k10, ShadowFox4471x). */
const GAMER_SHAPE = /^(?=(?:[^A-Za-z]*[A-Za-z]){3})(?=.*[0-9_])[A-Za-z0-9][A-Za-z0-9_.]{2,29}$/;
const HANDLE_TOKEN = /(?<![\p{L}\p{N}_.@#/\\-])[A-Za-z0-9][A-Za-z0-9_.]{2,29}(?:#[0-9]{4,5})?(?![\p{L}\p{N}_@#/\\-]|\.[A-Za-z0-9])/gu;
/** Words that name what follows as someone's account ("the account is …", "goes by … online"). */
const NAMED_BEFORE = /\b(?:accounts?|handles?|user ?names?|gamer ?tags?|tags?|profiles?|ids?|name|goes by|calls? (?:him|her|them)sel(?:f|ves))(?: is| was| are|:| as| -)? ?['"(]?$/i;
const ON_PLATFORM_AFTER = new RegExp(`^['")]? (?:on|via|from) (?:his |her |their )?${PLATFORM.replace('|x)', ')')}(?![\\p{L}])|^['")]? online\\b`, 'iu');

/** A gamer-shaped username named as someone's account, with a platform in the sentence: "kshaw09 on Snapchat", "(big_d_m4n)". */
function findNamedHandles(text: string, out: Finding[]) {
  for (const m of text.matchAll(HANDLE_TOKEN)) {
    const token = m[0].replace(/\.+$/, '');
    if (!GAMER_SHAPE.test(token.replace(/#[0-9]+$/, '')) || (token === token.toUpperCase() && token.includes('_')) || /\.(?:csv|xlsx?|json|xml|txt|sql|py|js|ts|pdf|docx?)$/i.test(token)) continue;
    if (isOrgHandle(token) || out.some((f) => f.start < m.index + token.length && f.end > m.index)) continue;
    const lead = text.slice(Math.max(0, m.index - 30), m.index);
    const tail = text.slice(m.index + token.length, m.index + token.length + 30);
    const around = text.slice(Math.max(0, m.index - 80), m.index + token.length + 40);
    const inBrackets = /\($/.test(lead) && /^\)/.test(tail);
    if (!ON_PLATFORM_AFTER.test(tail) && !((NAMED_BEFORE.test(lead) || inBrackets) && PLATFORM_NEAR.test(around))) continue;
    out.push(finding(text, 'social_handle', m.index, m.index + token.length, 'medium'));
  }
}

export function findSocialHandles(text: string): Finding[] {
  const out: Finding[] = [];
  findHandleLists(text, out);
  for (const m of text.matchAll(AT_HANDLE)) {
    // The end of an email address whose start was cut off ("…}@example.org") is a domain, not a handle.
    if (/\.(?:com|org|net|uk|gov|io|co|edu|invalid|local|info)$/i.test(m[1])) continue;
    // A code decorator on its own line ("@pytest.fixture", "@app.get('/x')", "@dataclass") is no handle.
    if (DECORATOR.test(text.slice(m.index - (m.index - text.lastIndexOf('\n', m.index) - 1), text.indexOf('\n', m.index) < 0 ? text.length : text.indexOf('\n', m.index)))) continue;
    const shaped = /[0-9_.]/.test(m[1]);
    const around = text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40);
    if (isOrgHandle(m[1])) continue;
    if (shaped || PLATFORM_NEAR.test(around)) out.push(finding(text, 'social_handle', m.index, m.index + m[0].length, shaped ? 'high' : 'medium'));
  }
  for (const m of text.matchAll(GAMER_TAG)) {
    if (NOT_GAMER_TAG.test(m[1]) || !/[0-9_]|[a-z][A-Z]|^[xX]{1,2}[A-Z]/.test(m[1]) && !PLATFORM_NEAR.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    out.push(finding(text, 'social_handle', m.index, m.index + m[0].length, 'medium'));
  }
  findNamedHandles(text, out);
  for (const m of text.matchAll(PROFILE_URL)) out.push(finding(text, 'social_handle', m.index, m.index + m[0].length, 'high'));
  for (const m of text.matchAll(HANDLE_AFTER_PLATFORM)) {
    const handle = m[1];
    const lead = m[0].slice(0, m[0].length - handle.length);
    const explicit = /(?:handle|username|user ?name|account name) ?(?:is|:)? ?$/i.test(lead);
    const shaped = handle.startsWith('@') || /[0-9_.]/.test(handle.replace(/\.+$/, ''));
    // "X" is also a letter and a variable: only an @handle counts after it.
    if (/^x\b/i.test(lead) && !handle.startsWith('@')) continue;
    if (NOT_HANDLES.has(handle.toLowerCase()) || !/[A-Za-z]/.test(handle) || !(shaped || explicit) || isOrgHandle(handle)) continue;
    const trimmed = handle.replace(/\.+$/, '');
    const start = m.index + m[0].length - handle.length;
    out.push(finding(text, 'social_handle', start, start + trimmed.length, shaped ? 'high' : 'medium'));
  }
  return out;
}

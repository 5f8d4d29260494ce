import { getLexicon } from './lexicon';
import { finding } from './shared';
import type { Finding } from './types';
import { findInitials, findLowerCaseNames, findLowerCaseTitled, findRecordNames, isCaseContext, nextToFinding, sentenceBounds, writtenByFamily } from './name-context';

/*
 * Names of children and family members: "dad Darren Hughes called", "the Nowak twins", "Aisha K in Y9",
 * "foster carer Mr Patel", "Re: CHIDI OKONKWO – missing episode". People here are data professionals:
 * the full names they write are almost always a case's, and the first names are colleagues' unless a
 * case cue sits beside them. So a full name (a known first name and a surname) counts unless it is a
 * colleague's or a public figure's; a lone first name or surname counts only with a case cue (a relation
 * before it, an age, year group, DOB or case event after it, "the X family", a subject line). Places,
 * councils and tools never count.
 */

const RELATION =
  "(?:mum|mummy|mom|mother|dad|daddy|father|step-?(?:dad|mum|father|mother|brother|sister|son|daughter)|half-?(?:brother|sister)|brother|sister|siblings?|" +
  'nan|nana|nanna|nanny|gran|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|grandparents?|grand(?:son|daughter|child|children)|great-?(?:nan|gran|grandson|granddaughter)|step(?:son|daughter)|aunt|auntie|aunty|uncle|cousin|niece|nephew|' +
  '(?:ex-?)?partner|boyfriend|girlfriend|husband|wife|sons?|daughters?|baby|infant|toddler|child|children(?!\'s (?:commissioner|services|social care|trust|society|minister))|kids?|boys?|girls?|teenagers?|twins?|' +
  '(?:foster|kinship|connected|adoptive) (?:carers?|mum|dad|parents?|family)|carers?|special guardians?|guardian|parents?|birth (?:mum|mother|dad|father|parents?)|' +
  "young person|yp|cyp|pupil|student|learner|client|service user|care leaver|victim|perpetrator|suspect|neighbour|caller|aka|a\\.k\\.a\\.?|alias|street name|(?:child's |first |full |legal |my |family |given |last |middle |preferred |sur|fore)names?)";
/** A relation right before the name: "dad Darren", "her brother Kyle", "child known as 'Bobby'". */
const BEFORE_NAME = new RegExp(`(?<![\\p{L}])${RELATION}(?:'s)?(?: (?:is|was|are|were|called|named|known as|of))?[ ,:("'-]*$`, 'iu');
const GREETING_BEFORE = /(?:^|[^\p{L}])(?:(?:in )?repl(?:y|ying|ied) to|thanks(?: to)?|thank you(?: to)?|shout ?out to|credit to|kudos to|thx|cheers|ta|hi|hiya|hello|hey|dear|morning|afternoon|evening|welcome|congrats|congratulations|cc|kind regards|regards|best|sorry|bye)[ ,]*$|@$/iu;
/** Sentences about professionals and public life: authors, talks, ministers. */
const PUBLIC_SENTENCE = /\b(?:author|authors|wrote|talk|talks|presented|presentation|webinar|conference|keynote|blog|paper|research|researcher|professor|minister|secretary of state|mp|lord|baroness|cllr|councillor|director|ceo|chief|chair|review by|led by|inspector|hmi|commissioner)\b/i;
const HEADER_LABEL = /(?:^|\n)[ \t>]*(?:from|to|cc|bcc|sent by|attendees|present|apologies|chair)[ \t]*:[ \t]*(?:[^\n]*[,;][ \t]*)?$/i;
const CASE_BRACKET = /^(?:dob|d\.o\.b|b\.|born|aged?|[0-9]|y[0-9]|yr|year|mum|dad|mother|father|brother|sister|son|daughter|child|cla|cin|cp|lac|uasc|care leaver|sibling)/i;
const TEAM_BRACKET = /\b(?:support|team|school|council|services?|chair|dfe|ofsted|city|county|borough|performance|data|admin|business|manager|officer|lead|analyst|social care|health|mash|iro|minutes|hr|finance|it|comms|ig|intelligence|insight)\b/i;
/** Short words whose capitalised form says nothing about the next word ("The Kowalski case", "And Mia"). */
const FUNCTION_WORD = /^(?:the|a|an|and|or|but|of|in|on|at|to|for|with|by|from|into|is|was|are|were|be|if|so|as|it|its|this|that|these|those|we|our|you|your|i|my|he|she|they|his|her|their|hi|hello|hey|dear|thanks|cheers|re|fw|fwd|subject|yes|no|not|ok|please|both|all|also|just|then|when|where|who|what|why|how|only|once|twice|even|still|new|old)$/i;
const PLACE_PREPOSITION = /(?:^|[^\p{L}])(?:in|at|near|around|across|towards|outside|inside|via|from|of|to|over|under),? $/u;
/** A record of a person: "the address for Ollie", "UPN for Nevaeh", "the referral for Zara". */
const RECORD_OF =
  /(?:^|[^\p{L}])(?:address|record|referral|upn|nhs (?:number|no)|dob|file|plan|pep|ehcp|placement|episode|chronology|assessment|contact|ni number|case|merge|care plan|details|ids?) (?:for|of|on|about) $/iu;
/** A field label right before: "surname MCDONAGH", "known as 'Bobby'". */
const NAME_LABEL = /(?<![\p{L}])(?:(?:sur|fore|first |given |family |last |middle |preferred )names?|known as|aka|a\.k\.a\.?|alias)[ :='"-]*$/iu;
/** "the RHI for Chloe", "minutes about Kai", "re: Jayden": whom a case document is about. */
const CASE_FOR = /(?:^|[^\p{L}])(?:for|about|re:?|regarding) $/iu;
const FAMILY_SIGN_OFF = /(?:thanks|thank you|regards|cheers|love|from)[ ,]*$/i;
const SUBJECT_LINE = /(?:^|\n) *(?:re|fw|fwd|subject)(?: *:|\.) *$/i;

const CASE_NOUN =
  'mum|dad|mother|father|nan|gran|grandma|grandad|brother|sister|siblings?|placement|social worker|school|foster|carers?|case|plan|birth|baby|son|daughter|partner|aunt|uncle|cousin|family|address|dob|date of birth|nhs|upn|ehcp|file|record|referral|assessment|home|episode|review|legal status|chronology|needs|ages?|nationality|health|missing|postcode|records?|sw|iro|pa|episodes?|upn|pep|ehcp|ni|nhs|phone|mobile|account|handle|profile|details|social media|class|key ?worker|case|chronology|rhi|return home';
/** What follows a child's name in case talk: an age, a year group, a DOB, a relation, a case event. */
const AFTER_NAME = new RegExp(
  '^(?:' +
    `'s? (?:[0-9]+ |both |latest |last |first |current |new |old |previous )?(?:${CASE_NOUN})\\b|'s\\)| here,? (?:[\\p{L}-]+'s )?(?:${RELATION})\\b| with (?:a |the |his |her )?(?:upn|dob|d\\.o\\.b|nhs|ni number|date of birth)\\b|\\s?\\((?:child |person |case )?(?:id|ref|upn|nhs|ni)\\b|,? aged? [0-9]|,? \\(?[0-9]{1,2}\\)?(?:,| years?| yrs?| yo\\b| y/o|\\))|\\s?\\((?:dob|d\\.o\\.b|b\\.|born|aged?|[0-9]{1,2}\\b|y[0-9]|${RELATION}\\b|cla\\b|cin\\b|cp\\b|lac\\b|uasc\\b|care leaver)` +
    '|,? (?:dob|d\\.o\\.b|born)\\b| (?:is |was )?in (?:y|yr|year) ?[0-9]|,? \\(?y[0-9]{1,2}\\b' +
    `| and (?:his|her|their) (?:${RELATION})\\b` +
    '| (?:has |had |who )?(?:went|gone|going|goes) missing' +
    "|'? as (?:the |her |his |their )?(?:forename|surname|first name|given name|middle name|legal name|preferred name)\\b" +
    '| (?:is|was|turned|turns) [0-9]{1,2}(?: years?(?: old)?)?(?: (?:at|when|on|in|and|but|so|now)\\b|[,.;!?]|\\s?\\(|$)' +
    '| (?:is |was )?on (?:our|the|their) (?:system|database|records?|caseload|books)\\b' +
    '| (?:is|was|has been|had been|were|are|have been|got|who is|who was) (?:now )?(?:missing|placed|excluded|removed|adopted|arrested|referred|returned|matched|exploited|harmed|abused|subject|looked after|accommodated|remanded|charged|convicted|expelled|suspended|known to|open to|allocated|stepped|made subject|settled|on a (?:cp|child protection|cin)|lac\\b|cla\\b|cin\\b|in care|in foster|living with|staying with|at [0-9])' +
    '| (?:disclosed|absconded|ran away|self-harmed|came into care|entered care|left care|lives with|lived with|stays with|moved (?:in )?with|moved to|returned home|returned to|attends|attended|was born|born|called|rang|phoned|visited|told|shows? as)\\b' +
    ')',
  'iu',
);
/** A sentence about a case, for a lone first name with no cue right beside it. */
const CASE_SENTENCE = new RegExp(`\\b(?:${RELATION}|aged?|placed|foster|excluded|dob|disclosed|cp plan|in care|looked after|adopted|sgo|referred|exploitation|custody|chronology|case notes?|uasc|care leaver|remanded|younger|older|eldest|youngest|(?:he|she)(?:'s| is| was| has)|(?:his|her) (?:mum|dad|mother|father|nan|gran|carers?|brother|sister|siblings?|placement|school|social worker|foster))\\b`, 'i');
/** Sentences where full names are colleagues': thanks, credits, who built or presented what. */
const COLLEAGUE_SENTENCE = /\b(?:thanks|thank you|cheers|kudos|shout ?out|credit|presented|presenting|present|presents|presenters?|host|hosts|hosted|hosting|facilitat\w*|organis\w*|speaking|speakers?|built|wrote|shared|merged|reviewing|reviewed|session|colleagues?|regards|mp|joined|joining|welcome)\b/i;
const SIGN_OFF = /(?:regards|thanks|cheers|best wishes|best|sincerely|many thanks|thank you|ta|from)[,!.]?\s*\n\s*$/i;
/** A colleague or professional, not a case: "with Tom in the performance team", "Sarah from the Leeds data team". */
/** A professional named by their role: "the social worker Lisa Holmes", "IRO Mohamed Abdi". Outweighs any case cue. */
const ROLE =
  "(?:head|our head|social worker|sw|ssw|iro|reviewing officer|team manager|service manager|manager|senco|dsl|teacher|head ?teacher|head of year|nurse|health visitor|hv|gp|doctor|pc|ds|dc|dci|sergeant|police officer|officer|solicitor|barrister|judge|magistrate|children's guardian|cafcass|personal adviser|pa|key ?worker|case ?worker|support worker|youth worker|family support worker|fsw|practitioner|consultant|psychologist|psychiatrist|therapist|paediatrician|midwife|advocate|supervisor|analyst|colleague|interpreter|mentor|tutor|lado|inspector|hmi)";
const ROLE_BEFORE = new RegExp(`(?<![\\p{L}])${ROLE},? (?:(?:is|was|called|named) )?$`, 'iu');
const PROFESSIONAL_BEFORE = /\b(?:(?:report|review|paper|study|research|book|article|evaluation|analysis|blog|podcast|briefing|guide|toolkit|thesis|survey|hosted|presented|run|led|written|created|built|made|organised|organized|chaired|facilitated|delivered|maintained|notes|slides) by|spoke to|speak to|talk to|talking to|emailed|email|asked|ask|met|meeting with|checked with|per|via|contact|ping|presented|presenting|colleague|manager|analyst|director|social worker|sw|iro|practitioner|worker|chair|minister|secretary|commissioner|lead|officer|author|developer|dr|professor|prof|cllr|councillor)[ ,:]*$/i;
const PROFESSIONAL_AFTER =
  /^(?:'s? (?:team|dashboard|tool|code|script|query|model|slides|talk|blog|template|macro|work|post|question|suggestion|point|idea|reply|answer|research|paper|book)\b|'s? (?:review|report) (?:of|into|on)\b|,? \(?(?:[\p{L}]+ ){0,2}(?:officer|analyst|manager|lead|director|head|developer|engineer|consultant|advisor|adviser|co-?ordinator|administrator|scientist|minister|mp)\b|(?:, | \()(?!(?:his|her|their|my|mum's|dad's)\b)(?:[\p{L}]+ ){0,2}(?:social worker|sw|iro|teacher|nurse|health visitor|solicitor|practitioner|senco|dsl|psychologist|therapist|paediatrician|midwife|caseworker|interpreter|inspector)\b|,? (?:from|at|of|in) (?:the |our |your )?(?:[\p{L}-]+ ){0,3}(?:team|council|dfe|ofsted|department|service|unit|office|lga|adcs|d2i|liia|group|network)\b|,? \(?(?:the |our )?(?:dfe|ofsted|lga|adcs|ons|iro|sw)\b| (?:said|says|wrote|suggested|mentioned|presented|shared|built|made|developed|asked|recommends?|explained|confirmed|replied|posted|thinks|reckons)\b)/iu;
/**
 * A signature: the name, then a team, job title or authority on the same line after a comma or on the next
 * line ("Rob Cummings, Performance & Intelligence", "Jo Hart\nSenior Data Analyst"). Team words are capitalised.
 */
const SIGNATURE_AFTER_ROLE = /^[ \t]*\n\s*(?:Senior |Lead |Principal |Advanced )?(?:Practitioner|Social Worker|Support Worker|Family Worker|Team Manager|Administrator)\b/;
const SIGNATURE_AFTER =
  /^(?:,[ \t]*|[ \t]*\n\s*)(?:(?:\p{Lu}[\p{L}]*|&|and|of) ){0,4}(?:Performance|Intelligence|Insight|Insights|Analytics|Data|Information|Business|Quality|Improvement|Commissioning|Research|Systems|Digital|Reporting|Governance|Strategy|Transformation|Statistics|Council|Team|Service|Services)\b|^(?:,[ \t]*|[ \t]*\n\s*)(?:\p{Lu}[\p{L}-]* ){0,3}(?:Officer|Analyst|Manager|Lead|Director|Head|Developer|Engineer|Consultant|Adviser|Advisor|Co-?ordinator|Administrator|Scientist|Architect)\b/u;
/** An author cited: "X et al.", "X's review", "X (2019)". */
const AUTHOR_AFTER = /^(?: et al\b|,? \(?(?:19|20)[0-9]{2}[a-z]?\)|'s (?:(?:independent|national|landmark|final|rapid|original|[0-9]{4}) review\b|review (?:of|into|found|finds|said|says|recommend\w*|published|argued|concluded)\b)|'s (?:report|study|paper|book|article|research|framework|evaluation|analysis) (?:on|into|of|for|about|found|finds|says|said|recommends?)\b)/;
/** An organisation, place or thing named after a person: "Mary Seacole House", "Ryan Road". */
const NAMED_AFTER = /^'? (?:days?|estate|site|chart|diagram|graph|tool|system|module|app|software|import|export|plugin|package|library|dashboard|screen|extract|api|licence|license|contract|supplier|council|borough|county|city|road|street|lane|avenue|drive|close|court|school|academy|primary|house|centre|center|trust|ltd|limited|university|college|hospital|hall|park|foundation|institute|award|report|review|model|method|framework|principles?|scale|test)\b/i;
/** Last words that make a capitalised run a thing's name, not a person's: "Ryan Road", "Mark Scheme". */
const THING_WORD = /^(?:Hall|Road|Street|Avenue|School|Academy|Centre|Center|Trust|Council|University|College|Hospital|Foundation|Institute|Report|Review|Model|Framework|Scheme|Principles?|Scale|Test|Method|Award|Act|Bill|Programme|Project|Partnership|Period|Policy|Plan|Service|Team|Group|Board|Panel|Day|Week|Month|Year|Term|Rule|Check|Limit|Date|Field|Setting|Option|Index|Score)$/;
/** "the Kowalski case", "the Adebayo children", "the Hendersons (foster carers)". */
const SURNAME_GROUP = /(?<![\p{L}])[Tt]he (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?) (?:case|children|kids|family|twins|siblings|household|boys|girls|brothers|sisters|parents|carers|foster carers)(?![\p{L}-])|(?<![\p{L}])[Tt]he (\p{Lu}\p{Ll}+?)(?:e?s) \(?(?:foster|carers|family|adopters|household)(?![\p{L}-])/gu;

const SURNAME_FIRST = /(?<![\p{L}\p{N}])(\p{Lu}{2,}(?:['-]\p{Lu}{2,})*), (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}])/gu;
const FAMILY_PLURAL = /(?<![\p{L}])[Tt]he (\p{Lu}\p{Ll}{2,}?)(?:e?s)(?![\p{L}'-])/gu;
const LOWER_AFTER_RELATION = new RegExp(`(?<![\\p{L}])${RELATION}(?:'s)?(?: (?:is|was|are|were|called|named))?[ ,:("'-]+(\\p{Ll}{2,})(?: (\\p{Ll}{2,}))?(?![\\p{L}'])`, 'giu');
const TITLE = '(?:Mr|Mrs|Ms|Miss|Mx|Master)\\.?';
const WORD = "(?:(?:Ó|Ní|Nic|Uí|Mhic) \\p{Lu}\\p{Ll}+|\\p{Lu}\\p{Ll}+(?:['-]\\p{Lu}\\p{Ll}+|'(?!(?:ve|re|ll)(?![\\p{L}]))\\p{Ll}{2,})*|\\p{Lu}{2,}(?:['-]\\p{Lu}{2,})*|(?:Mc|Mac|O')\\p{Lu}\\p{Ll}+)(?![\\p{L}\\p{N}])";
/** A known-as name inside a full name: Oyinkansola "Oyin" Falade, Ifeoluwa (Ife) Balogun. */
const NICKNAME = `"\\p{Lu}\\p{Ll}+"|'\\p{Lu}\\p{Ll}+'|\\(\\p{Lu}\\p{Ll}+\\)`;
/** Runs of capitalised words (title case or capitals), an optional title before, an optional initial after. */
const CANDIDATE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${TITLE}) (?:\\p{Lu}\\.? )?)?(${WORD}(?: (?:${WORD}|${NICKNAME})){0,3})(?: (\\p{Lu})\\.?(?![\\p{L}\\p{N}]))?`,
  'gu',
);
const IS_TITLE = new RegExp(`^${TITLE}$`);
const WORDS = new RegExp(WORD, 'gu');

interface Word {
  text: string;
  start: number;
}

/** `found`: the other detectors' findings, as cues (a name right before a DOB, NHS number or phone). */
export function findNames(text: string, found: readonly Finding[] = []): Finding[] {
  const lexicon = getLexicon();
  const out: Finding[] = [];
  // Lone words the cues did not settle, for the second pass: "Leo and Mia Thompson", "Kyra, Jade and Alfie Lane".
  const undecided: Word[] = [];
  const decided = new Set<number>();
  for (const m of text.matchAll(CANDIDATE)) {
    const runStart = m.index + m[0].indexOf(m[2]);
    const words: Word[] = [...m[2].matchAll(WORDS)].map((w) => ({ text: w[0], start: runStart + w.index }));
    // Split the run at words that cannot be names ("Mosaic", "Leeds", "Monday"); a title stays with what follows.
    const parts: { words: Word[]; title?: Word }[] = [];
    let part: Word[] = [];
    let title: Word | undefined = m[1] ? { text: m[1], start: m.index } : undefined;
    const weak: Word[] = [];
    // Parts beside an ordinary capitalised word are part of a thing's name: "Capita One", "Care Leaver Tracker".
    const thingParts = new Set<Word[]>();
    let afterThingWord = false;
    for (const [i, w] of words.entries()) {
      // An ordinary word right after a first name is a surname: "Oliver Brown", "Jack King"; and one right
      // before a known surname is a first name: "Maya Patel".
      const next = words[i + 1];
      const surname =
        // Right after a title, a word is a surname: "Mrs Baker", "Mr Ward".
        (part.length === 0 && title !== undefined && /\p{Ll}/u.test(w.text) && !lexicon.isDomainWord(w.text)) ||
        (part.length > 0 && lexicon.isFirstName(part[0].text) && (!lexicon.isDomainWord(w.text) || lexicon.isTownSurname(w.text))) ||
        // A given name that is also a place, before a known surname: "Chelsea Wright", "Sydney Clarke".
        (next !== undefined && lexicon.isFirstName(w.text) && lexicon.isLastName(next.text) && !lexicon.isCommonWord(next.text)) ||
        (next !== undefined && lexicon.isLastName(next.text) && lexicon.isWeakName(w.text)) ||
        (next !== undefined && lexicon.isVirtueName(w.text) && !lexicon.isNotName(next.text) && !lexicon.isCommonWord(next.text));
      // "Jayden SMITH": a surname in capitals beside a known first name stays; "Maya ASD" does not.
      const beside = [words[i - 1], next].some((x) => x !== undefined && !/^\p{Lu}+$/u.test(x.text) && lexicon.isFirstName(x.text));
      const capsSurname = beside && w.text.length >= 2 && !lexicon.isDomainWord(w.text) && (lexicon.isLastName(w.text) || !lexicon.isCommonWord(w.text));
      const capitalsInMixedRun = /^\p{Lu}+$/u.test(w.text) && !/^[\p{Lu}\s'-]+$/u.test(m[2]) && !capsSurname;
      const stop = (!surname && lexicon.isNotName(w.text)) || (/^\p{Lu}+$/u.test(w.text) && w.text.length < 3) || capitalsInMixedRun;
      if (stop && lexicon.isWeakName(w.text) && !IS_TITLE.test(w.text)) weak.push(w);
      const thingWord = stop && lexicon.isCommonWord(w.text) && !FUNCTION_WORD.test(w.text) && !BEFORE_NAME.test(w.text);
      // …but a code in capitals after a name is no part of it: "Callum Reid AL 71 30 22 C".
      if (thingWord && part.length && /\p{Ll}/u.test(w.text)) thingParts.add(part);
      if (!stop && part.length === 0 && afterThingWord) thingParts.add(part);
      afterThingWord = thingWord;
      if (stop || IS_TITLE.test(w.text)) {
        if (part.length) parts.push({ words: part, title });
        part = [];
        title = IS_TITLE.test(w.text) ? w : undefined;
      } else part.push(w);
    }
    if (part.length) parts.push({ words: part, title });
    for (const w of weak) {
      const end = w.start + w.text.length;
      if (strongCue(text, w.start, end)) {
        out.push(finding(text, 'name', w.start, end, 'medium'));
        decided.add(w.start);
      } else if (!lexicon.isDomainWord(w.text)) undecided.push(w);
    }
    for (const p of parts) {
      const last = p.words[p.words.length - 1];
      const initial = last === words[words.length - 1] && m[3] !== undefined;
      const start = p.title ? p.title.start : p.words[0].start;
      const end = initial ? m.index + m[0].length : last.start + last.text.length;
      const thing = thingParts.has(p.words);
      const verdict = judge(text, start, end, p.words.map((w) => w.text), p.title !== undefined, initial, thing ? [] : found, thing);
      if (verdict) out.push(finding(text, 'name', start, end, verdict));
      else if (verdict === undefined && p.words.length === 1) undecided.push(p.words[0]);
      if (p.words.length === 1 && verdict) decided.add(p.words[0].start);
    }
  }
  // Lower-case typing: "mum shannon said", "dad darren hughes called". Only a known first name, right after a relation.
  for (const m of text.matchAll(LOWER_AFTER_RELATION)) {
    const [given, family] = [m[1], m[2]];
    // The i flag lets \p{Ll} match capitals too; capitalised words were judged above.
    if (!/^\p{Ll}/u.test(given) || !lexicon.isFirstName(given) || lexicon.isDomainWord(given) || lexicon.tags(given).length > 1) continue;
    const start = m.index + m[0].length - m[1].length - (family ? family.length + 1 : 0);
    const withFamily = family && lexicon.isLastName(family);
    out.push(finding(text, 'name', start, start + given.length + (withFamily ? family.length + 1 : 0), 'medium'));
  }
  out.push(...findLowerCaseTitled(text), ...findInitials(text, found), ...findLowerCaseNames(text, found));
  out.push(...findRecordNames(text, [...out, ...found.filter((f) => f.kind === 'name')]));
  // Records as "SURNAME, Given": "OKAFOR, Chidi", "SMITH, Jayden-Lee".
  for (const m of text.matchAll(SURNAME_FIRST)) {
    const [, surname, given] = m;
    if (lexicon.isDomainWord(surname) || (!lexicon.isLastName(surname) && lexicon.isCommonWord(surname)) || (surname.length <= 4 && !lexicon.isLastName(surname))) continue;
    if (!lexicon.isFirstName(given.split('-')[0]) || lexicon.isCommonWord(given)) continue;
    out.push(finding(text, 'name', m.index, m.index + m[0].length, 'medium'));
  }
  // "The Okafors have asked for respite": a family by its surname, in a sentence about a case.
  for (const m of text.matchAll(FAMILY_PLURAL)) {
    const stem = m[1];
    if (lexicon.isCommonWord(m[0].slice(4)) || lexicon.isDomainWord(stem) || lexicon.isPlace(stem) || lexicon.isPlace(`${stem}s`) || (lexicon.isCommonWord(stem) && !lexicon.isPlainSurname(stem))) continue;
    const start = m.index + 4;
    const end = m.index + m[0].length;
    if (isCaseContext(text, sentenceBounds(text, start, end), found) || /^ (?:have|had|are|were|want|asked|said|rang|called)\b/.test(text.slice(end, end + 10))) {
      out.push(finding(text, 'name', start, end, 'medium'));
    }
  }
  for (const m of text.matchAll(SURNAME_GROUP)) {
    const surname = m[1] ?? m[2];
    if (lexicon.isDomainWord(surname) || lexicon.isNotName(surname)) continue;
    const start = m.index + 4;
    out.push(finding(text, 'name', start, start + surname.length, 'high'));
  }
  // A first name listed with a name already found ("Leo and Mia Thompson") is a name too.
  const JOIN = /^(?:,|,? and|,? &) $/;
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of undecided) {
      const end = w.start + w.text.length;
      if (decided.has(w.start) || GREETING_BEFORE.test(text.slice(Math.max(0, w.start - 12), w.start))) continue;
      if (out.some((f) => JOIN.test(text.slice(end, f.start)) || JOIN.test(text.slice(f.end, w.start)))) {
        out.push(finding(text, 'name', w.start, end, 'medium'));
        decided.add(w.start);
        changed = true;
      }
    }
  }
  return out.filter((f) => !NOT_A_NAME_AFTER.test(text.slice(f.end, f.end + 3)) && !FORMAT_STRING.test(f.text) && !(f.start === 0 && REPLY_OPENER.test(text.slice(f.end, f.end + 12))));
}

/** A contraction's head ("Don't", "Won't") is no name. */
const NOT_A_NAME_AFTER = /^['’]t\b/;
/** A date format ("YYYY-MM-DD", "DD/MM/YY") is no hyphenated name. */
const FORMAT_STRING = /^(?:[YMDHS]{1,4}[-/.: ]){1,3}[YMDHS]{1,4}$/i;
/** "Don, we do it like this": a reply opening with the colleague's name. */
const REPLY_OPENER = /^, (?:we|i|you|yes|no|yeah|thanks|good|great|have|did|that|this|it|just|our|my|agree|sorry|if|re|we've|i've|you've|i'd|we'd)\b/i;

/** A relation right before, or an age, DOB, year group, relation or case event right after. */
function strongCue(text: string, start: number, end: number): boolean {
  const pre = text.slice(Math.max(0, start - 40), start);
  const post = text.slice(end, end + 60);
  // For an ordinary noun ("Revision 1, by …") a bare number after it is no age.
  // …except for a given name that is also a word: "Blessing (9)".
  const word = text.slice(start, end);
  const age = !/^,? \(?[0-9]/.test(post) || (getLexicon().isVirtueName(word) && !getLexicon().isDomainWord(word));
  const cue = relationBefore(pre, true) || (AFTER_NAME.test(post) && age);
  return cue && !ROLE_BEFORE.test(pre) && !PROFESSIONAL_AFTER.test(post) && !SIGNATURE_AFTER.test(post) && !NAMED_AFTER.test(post);
}

/** A relation right before, written as a word, not as part of a capitalised title ("Care Leaver Tracker"). */
function relationBefore(pre: string, strict = false): boolean {
  const m = BEFORE_NAME.exec(pre);
  if (!m) return false;
  // Strict, for ordinary nouns: a capitalised relation counts only as a label ("Child: Poppy", "Mum, Rose").
  // A name label ("Surname Kowalczyk", "FORENAME ANNA") or shouting in capitals says nothing either way.
  if (strict && /^\p{Lu}/u.test(m[0])) return /[:,(]\s*$|\b(?:is|was|called|named) $/.test(m[0]) || /names?\b/i.test(m[0]) || !/\p{Ll}/u.test(pre.slice(-30));
  return !/^\p{Lu}/u.test(m[0]) || /(?:^|[.!?:;\n(]\s*|["'“‘]\s*|-\s)$/u.test(pre.slice(0, m.index));
}

/** high/medium when the words are a case's name; null when they are certainly not; undefined when unsure. */
function judge(
  text: string,
  start: number,
  end: number,
  words: string[],
  titled: boolean,
  initial: boolean,
  found: readonly Finding[],
  inThingName = false,
): 'high' | 'medium' | null | undefined {
  const lexicon = getLexicon();
  const pre = text.slice(Math.max(0, start - 40), start);
  const post = text.slice(end, end + 80);
  if (NAMED_AFTER.test(post) || THING_WORD.test(words[words.length - 1]) || lexicon.isPublicFigure(words.join(' '))) return null;
  // Email headers and minutes list colleagues; a sender at a webmail address is a family member.
  if (HEADER_LABEL.test(pre)) return /^ ?<[^>@\s]+@(?:gmail|googlemail|hotmail|outlook|live|yahoo|icloud|aol|btinternet|sky)\./i.test(post) ? 'high' : null;
  // "Sophie Marsh (Business Support)", "Helen Carver (Derbyshire)": a colleague with their team or authority.
  const bracket = /^ \(([^)\n]{2,60})\)/.exec(post);
  if (bracket && !CASE_BRACKET.test(bracket[1]) && (lexicon.isPlace(bracket[1].split(/[ ,]/)[0]) || TEAM_BRACKET.test(bracket[1]))) return null;
  if ((/^ here\b/.test(post) && !AFTER_NAME.test(post)) || /\bany (?:[\p{L}]+ ){0,2}(?:called|named) $/iu.test(pre)) return null;
  // A town that is also a given name ("Chester") is a name only in a name slot.
  if (words.length === 1 && lexicon.isPlace(words[0]) && !relationBefore(pre, true) && !AFTER_NAME.test(post)) return null;
  // A short word in capitals that no name list knows is a code: WBRI, MOTH, SEMH.
  if (words.length === 1 && /^\p{Lu}{2,4}$/u.test(words[0]) && !lexicon.isFirstName(words[0]) && !lexicon.isLastName(words[0])) return null;
  // A professional named by their role or their team: "IRO Mohamed Abdi", "Rob Cummings from Performance".
  if (ROLE_BEFORE.test(pre)) return null;
  const team = /^,? (?:from|at|in) (?:the |our )?(\p{Lu}\p{Ll}+)/u.exec(post);
  if (team && lexicon.isCommonWord(team[1]) && !/^(?:Year|School|Care|Home|Foster|Placement|Hospital|Custody|Court|Prison)$/.test(team[1])) return null;
  // A sign-off is a colleague's, unless a parent or care leaver is writing about themselves.
  if (SIGN_OFF.test(pre) && !writtenByFamily(text)) return null;
  // "Kate Smith at Kirklees", "Tom from Leeds": a colleague named by their authority.
  const from = /^(?:,? (?:from|at)|,) (\p{Lu}[\p{L}'-]+)/u.exec(post);
  if (from && lexicon.isPlace(from[1].replace(/'s$/, ''))) return null;
  const inPlace = /^ in (\p{Lu}[\p{L}'-]+)/u.exec(post);
  if (words.length === 1 && inPlace && lexicon.isPlace(inPlace[1])) return null;
  // "hi, Reece and his brother Kyle": a case cue outweighs the greeting; "thanks Gary" alone is a colleague.
  // …and a parent signing off their own message ("thanks Sharon McDonagh") is family, not a colleague.
  if (GREETING_BEFORE.test(pre)) return strongCue(text, start, end) || (words.length >= 2 && FAMILY_SIGN_OFF.test(pre) && writtenByFamily(text)) ? 'medium' : null;
  const capitals = words.every((w) => /^\p{Lu}+$/u.test(w));
  // Names no list knows (Oluwaseun, Lucja, Ty'rell) are words that are no ordinary word, place or tool.
  const unlisted = !inThingName && !/^(?:\(|\.\p{L})/u.test(post) && words.every((w) => !lexicon.isCommonWord(w) && !lexicon.isPlace(w));
  if (unlisted && nextToFinding(text, start, end, found, capitals)) return 'medium';
  if (unlisted && !capitals && RECORD_OF.test(pre)) return 'high';
  const first = lexicon.isFirstName(words[0]) || (words.length >= 2 && lexicon.isVirtueName(words[0]));
  const full = (words.length >= 2 || initial) && (first || lexicon.isLastName(words[words.length - 1]));
  const professional = PROFESSIONAL_BEFORE.test(pre) || PROFESSIONAL_AFTER.test(post) || SIGNATURE_AFTER.test(post) || SIGNATURE_AFTER_ROLE.test(post) || AUTHOR_AFTER.test(post);

  if (SUBJECT_LINE.test(pre) && (words.length >= 2 || first)) return 'high';
  // A slot only a case fills, whoever seems to be talking: "the minutes for Ruby-Jo say", "Mrs L. Baker (lb@hotmail.com)".
  const sentence = sentenceAround(text, start, end);
  if ((first || unlisted) && !capitals && CASE_FOR.test(pre) && !COLLEAGUE_SENTENCE.test(sentence) && isCaseContext(text, sentenceBounds(text, start, end), found)) return 'medium';
  if (titled && !capitals && nextToFinding(text, start, end, found, false)) return 'medium';
  // Capitals are acronyms and headings, unless a subject line or a relation introduces them ("CHILD: JAYDEN SMITH").
  const known = first || lexicon.isLastName(words[0]);
  if (NAME_LABEL.test(pre) && words.every((w) => !lexicon.isCommonWord(w))) return 'high';
  if (relationBefore(pre, !known) && (!capitals || words.length >= 2 || first || NAME_LABEL.test(pre))) return 'high';
  if (capitals) return null;
  if (AFTER_NAME.test(post) && !PROFESSIONAL_AFTER.test(post) && !AUTHOR_AFTER.test(post)) return 'high';
  if (professional) return null;
  // A full name right before a phone, DOB or id: "His details: Gary Pickering, 07968 …".
  if (full && first && !capitals && nextToFinding(text, start, end, found, false)) return 'medium';
  if (titled) return 'medium';
  // "Ellie-Mae", "Tia-Louise": a double given name is a child's, not a colleague's first name in passing.
  if (words.length === 1 && /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(words[0]) && first && !COLLEAGUE_SENTENCE.test(sentence) && !PUBLIC_SENTENCE.test(sentence)) return 'medium';
  const plainSurname = words.length > 1 && lexicon.isPlainSurname(words[words.length - 1]);
  if (full && (plainSurname || initial) && !PUBLIC_SENTENCE.test(sentence) && !COLLEAGUE_SENTENCE.test(sentence)) return 'medium';
  if (words.length === 1 && first && CASE_SENTENCE.test(sentence) && !COLLEAGUE_SENTENCE.test(sentence)) return 'medium';
  if (!unlisted || PUBLIC_SENTENCE.test(sentence) || COLLEAGUE_SENTENCE.test(sentence)) return undefined;
  // A lone unknown word opening a sentence may be any capitalised word ("Apols", "Ta"): that needs a closer cue.
  if (words.length === 1 && !first && /(?:^|[.!?:]\s+|\n\s*|[("'])$/.test(pre)) return undefined;
  // "lives in Penistone", "placed near Kendal": a lone unknown word after a preposition of place is a place.
  if (words.length === 1 && !first && PLACE_PREPOSITION.test(pre)) return undefined;
  // A town in an address: "9 Carr View, Penistone", "County Hall, Matlock", "Goole DN14 5AH".
  const listedAfter = /(\p{Lu}\p{Ll}+), $/u.exec(pre);
  if (words.length === 1 && listedAfter && lexicon.isCommonWord(listedAfter[1])) return undefined;
  if (words.length === 1 && found.some((f) => (f.kind === 'address' && f.end <= start && start - f.end <= 3) || (f.kind === 'postcode' && f.start >= end && f.start - end <= 3))) return undefined;
  // "the Ge'ez calendar", "the Kano model": a lone word between "the" and an ordinary noun names a thing.
  if (words.length === 1 && /(?:^|[^\p{L}])the $/iu.test(pre) && /^ \p{Ll}/u.test(post)) return undefined;
  const bounds = sentenceBounds(text, start, end);
  return isCaseContext(text, bounds, found) ? 'medium' : undefined;
}

/** The sentence around a span, at most 300 characters either side (so long texts stay linear). */
function sentenceAround(text: string, start: number, end: number): string {
  const windowStart = Math.max(0, start - 300);
  const head = text.slice(windowStart, start);
  const from = windowStart + Math.max(head.lastIndexOf('. '), head.lastIndexOf('\n'), head.lastIndexOf('? '), head.lastIndexOf('! '), 0);
  const tail = text.slice(end, end + 300);
  const next = tail.search(/[.!?](?:\s|$)|\n/);
  return text.slice(from, end + (next < 0 ? tail.length : next));
}

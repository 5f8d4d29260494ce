import nlp from 'compromise';
import { COMMON_WORDS } from './common-words';

/*
 * Word lists for the name detector. First names, surnames, places and organisations come from
 * compromise's lexicon (public name and gazetteer lists shipped in the package); the rest are this
 * community's own words: tools, bodies, public figures and the vocabulary of case work.
 */

export interface Lexicon {
  /** compromise's tags for a lower-case word, if it knows the word. */
  tags(word: string): string[];
  isFirstName(word: string): boolean;
  isLastName(word: string): boolean;
  /** A place, organisation, month, day or ordinary word: never (part of) a person's name. */
  isNotName(word: string): boolean;
  /** A tool, body, place or word of case work: not even a surname. */
  isDomainWord(word: string): boolean;
  /** An ordinary noun that may still be a name ("Poppy", "Mason"), judged only beside a case cue. */
  isWeakName(word: string): boolean;
  /** A word that can end a full name with no cue: a known surname, an unknown word, a colour or trade ("Brown", "Baker"). */
  isPlainSurname(word: string): boolean;
  isPublicFigure(fullName: string): boolean;
  /** A given name that is also an English word ("Precious", "Blessing"): a name only before a surname or beside a case cue. */
  isVirtueName(word: string): boolean;
  /** An ordinary English word, or an inflection of one, that the lexicon knows other than as a name. */
  isCommonWord(word: string): boolean;
  /** A place or authority: "Leeds", "Kirklees", "Tower". */
  isPlace(word: string): boolean;
  /** A small town the gazetteer knows that is also a surname ("Pickering", "Preston"): not an authority or country. */
  isTownSurname(word: string): boolean;
}

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person']);
const NOT_NAME_TAGS = new Set(['Place', 'City', 'Region', 'Country', 'Organization', 'SportsTeam', 'Month', 'WeekDay', 'Demonym', 'Currency', 'Unit', 'Date', 'Duration']);

/** Tools, data standards, bodies and local authorities people here name all day. */
const DOMAIN_WORDS = (
  'ssda903 903 chat patch mosaic lcs liquidlogic eclipse carefirst azeus controcc ehm excel power bi tableau qlik sql ' +
  'python github teams slack outlook sharepoint ofsted dfe ons lga adcs nspcc barnardos coram cin cla lac cp upn nhs ics ' +
  'mash send sen ehcp iro lado yjs yot camhs gp police court cafcass dwp hmrc ofqual esfa gov uk england wales scotland ' +
  'council borough county city district metropolitan unitary authority department ministry commissioner commons ' +
  'census return returns episode episodes protection conference plan plans review reviews panel order orders ' +
  'assessment assessments referral referrals placement placements services service social care team data tool tools ' +
  'looked after leaving leavers leaver exploitation education health safeguarding children child young people person ' +
  'family families early help front door hub unit board partnership dashboard report reports template guidance ' +
  'spec specification validator validation field fields column columns rule rules version release form forms ' +
  'meeting monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
  'august september october november december christmas easter term autumn spring summer winter year years ' +
  'key stage school schools academy nursery college primary secondary special virtual head headteacher ' +
  'mum dad mother father brother sister nan gran grandma grandad aunt uncle cousin carer carers foster kinship ' +
  'baby boy girl twins siblings parent parents guardian special guardianship sgo adoption adopted missing ' +
  'mr mrs ms miss mx dr sir dame lord lady the a an and or but of in on at to for with from by is was are were ' +
  'he she they his her their it its this that these those we our you your i my me hi hello thanks cheers dear ' +
  'yes no not ok please re fw fwd subject update note notes query question help issue problem bug fix id ids ref ' +
  'north south east west central greater new old upper lower great little st saint national insurance ' +
  'snapchat instagram insta tiktok facebook twitter youtube discord whatsapp telegram google microsoft apple android ' +
  'annex list lists scorecard indicator return staying put uasc nfa sw ks1 ks2 ks3 ks4 sdq drill through sample test ' +
  'row rows table tables line lines item items page pages step steps column record records entry entries sheet tab ' +
  'file files name names sex gender age ages ethnicity category code codes status type total count dob ' +
  'flat apartment room block floor ofcom ico samaritans capita servelec northgate tribal civica idox arbor sankey ' +
  // field labels and column headers
  'forename forenames surname surnames firstname lastname middlename givenname familyname fullname legalname ' +
  'preferredname preferred knownas alias nickname initials title prefix suffix dateofbirth postcode nino accom addr eth ' +
  // tools and products people here run
  'linux ubuntu windows macos docker azure aws snowflake databricks alteryx powershell jupyter postgres postgresql ' +
  'oracle mysql sqlite pandas numpy rstudio posit powerbi looker knime dbt airflow kafka redis nginx vscode ' +
  'comms synergy copilot chatgpt openai gemini claude llama jira confluence trello miro zoom webex notion ' +
  // "Reg 24": a regulation
  'reg'
).split(' ');

/**
 * Nationalities, ethnic groups and languages, as in the ONS 2021 Census ethnic group and main language
 * classifications and the DfE ethnicity codes: "mum is Kurdish", "the family are Roma" name no one.
 */
const ETHNICITY_WORDS = (
  'scottish british traveller travellers gypsy gypsies roma romany romani romanian polish ' +
  'lithuanian latvian estonian slovak czech hungarian bulgarian albanian kosovan kosovar serbian croatian bosnian ' +
  'ukrainian russian portuguese spanish italian greek turkish cypriot kurdish kurd kurds arab arabic persian farsi ' +
  'iranian iraqi syrian afghan afghani pashto pashtun dari urdu punjabi panjabi bengali bangladeshi sylheti gujarati ' +
  'tamil hindi indian pakistani sri lankan nepali nepalese chinese cantonese mandarin hakka vietnamese filipino ' +
  'tagalog thai japanese korean malay somali somalian eritrean ethiopian tigrinya amharic oromo sudanese ' +
  'nigerian yoruba igbo hausa ghanaian twi akan zimbabwean shona ndebele congolese lingala swahili kenyan ugandan ' +
  'caribbean jamaican african asian mixed refused european german dutch english welsh irish'
).split(' ');

/**
 * DfE census and SSDA903 codes written in capitals (ethnicity, SEN need, language): codes, never names.
 * Source: DfE Common Basic Data Set ethnicity and SEN type code lists.
 */
const CODE_WORDS = (
  'wbri wiri wirt woth wrom mwbc mwba mwas moth aind apkn aban aoth bcrb bafr both chne ooth refu nobt ' +
  'weng wsco wwel wcor weur wotw wbos wcro wgre wgrk wgrc wita wkos wpor wser wtur wtuk wtuc wrma wrmr wrmo wtrv ' +
  'asnl asri alka amus aoti anep bsom bsud bgha bnga bnig bsln bafo bbri bwcr bunt bafr cmal csng ctwn chkc ' +
  'oafg oara oegy ofil oirn oirq ojpn okor okrd olam oleb olib omal omrc opol orth othr ovie oyem ' +
  'semh slcn asd mld sld pmld spld msi nsa oth ehcp senk'
).split(' ');

/** Local authorities and places that are also given names or surnames ("Kirklees", "Sefton", "Tower Hamlets"). */
const PLACES = (
  'leeds bradford kirklees calderdale wakefield sheffield rotherham barnsley doncaster york hull manchester salford ' +
  'bolton bury oldham rochdale stockport tameside trafford wigan liverpool knowsley sefton wirral halton warrington ' +
  'birmingham coventry dudley sandwell solihull walsall wolverhampton newcastle gateshead sunderland durham ' +
  'darlington hartlepool middlesbrough redcar stockton northumberland tyneside cumbria cumberland westmorland ' +
  'furness lancashire blackburn blackpool cheshire derby derbyshire nottingham nottinghamshire leicester ' +
  'leicestershire rutland lincolnshire lincoln northamptonshire northampton bedford luton bedfordshire ' +
  'cambridgeshire cambridge peterborough norfolk norwich suffolk ipswich essex southend thurrock hertfordshire ' +
  'kent medway surrey sussex brighton hove hampshire portsmouth southampton isle wight dorset bournemouth poole ' +
  'wiltshire swindon somerset bath bristol gloucestershire gloucester devon plymouth torbay exeter cornwall ' +
  'scilly oxfordshire oxford buckinghamshire milton keynes berkshire reading slough windsor maidenhead bracknell ' +
  'wokingham herefordshire hereford worcestershire worcester shropshire telford wrekin staffordshire stoke trent ' +
  'warwickshire london camden greenwich hackney hammersmith fulham islington kensington chelsea lambeth lewisham ' +
  'southwark tower hamlets wandsworth westminster barking dagenham barnet bexley brent bromley croydon ealing ' +
  'enfield haringey harrow havering hillingdon hounslow kingston merton newham redbridge richmond sutton waltham ' +
  'forest yorkshire humber riding tees mersey cardiff swansea newport wrexham glasgow edinburgh belfast ' +
  // county short forms in attendee lists: "Anna (Northants)"
  'northants leics notts lancs herts bucks glos wilts worcs staffs cambs beds hants oxon yorks lincs derbys warks shrops'
).split(' ');

/** Public names in children's services talk: ministers, commissioners, reviewers, public inquiries. */
const PUBLIC_FIGURES = new Set(
  [
    'bridget phillipson', 'gillian keegan', 'nadhim zahawi', 'michael gove', 'gavin williamson', 'damian hinds',
    'keir starmer', 'rishi sunak', 'boris johnson', 'theresa may', 'liz truss', 'angela rayner', 'rachel reeves',
    'josh macalister', 'isabelle trowler', 'eileen munro', 'amanda spielman', 'martyn oliver', 'yvette cooper',
    'rachel de souza', 'anne longfield', 'david holmes', 'janet daby', 'stephen morgan', 'catherine mckinnell',
    'claire coutinho', 'david johnston', 'will quince', 'vicky ford', 'kemi badenoch', 'wes streeting', 'ed balls',
    'annie hudson', 'alan wood', 'andrew bailey', 'chris whitty', 'jacinda ardern', 'sue gray', 'tim loughton',
    'edward timpson', 'nick gibb', 'michelle donelan', 'kit malthouse', 'robert halfon', 'david laws', 'ed miliband',
    'nicola sturgeon', 'mark drakeford', 'sadiq khan', 'andy burnham', 'frank field', 'dame rachel de souza',
    // children whose deaths led to national reviews, named in public reports
    'victoria climbié', 'victoria climbie', 'peter connelly', 'arthur labinjo-hughes', 'star hobson', 'daniel pelka',
    'khyra ishaq', 'hamzah khan', 'logan mwangi', 'finley boden', 'sara sharif', 'jasmine beckford', 'maria colwell',
    // placeholder and fictional names used in examples and test data
    'donald duck', 'mickey mouse', 'minnie mouse', 'peppa pig', 'harry potter', 'bart simpson', 'homer simpson',
    'joe blogs', 'john q public', 'mary sue', 'tom thumb', 'jack sprat', 'humpty dumpty', 'john doe jr', 'baby shark',
    'john smith', 'jane smith', 'jane doe', 'john doe', 'joe bloggs', 'jo bloggs', 'fred bloggs', 'joe public', 'test child', 'baby doe',
  ],
);

/** Towns that compromise knows only as given names: places unless a name slot says otherwise ("son Chester"). */
const TOWN_GIVEN_NAMES = new Set(['chester']);

/** Given names that compromise files as ordinary nouns. */
const FLOWER_NAMES = new Set('jasmine poppy lily jade ruby leo ivy daisy holly willow iris violet heather olive pearl hazel rose faith esme freya tamsin'.split(' '));

/** Surnames that are also ordinary nouns. */
const TRADE_SURNAMES = new Set(
  ('king wood hill baker cook mason turner carter fisher hunter walker ward bell fox stone moore lane rose page cross marsh field bird lamb nash booth barnes shaw ward price hall day bishop knight butler porter chamberlain fletcher archer cooper taylor smith clarke parker ' +
    // common Irish Traveller and Romany Gypsy surnames (Pavee Point and Friends, Families and Travellers guides)
    'connors mcdonagh mcdonnell joyce maughan stokes cash doran delaney quilligan mcginley keenan mongan purcell nevin sweeney reilly cawley gavin ' +
    'collins mccarthy casey furey mcinerney berry lee boswell loveridge lovell ayres smith price wilson buckley herne').split(' '),
);

/**
 * Given names that are also English words, common in southern and west Africa and the Caribbean: names only
 * before a surname or beside a case cue ("Precious Moyo", "Blessing (9)"). Source: Wikipedia, "Virtue name".
 * Days, seasons and months that are given names ("Sunday Okafor", "Summer's record") count the same way.
 */
const VIRTUE_NAMES = new Set(
  'sunday summer autumn april june precious blessing blessings gift favour favor marvellous patience mercy comfort loveness memory princess prosper justice innocent talent beauty goodness miracle praise divine testimony peace charity hope joy fortune happiness trust faith grace godknows nomatter learnmore lovemore givemore'.split(' '),
);

/** Suffix, then what to put back on the stem: "hosted" → host, "moving" → move, "babies" → baby. */
const INFLECTIONS: string[][] = [
  ['ies', 'y'], ['ied', 'y'], ['es', '', 'e'], ['s', ''], ['ed', '', 'e'], ['ing', '', 'e'], ['ly', '', 'le'], ["n't", ''],
];

let lexicon: Lexicon | undefined;

/** Built on first use: reading compromise's lexicon into sets takes a few milliseconds. */
export function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const words = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const places = new Set(PLACES);
  const common = new Set(COMMON_WORDS.split(' '));
  const domain = new Set([...DOMAIN_WORDS, ...PLACES, ...ETHNICITY_WORDS, ...CODE_WORDS]);
  const tagsOf = (w: string): string[] => {
    const t = words[w];
    return t === undefined ? [] : Array.isArray(t) ? t : [t];
  };
  lexicon = {
    tags: tagsOf,
    // "Mia-Jade", "Jean-Luc": every part a given name.
    isFirstName: (w) => (/^\p{L}+(?:-\p{L}+)+$/u.test(w) && w.split('-').every((part) => lexicon!.isFirstName(part))) || FLOWER_NAMES.has(w.toLowerCase()) || tagsOf(w.toLowerCase()).some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName' || t === 'Person'),
    isLastName: (w) => tagsOf(w.toLowerCase()).includes('LastName'),
    isNotName: (w) => {
      // "Tia-Louise", "Okonkwo-Bello": a name if any part is one.
      if (/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+$/u.test(w)) return w.split('-').every((part) => lexicon!.isNotName(part));
      const lower = w.toLowerCase().replace(/'s$/, '');
      if (domain.has(lower)) return true;
      if (FLOWER_NAMES.has(lower)) return false;
      const tags = tagsOf(lower);
      if (tags.some((t) => NAME_TAGS.has(t))) return false;
      if (tags.length > 0) return true;
      // Unknown to the lexicon: ordinary derived words are still not names.
      return /(?:tion|sion|ment|ness|ity|ings?|ance|ence|ship|ology|ics|ism|ists?|able|ible|ful|less|ous|ive|ised|ized|ise|ize|ly)$/.test(lower);
    },
    isDomainWord: (w) => domain.has(w.toLowerCase()) || tagsOf(w.toLowerCase()).some((t) => NOT_NAME_TAGS.has(t)),
    isWeakName: (w) => {
      const lower = w.toLowerCase();
      if (VIRTUE_NAMES.has(lower)) return /^\p{Lu}\p{Ll}/u.test(w);
      return !domain.has(lower) && w.length > 2 && /^\p{Lu}\p{Ll}/u.test(w) && tagsOf(lower).every((t) => t === 'Noun' || t === 'Singular' || t === 'Uncountable' || t === 'Adjective' || NAME_TAGS.has(t));
    },
    isPlainSurname: (w) => {
      const lower = w.toLowerCase();
      if (domain.has(lower)) return false;
      const tags = tagsOf(lower);
      return tags.length === 0 || tags.some((t) => NAME_TAGS.has(t) || t === 'Adjective') || TRADE_SURNAMES.has(lower) || /-/.test(lower);
    },
    isPlace: (w) => places.has(w.toLowerCase()) || TOWN_GIVEN_NAMES.has(w.toLowerCase()) || tagsOf(w.toLowerCase()).some((t) => ['Place', 'City', 'Region', 'Country'].includes(t)),
    isCommonWord: (w) => {
      if (/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+$/u.test(w)) return w.split('-').every((part) => lexicon!.isCommonWord(part));
      const lower = w.toLowerCase().replace(/'s$/, '');
      if (domain.has(lower)) return true;
      const known = (x: string) => {
        const tags = tagsOf(x);
        return common.has(x) || (tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t)));
      };
      if (tagsOf(lower).some((t) => NAME_TAGS.has(t)) || FLOWER_NAMES.has(lower)) return false;
      if (known(lower)) return true;
      // compromise lists stems, not every inflection: "pulls", "hosted", "mangling", "quickly".
      for (const [suffix, ...stems] of INFLECTIONS) {
        if (!lower.endsWith(suffix) || lower.length < suffix.length + 3) continue;
        const base = lower.slice(0, -suffix.length);
        if (stems.some((add) => known(base + add)) || (/([b-df-hj-np-tv-z])\1$/.test(base) && known(base.slice(0, -1)))) return true;
      }
      return /(?:tion|sion|ment|ness|ity|ings?|ance|ence|ship|ology|ics|ism|ists?|able|ible|ful|less|ous|ive|ised|ized|ise|ize|ly|ally|ation)$/.test(lower);
    },
    isTownSurname: (w) => {
      const lower = w.toLowerCase();
      const tags = tagsOf(lower);
      return /^\p{Lu}\p{Ll}+$/u.test(w) && !domain.has(lower) && !common.has(lower) && tags.some((t) => t === 'Place' || t === 'City') && !tags.some((t) => t === 'Country' || t === 'Region');
    },
    isVirtueName: (w) => VIRTUE_NAMES.has(w.toLowerCase()),
    isPublicFigure: (name) => PUBLIC_FIGURES.has(name.toLowerCase().replace(/\s+/g, ' ')),
  };
  return lexicon;
}

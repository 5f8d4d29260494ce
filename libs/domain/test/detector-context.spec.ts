import { detectPersonalData } from '../src/moderation';

/** [kind, text] of each finding, after checking each span indexes the text exactly. */
function found(text: string): [string, string][] {
  const findings = detectPersonalData(text);
  for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  return findings.map((f) => [f.kind, f.text]);
}
const names = (text: string) => found(text).filter(([k]) => k === 'name').map(([, t]) => t);
const ofKind = (kind: string, text: string) => found(text).filter(([k]) => k === kind).map(([, t]) => t);

describe('names no name list knows, by shape and case context', () => {
  test.each<[string, string[]]>([
    ['Our sibling group Wiktoria and Bartosz Zielinski were placed apart in March.', ['Wiktoria', 'Bartosz Zielinski']],
    ['nan rang about Ty\u2019shawn (aged 7) again', ['Ty\u2019shawn']],
    ['The child is Adaeze "Ada" Nwosu, NHS 943 476 5919.', ['Adaeze "Ada" Nwosu']],
    ['Caller: Mr D Fairbrother re his son', ['Mr D Fairbrother']],
    ['spoke to mrs okoro about the referral for her daughter', ['okoro']],
    ['K.T. (9) was excluded on Monday', ['K.T.']],
    ['my granddaughter Precious is in foster care', ['Precious']],
    ['The Okafors have asked for respite again.', ['Okafors']],
    ['the address for Tendai is wrong on the CIN plan', ['Tendai']],
    ['Her brother Dawid-Jan was removed under police protection.', ['Dawid-Jan']],
    ['Kuba Mazur, NI QQ 12 34 56 C, needs his pathway plan updating', ['Kuba Mazur']],
    ['row 4471209 | TEMITOPE ADEYEMI | 14.09.2011 | placed', ['TEMITOPE ADEYEMI']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  test('a parent signing their own post is named; a colleague signing is not', () => {
    expect(names('My daughter Keeley is 17 and her pathway plan is out of date.\n\nThanks\nDeborah Ashworth')).toEqual(['Keeley', 'Deborah Ashworth']);
    expect(names('The 903 header export is fixed now.\n\nThanks\nDeborah Ashworth')).toEqual([]);
  });
});

describe('what is not a name', () => {
  test.each<string>([
    'Thanks, hosted by Priyanka Raghunathan and Tomasz Wrobel.',
    'In reply to Deepa: the fix is in the next release',
    '@[Ada Lovelace](user:0b5e4a40-1c2d-4e5f-8a9b-0c1d2e3f4a5b) the Care Leaver Tracker and the Annex A Tool both show the child placed',
    'Donald Duck is our test child in the training tenant',
    'Current address: 4 Moor View, Holmfirth, HD9 2QQ for the placement',
    'The Sankey chart of referrals to CP plans is hard to read',
    'Our Capita One import drops the child record',
    'The Samaritans and the Families First team came to the CIN panel',
  ])('%s', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('dates of birth beside a name, and stand-in dates', () => {
  test('a date right after a name, in a row or in brackets', () => {
    expect(ofKind('date_of_birth', 'That one is Oskar Nowacki, 03/11/2015.')).toEqual(['03/11/2015']);
    expect(ofKind('date_of_birth', 'A.B. (21/06/2018) has three referrals in a year')).toEqual(['21/06/2018']);
  });
  test('EDD counts as a birth word', () => {
    expect(ofKind('date_of_birth', 'pre-birth assessment, EDD 04/02/2026')).toEqual(['04/02/2026']);
  });
  test('placeholder dates are not', () => {
    expect(ofKind('date_of_birth', 'test record with DOB 01/01/2000')).toEqual([]);
    expect(ofKind('date_of_birth', 'default DOB is 01/01/2010 when unknown')).toEqual([]);
    expect(ofKind('date_of_birth', 'DOB 03/05/2012 and the episode started March 2020')).toEqual(['03/05/2012']);
  });
});

describe('local ids in lists, sequences and code', () => {
  test.each<[string, string[]]>([
    ['CareFirst ids 56201, 56202 and 56219 are the three siblings', ['56201', '56202', '56219']],
    ['Mosaic ID 5512093 vs 5512039 for the same boy', ['5512093', '5512039']],
    ['EHM ref EH/2023/00412 was reopened as EH/2023/00987', ['EH/2023/00412', 'EH/2023/00987']],
    ['filter(person_id == "WK-311-04417")', ['WK-311-04417']],
    ['df[df["LAchildID"] == "KD55102"]', ['KD55102']],
    ['logged in EHM (ref 66120) last week', ['66120']],
    ['our dummy person ID 0000001 is excluded', []],
    ['The supplier says case #00913377 is resolved in hotfix 7.2', []],
  ])('%s', (text, expected) => {
    expect(ofKind('local_id', text)).toEqual(expected);
  });

  test('a markdown table with personal columns', () => {
    const table = '| CHILD | DOB | SEX |\n|---|---|---|\n| 40311 | 12/07/2013 | 1 |\nLeeds, Feb run';
    expect(found(table)).toEqual([
      ['local_id', '40311'],
      ['date_of_birth', '12/07/2013'],
    ]);
  });
});

describe('addresses without a street number, and organisation lines', () => {
  test.each<[string, string]>([
    ['the family are at number 9 on the Larkfield estate', 'number 9 on the Larkfield estate'],
    ['mum now lives in flat 2 above the bakery on Church St', 'flat 2 above the bakery on Church St'],
    ['they moved to the caravan at Oakvale site, plot 6', 'Oakvale site, plot 6'],
  ])('%s', (text, address) => {
    expect(ofKind('address', text)).toEqual([address]);
  });

  test('a switchboard landline ending 000 is not a phone, a family landline is', () => {
    expect(ofKind('phone', 'ring the council on 01924 306000 for the team')).toEqual([]);
    expect(ofKind('phone', 'nan can be reached on 01924 306 812')).toEqual(['01924 306 812']);
  });

  test('placeholder UPNs and code decorators are not personal data', () => {
    expect(ofKind('upn', 'the UPN A123456789012 is our placeholder')).toEqual([]);
    expect(ofKind('social_handle', '@pytest.fixture\ndef rows():\n    return []')).toEqual([]);
  });
});

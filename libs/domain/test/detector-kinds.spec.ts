import { detectPersonalData, type FindingKind, redact } from '../src/moderation';

/** Kind and text of each finding, after checking every span indexes the original text exactly. */
function detect(text: string): [FindingKind, string][] {
  const findings = detectPersonalData(text);
  for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  return findings.map((f) => [f.kind, f.text]);
}
const kinds = (text: string) => detect(text).map(([kind]) => kind);

describe('what people actually paste is caught', () => {
  test.each<[string, FindingKind, string]>([
    ['Oliver Brown, aged 9, placed with foster carers in Leeds', 'name', 'Oliver Brown'],
    ['Mosaic ID 4417702', 'local_id', '4417702'],
    ['LCS ref 903311', 'local_id', '903311'],
    ['childID C0098812', 'local_id', 'C0098812'],
    ['Eclipse person id 553120 shows an SGO', 'local_id', '553120'],
    ['Ref P0778213 (Liquidlogic) has 14 placement moves', 'local_id', 'P0778213'],
    ['Just checked Mosaic (4556710), the CPP start is blank', 'local_id', '4556710'],
    ['lives at 22 mill lane with her nan', 'address', '22 mill lane'],
    ['Placement at 5 The Paddocks is out of area', 'address', '5 The Paddocks'],
    ['943–476–5919', 'nhs_number', '943–476–5919'],
    ['943.476.5919', 'nhs_number', '943.476.5919'],
    ['943  476  5919', 'nhs_number', '943  476  5919'],
    ['943\u2009476\u20095919', 'nhs_number', '943\u2009476\u20095919'],
    ['943\u200B476\u200B5919', 'nhs_number', '943\u200B476\u200B5919'],
    ['９４３ ４７６ ５９１９', 'nhs_number', '９４３ ４７６ ５９１９'],
    ['4857 773 457', 'nhs_number', '4857 773 457'],
    ['ab 12 34 56 c', 'ni_number', 'ab 12 34 56 c'],
    ['NI AB-12-34-56-C', 'ni_number', 'AB-12-34-56-C'],
    ['NINO JH553012', 'ni_number', 'JH553012'],
    ['sw1a1aa', 'postcode', 'sw1a1aa'],
    ['DOB 07-Feb-2017', 'date_of_birth', '07-Feb-2017'],
    ["born June '15", 'date_of_birth', "June '15"],
    ['(b. 03/09/2014)', 'date_of_birth', '03/09/2014'],
    ["child_dob = '2019-11-30'", 'date_of_birth', '2019-11-30'],
    ['PersonBirthDate: 2016-05-04', 'date_of_birth', '2016-05-04'],
    ['dob=20150402 in the staging table', 'date_of_birth', '20150402'],
    ['DOB: 1st Sept 2015', 'date_of_birth', '1st Sept 2015'],
    ['changed DOB from 01/01/2007 to 14/03/2006', 'date_of_birth', '01/01/2007'],
    ['her insta is @lily_x09', 'social_handle', '@lily_x09'],
    ["The child's Snapchat (tyler.b.06) is on the form", 'social_handle', 'tyler.b.06'],
    ['found tiktok.com/@sophie.w.2009 in the notes', 'social_handle', 'tiktok.com/@sophie.w.2009'],
    ["dad's email is darren.h1982@hotmail.co.uk", 'email', 'darren.h1982@hotmail.co.uk'],
    ["mum's number is 07911 123456", 'phone', '07911 123456'],
  ])('%s', (text, kind, found) => {
    expect(detect(text)).toContainEqual([kind, found]);
  });

  test('"Amelia Jones (DOB ...)" gives the name and the date', () => {
    expect(detect('Amelia Jones (DOB 12/03/2015) was seen')).toEqual([
      ['name', 'Amelia Jones'],
      ['date_of_birth', '12/03/2015'],
    ]);
  });

  test('a pasted extract: values under personal columns', () => {
    expect(detect('child_id,dob\n1004512,2014-06-01')).toEqual([
      ['local_id', '1004512'],
      ['date_of_birth', '2014-06-01'],
    ]);
    expect(kinds('`CHILD,SEX,DOB,NHS` ... `A12,1,2015-03-02,993 518 1901`')).toEqual(['local_id', 'date_of_birth', 'nhs_number']);
  });
});

describe('hard negatives people write all day', () => {
  test.each([
    'Rule 103 fires on 2,345 of our 9,876 episodes; is that expected for 2024/25?',
    'LA codes 201, 875 and 938 are in the sample.',
    'the CIN census closes on 31/03/2025 and the 903 on 30/06/2025',
    'Version v2.3.10 released; see the release notes.',
    'Placeholder NHS numbers like 000 000 0000 and 999 999 9999 are fine in test data.',
    'DfE test NHS number 999 000 0018 in the examples',
    'Use XX for unknown postcodes, or ZZ99 3VZ? No: ZZ is no postcode area.',
    'PATCH, ChAT and SSDA903 all read the Annex A file.',
    'Children born between 01/09/2015 and 31/08/2016 are in scope.',
    'Birthdays of our releases: v1 on 3 May 2021, v2 on 14 March 2023.',
    'Contact data.team@leeds.gov.uk or servicedesk@kent.gov.uk, or email name@example.com',
    'Call the helpdesk on 0300 123 4567, freephone 0800 123 4567, or the switchboard on 0113 222 4444.',
    'Contact: performance@wirral.gov.uk | 0151 606 2000 | Wallasey Town Hall.',
    'we replaced it with 07700 900000, which Ofcom reserve for drama',
    'Mosaic version 6.3 breaks the export; we moved to Liquidlogic 2024.',
    'Ticket INC0034512 is open; the ONS code is E09000022; Ofsted URN SC012345.',
    'Test UPNs from DfE: e.g. A000000000000 (all zeros).',
    'Our contact centre is at 1 Mill Lane, the Civic Offices.',
    'Thanks Gary, that fixed the SSDA903 extract. Cheers Sam!',
    'Great session from Kate Smith at Kirklees on the demand model.',
    'Bridget Phillipson announced the changes; Ofsted and the DfE agreed.',
    'Martin Narey\'s review of residential care is cited.',
    'Sam Smith (Data Officer, Leeds) will present next week.',
    'Leeds, Bradford, Tower Hamlets and Barking and Dagenham are piloting it.',
    'Excel limits a sheet to 1048576 rows.',
  ])('%s', (text) => {
    expect(detect(text)).toEqual([]);
  });
});

describe('spans are offsets into the original text', () => {
  test('zero-width and fullwidth characters before and inside a finding', () => {
    const text = 'a\u200Bb ＮＨＳ ９４３\u200B４７６\u200B５９１９ and DOB\u00A012\u201303\u20132015';
    const findings = detectPersonalData(text);
    expect(findings.map((f) => [f.kind, f.text])).toEqual([
      ['nhs_number', '９４３\u200B４７６\u200B５９１９'],
      ['date_of_birth', '12\u201303\u20132015'],
    ]);
    expect(findings[0].start).toBe(text.indexOf('９'));
    expect(redact(text, findings)).toBe('a\u200Bb ＮＨＳ [NHS number removed] and DOB\u00A0[date of birth removed]');
  });

  test('redact labels for the new kinds', () => {
    const text = 'dad Darren Hughes, 22 Mill Lane, Mosaic ID 4417702, insta @dh_1982';
    expect(redact(text, detectPersonalData(text))).toBe(
      'dad [name removed], [address removed], Mosaic ID [case id removed], insta [social media handle removed]',
    );
  });
});

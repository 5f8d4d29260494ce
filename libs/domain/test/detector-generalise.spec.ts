import { detectPersonalData } from '../src/moderation';

/** kind:text for each finding, after checking each span indexes the text exactly. */
function found(text: string): string[] {
  const findings = detectPersonalData(text);
  for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  return findings.map((f) => `${f.kind}:${f.text}`);
}

describe('codes, labels, groups and teams are not names', () => {
  test.each([
    ['Ethnicity codes for the child: WBRI, WIRT, MWBA, APKN, BAFR, CHNE, REFU and NOBT map to the 903 groups'],
    ['the young person is Kurdish, her mum is Roma and the family are Traveller; dad speaks Somali and Polish'],
    ['Our Forename and Surname columns hold the Preferred name rather than the LegalName for each child'],
    ['the child data now lives on Linux, maintained by Performance and Intelligence and Business Intelligence'],
  ])('%s', (text) => expect(found(text)).toEqual([]));

  test('codes in a pasted row are not names', () => {
    expect(found('CHILD,ETHNIC,LS\n104417,MOTH,C2\n104418,AOTH,V2').filter((f) => f.startsWith('name:'))).toEqual([]);
  });
});

describe('professionals named with their role or team', () => {
  test.each([
    ['the social worker Gemma Lowe visited the child at home yesterday'],
    ['IRO Yusuf Hassan chaired the review for the boy last week'],
    ['Dean Marsh from Finance pulled the placement list for the child'],
    ['Carla Dunn (social worker) went to see the family on Tuesday'],
  ])('%s', (text) => expect(found(text).filter((f) => f.startsWith('name:'))).toEqual([]));

  test('a name with a case event is still a name', () => {
    expect(found('Maisie Rowe disclosed to teacher on Friday')).toEqual(['name:Maisie Rowe']);
  });
});

describe('placeholders and organisations are not personal data', () => {
  test.each([
    ['test data: fred.bloggs@example.com, child id TEST07, DOB 01/01/2016 for all test rows'],
    ['# fixture only, synthetic data\nDOB = ["01/01/2013", "01/01/2014"]'],
    ['the dummy UPN A123456789012 in our test extract'],
    ['follow @WakefieldCSCdata for the dashboard updates on twitter'],
    ['the 903 placement postcode field should be blank for the child'],
    ['training for the child data returns is at 14 Park Road Conference Centre'],
    ['for example 12 Any Street would fail the address check for a child'],
  ])('%s', (text) => expect(found(text)).toEqual([]));
});

describe('names written in other ways', () => {
  test.each<[string, string[]]>([
    ['mum said kieran doyle was missing again last night', ['name:kieran doyle']],
    ['the boys johnny connors and martin were excluded', ['name:johnny connors']],
    ['leah (13) is missing from her placement', ['name:leah']],
    ['thanks leah, the child list is updated', []],
    ['Tyler WALSH was placed on Friday with his nan', ['name:Tyler WALSH']],
    ['row 4: OKAFOR, Daniel', ['name:OKAFOR, Daniel']],
    ['Seán Ó Murchú and Aoife Ní Dhonnchadha were placed together', ['name:Seán Ó Murchú', 'name:Aoife Ní Dhonnchadha']],
    ['Gabriel Ștefănescu (12) was placed with foster carers', ['name:Gabriel Ștefănescu']],
    ['Precious Dube and her brother Gift Dube were referred', ['name:Precious Dube', 'name:Gift Dube']],
    ['Blessing (9) was excluded twice', ['name:Blessing']],
    ['Precious little time to fix the return', []],
    ['Thomas Maughan and Kathleen Stokes are both on the site', ['name:Thomas Maughan', 'name:Kathleen Stokes']],
    ['Ellis was 11 at referral, so the age check is wrong', ['name:Ellis']],
    ['I asked for the file on Tobiah twice', ['name:Tobiah']],
  ])('%s', (text, expected) => expect(found(text)).toEqual(expected));
});

describe('addresses, dates and handles written in other ways', () => {
  test.each<[string, string[]]>([
    ['the girl lives on Fenwick Street, Barnsley with her mum', ['address:Fenwick Street, Barnsley']],
    ['the family live at Ivy Cottage, Mill Lane, Little Weighton', ['address:Ivy Cottage, Mill Lane, Little Weighton']],
    ['the boy lives on the Brookfield Estate with his nan', ['address:Brookfield Estate']],
    ['dad lives in the flat above the bookies opposite the Spar on Bridge St', ['address:above the bookies opposite the Spar on Bridge St']],
    ['born 2013, 3rd of June', ['date_of_birth:2013, 3rd of June']],
    ['<PersonBirthDate>2011-04-30</PersonBirthDate>', ['date_of_birth:2011-04-30']],
    ['Ruby Haigh 11.11.11', ['name:Ruby Haigh', 'date_of_birth:11.11.11']],
    ['his gamertag is xXNightOwlXx#2231', ['social_handle:xXNightOwlXx#2231']],
    ['see issue#2231 and PR#1180', []],
  ])('%s', (text, expected) => expect(found(text)).toEqual(expected));
});

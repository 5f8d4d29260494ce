import { detectPersonalData } from '../src/moderation';

/** The findings of one kind in a text (after checking each span indexes it exactly). */
function found(text: string, kind = 'name'): string[] {
  const findings = detectPersonalData(text);
  for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  return findings.filter((f) => f.kind === kind).map((f) => f.text);
}

describe('a word in a slot only a person fills is a name, whatever the word', () => {
  test.each<[string, string[]]>([
    ["Autumn's record (LC7730021) still shows the old placement", ['Autumn']],
    ['The census lists Patience with UPN A123456789012 but we have another', ['Patience']],
    ['Jodie is 19 (NI QQ 12 34 56 C) and wants her file', ['Jodie']],
    ["Obinna's SW here, the school has him on roll twice", ['Obinna']],
    ['the flagged account is on TikTok (Kadeem\'s). Where do we log it?', ['Kadeem']],
    ["Marcia here, Jaden's mum, please call me back", ['Marcia', 'Jaden']],
    ['Child is Lacey (4471123) and the dashboard shows her twice', ['Lacey']],
    ["-- returns Demi's 4 episodes but the extract has 3", ['Demi']],
    ['the review minutes for Lily-Mae Corbett list the wrong DOB 01/02/2016', ['Lily-Mae Corbett']],
    ['the PEP for Tiegan says she moved school in March, is that a CIN change?', ['Tiegan']],
    ['why would Tia-Louise show in list 3 but not list 5?', ['Tia-Louise']],
    ["Profile field: Darnell Hughes AKA 'Dazza H' - where do street names go?", ['Darnell Hughes', 'Dazza H']],
    ['the duplicate is contact Mrs P. Fisher (pfisher_81@hotmail.com) on two records', ['Mrs P. Fisher']],
    ['Staying put needs the NI: Brandon Kerr TN 31 22 90 B, 4 Mill Street, Bolton', ['Brandon Kerr']],
    ['looking for Sunday Eze (EC-2201334) in the person search', ['Sunday Eze']],
    ['intel has Jordan Pike using @jp_0o on Insta, where do you record it?', ['Jordan Pike']],
    ['her son Chester was placed out of area', ['Chester']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('names in pasted records', () => {
  test.each<[string, string[]]>([
    ['{"firstName": "Summer", "lastName": "Okafor", "dob": "2016-01-02"}', ['Summer', 'Okafor']],
    ['<Surname>Keane</Surname>\n<Forename>Aoife</Forename>', ['Keane', 'Aoife']],
    ['A123456789012,Harpreet,Gill,LS9 8AB,SEMH', ['Harpreet', 'Gill']],
    ["VALUES ('F-0012','Naomi','Bankole','Mother','07700 900123');", ['Naomi', 'Bankole']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expect.arrayContaining(expected));
  });
});

describe('a parent signing off their own message', () => {
  test('is a name even after "thanks"', () => {
    const text = 'Hi my son is meant to have his review but nobody rang me.\nthanks Donna Kerrigan';
    expect(found(text)).toContain('Donna Kerrigan');
  });
});

describe('precision kept', () => {
  test.each<string>([
    'Does anyone have the codes with plain English descriptions for members?',
    'Attendees: Priya (Notts), Dev (Lincs), Anna (Northants)',
    'Placement approved under Reg 24, does it go in as U3?',
    'Is "Chester" in the postcode mapping right? CH5 is in Wales.',
    'I was asked whether we have any kids called Chester in the system. Declined.',
    'The admin is now Sunday Adeleke (IT business partner for people directorate).',
    'Summer term starts 14 June, and June 14, the deadline, is close',
    'thanks Sue, that fixed it',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  test('team mailboxes at schools and the DfE are organisational', () => {
    expect(found('From: Attendance <attendance@oakfield-pri.kent.sch.uk>', 'email')).toEqual([]);
    expect(found('From: Data Collections <cs.datacollections@education.gov.uk>', 'email')).toEqual([]);
  });
});

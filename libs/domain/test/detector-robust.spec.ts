import { detectPersonalData } from '../src/moderation';

/** kind:text for each finding, after checking each span indexes the text exactly. */
function found(text: string): string[] {
  const findings = detectPersonalData(text);
  for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  return findings.map((f) => `${f.kind}:${f.text}`);
}
const covers = (text: string, value: string) => detectPersonalData(text).some((f) => f.text.includes(value) || value.includes(f.text));

describe('pasted tables in any layout report their personal columns', () => {
  test('tab-separated with a spaced header ("NHS No")', () => {
    const text = 'Name\tNHS No\tReview due\nWillow Pemberton\t1860913903\t03/02/2026\t\nJonah Achebe\t6281948211\t10/02/2026';
    for (const v of ['Willow Pemberton', '1860913903', 'Jonah Achebe', '6281948211']) expect(covers(text, v)).toBe(true);
    expect(covers(text, '03/02/2026')).toBe(false);
  });

  test('fixed-width columns with capital headers', () => {
    const text = 'Seen on the merge report:\n\nSYS_ID     SURNAME     FORENAME   DOB\nSY 4410237 PEMBERTON   WILLOW     04-Jun-2014\nSY 4410290 ACHEBE      JONAH      21-Jan-2016\n\nwhy do these fail?';
    for (const v of ['4410237', 'PEMBERTON', 'WILLOW', '04-Jun-2014', 'ACHEBE', '21-Jan-2016']) expect(covers(text, v)).toBe(true);
  });

  test('pipe and comma rows with "Date of birth" and "Child ID" headers', () => {
    expect(found('Child ID | Date of birth | Outcome\nQX-220145 | 09/07/2012 | NFA')).toEqual(['local_id:QX-220145', 'date_of_birth:09/07/2012']);
    expect(covers('forename,surname,postcode\nWillow,Pemberton,LS6 2QT', 'Willow')).toBe(true);
  });

  test('SQL seed rows under a column list', () => {
    const text = "INSERT INTO person (person_id, forename, dob) VALUES (50311, 'Marek', '2014-05-06'), (50312, 'Ola', '2016-11-12');";
    for (const v of ['50311', 'Marek', '2014-05-06', 'Ola', '2016-11-12']) expect(covers(text, v)).toBe(true);
  });

  test('a declared synthetic dataset is not reported, but a checksum-valid NHS number still is', () => {
    const text = 'Synthetic test data, none of these are real people:\nid,forename,postcode,nhs\nT01,Dawn,ZZ99 3VZ,0830166130';
    expect(found(text)).toEqual(['nhs_number:0830166130']);
  });
});

describe('an address written one field a line', () => {
  test('each line above the postcode is reported, the first as a name', () => {
    const text = 'ROWAN ASHCROFT\nFlat 2\nMeadow Court\nStation Road\nPickering\nYO18 7AB\n\nhow do I join these into one field?';
    const got = found(text);
    expect(got).toEqual(expect.arrayContaining(['name:ROWAN ASHCROFT', 'address:Flat 2', 'address:Meadow Court', 'address:Station Road', 'postcode:YO18 7AB']));
  });
});

describe('identifiers and lists', () => {
  test.each([
    ['The old system had her as KLM/CIN/30417 and the new one as Q7-0041129.', ['local_id:KLM/CIN/30417', 'local_id:Q7-0041129']],
    ['Xbox gamertags in the group chat: n1ghtowl_07, quiet_kid_2011', ['social_handle:n1ghtowl_07', 'social_handle:quiet_kid_2011']],
  ])('%s', (text, expected) => expect(found(text)).toEqual(expected));

  test('dates listed under a line about dates of birth', () => {
    expect(found('DOB was typed three ways in the free text:\n\n5th Feb 2014\nFeb 5 2014\n05/02/14')).toEqual([
      'date_of_birth:5th Feb 2014',
      'date_of_birth:Feb 5 2014',
      'date_of_birth:05/02/14',
    ]);
  });
});

describe('examples, placeholders and colleagues are left alone', () => {
  test.each([
    ['Test the parser with 020 7946 0555 and 0113 496 0777 (Ofcom drama range, nobody answers)'],
    ['Mailbox for the trial is virtualschool@example.org.uk and the bot sends from bot.one@sandbox.invalid'],
    ['assert is_valid("1860913903")  # the example number from our spec'],
    ['From: Priya Raman (Business Support)\nTo: Performance\nCould someone check the March return?'],
    ['Present: Tom Ellery (Calderdale), Nina Fox (chair)'],
    ['Haydn Price here, new analyst at a unitary. Glad to join.'],
  ])('%s', (text) => expect(found(text)).toEqual([]));

  test('a sender at a webmail address is a family member', () => {
    expect(found('From: Carla Dunmore <carla.dunmore77@gmail.com>\nSubject: my son')).toEqual(expect.arrayContaining(['name:Carla Dunmore', 'email:carla.dunmore77@gmail.com']));
  });
});

import { detectPersonalData } from '../src/moderation';

/** kind:text for each finding, after checking each span indexes the text exactly. */
function found(text: string): string[] {
  const findings = detectPersonalData(text);
  for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  return findings.map((f) => `${f.kind}:${f.text}`);
}
const names = (text: string) => found(text).filter((f) => f.startsWith('name:'));

describe('household and labelled names', () => {
  test('children listed after "the kids are" / "kids", with diacritics', () => {
    expect(names('The kids are Ștefan and Ilinca, the import mangles the accents.')).toEqual(['name:Ștefan', 'name:Ilinca']);
    expect(names('Family name Farrelly, kids Cian and Roisin. Which code wins?')).toEqual(['name:Farrelly', 'name:Cian', 'name:Roisin']);
  });

  test('a field label in shouted capitals and a hyphenated forename', () => {
    expect(names('RETURN FAILS FOR SURNAME OKORONKWO, FORENAME GRACE')).toContain('name:OKORONKWO');
    expect(names("census has 'Lily-Rose' as forename but the case system drops the hyphen")).toEqual(['name:Lily-Rose']);
  });

  test('a place that is also a given name, before a surname; a town surname next to a phone', () => {
    expect(names("the slide shows a real child's name, Devon Walsh, in the table")).toEqual(['name:Devon Walsh']);
    expect(found('His details: Wayne Skipton, 07700 900 441.')).toEqual(['name:Wayne Skipton', 'phone:07700 900 441']);
  });

  test('lower-case names in chat: after a relation in brackets, after a title with a word-like given name', () => {
    expect(names('the child (yusuf) lives at the address on file')).toEqual(['name:yusuf']);
    expect(names('mr sonny ward rang about his son')).toContain('name:sonny ward');
    expect(names("real pupil, don't share it")).toEqual([]);
  });

  test("the Children's Commissioner is no child", () => {
    expect(names("The Children's Commissioner, Dame Harriet Vane, wrote to all directors")).toEqual([]);
  });
});

describe('professionals and authors', () => {
  test.each([
    ['The Coram report by Helen Birch on unit costs is worth a read.'],
    ['As Tom Ridley et al. showed, placement moves cluster in the first year.'],
    ["Helen Birch's review found that most moves follow a crisis."],
    ['Cheers for the template. Dan Whitlow, Performance & Intelligence, North Somerset'],
    ['Thanks all\nKaren Oduya\nSenior Data Analyst'],
    ["the dates came from the Ge'ez calendar via the UASC team for the kids"],
  ])('%s', (text) => expect(names(text)).toEqual([]));
});

describe('homes', () => {
  test('a named estate after a relative or mate’s place', () => {
    expect(found("sofa surfing, last known at his mate's on Birchfield Estate.")).toContain('address:Birchfield Estate');
  });

  test('a house name after "e.g." is an address when a postcode follows it', () => {
    expect(found("the carer's home address, e.g. 'Ivy Farm, Mill Lane, Little Ayton, TS9 6NB'")).toEqual([
      'address:Ivy Farm, Mill Lane, Little Ayton',
      'postcode:TS9 6NB',
    ]);
  });
});

describe('examples, made-up data and typos', () => {
  test('a number shown failing its check is not held', () => {
    expect(found('The validator correctly rejects 4010232138 as an NHS number, the check digit does not match.')).toEqual([]);
    expect(found("is_upn('B801200005002') # FALSE")).toEqual([]);
  });

  test("HMRC's example NI number in a pattern question, but not in a record", () => {
    expect(found("My regex matches 'AB123456C' but what about spaces?")).toEqual([]);
    expect(found('the record has NI no AB 12 34 56 C in the notes')).toEqual(['ni_number:AB 12 34 56 C']);
  });

  test('rows with stand-in ids, or a text saying its rows are made up', () => {
    expect(found('CHILD,DOB\nTEST7,2014-05-06\nTEST8,2013-07-08')).toEqual([]);
    expect(found('These are made up:\nCHILD,DOB\n55123,2014-05-06')).toEqual([]);
    expect(found('CHILD,DOB\n55123,2014-05-06')).toEqual(['local_id:55123', 'date_of_birth:2014-05-06']);
  });

  test('a very old year right after "DOB" is a typo for a birth date; 1 Jan 1900 is a placeholder', () => {
    expect(found('his DOB was keyed as 03/04/1871 instead of 03/04/2011')).toContain('date_of_birth:03/04/1871');
    expect(found('DOB 01/01/1900 for unknowns')).toEqual([]);
  });

  test('"Pers ID" is a local id label', () => {
    expect(found("I keep seeing 'Pers ID 77120' in the output")).toEqual(['local_id:77120']);
  });
});

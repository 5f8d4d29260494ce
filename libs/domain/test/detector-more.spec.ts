import { detectPersonalData, type FindingKind } from '../src/moderation';

/** Kind and text of each finding, after checking every span indexes the original text exactly. */
function detect(text: string): [FindingKind, string][] {
  const findings = detectPersonalData(text);
  for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  return findings.map((f) => [f.kind, f.text]);
}

describe('usernames named as someone’s account, without an @', () => {
  test.each<[string, string]>([
    ['worried about contact on snapchat, the account is mikey.t_2k09 and police know', 'mikey.t_2k09'],
    ['his psn gamertag NightOwl2231x keeps coming up', 'NightOwl2231x'],
    ['she uses blaze_99 on TikTok and we have screenshots', 'blaze_99'],
    ['the older lad on insta (d_rell_m4n) has been messaging her', 'd_rell_m4n'],
    ["Format is platform|handle, e.g. 'Roblox|kai.r7x'", 'kai.r7x'],
    ['he goes by jj_storm07 online', 'jj_storm07'],
  ])('%s', (text, handle) => {
    expect(detect(text)).toContainEqual(['social_handle', handle]);
  });

  test.each([
    'the Discord server has a channel for the census data team',
    'SELECT CHILD_ID, DOB_DATE FROM placements; we post updates on Teams',
    'Saved it as export_2024.csv and shared on our Teams channel',
  ])('no handle in %s', (text) => {
    expect(detect(text).filter(([kind]) => kind === 'social_handle')).toEqual([]);
  });
});

describe('dates of birth with the cue further away or the date miswritten', () => {
  test.each<[string, string]>([
    ["the system rejects it because DOB is '30/02/2011'", '30/02/2011'],
    ['our provider sends DOBs like 11-23-2016 in US order', '11-23-2016'],
    ['The DOB on the file is wrong. It should be 14/08/2013 according to the birth certificate', '14/08/2013'],
    ['the extract has a mum DOB column for no reason, e.g. 03/11/1990, should we drop it?', '03/11/1990'],
    ['it shows 2012-06-30 00:00:00 (that is the child DOB) in the export', '2012-06-30'],
  ])('%s', (text, date) => {
    expect(detect(text)).toContainEqual(['date_of_birth', date]);
  });

  test.each([
    'the return is due 31/06/2025, which is not a date, someone fix the guidance',
    'Rule 8520: DOB must be before 31/08/2024',
  ])('no birth date in %s', (text) => {
    expect(detect(text).filter(([kind]) => kind === 'date_of_birth')).toEqual([]);
  });
});

describe('local ids: prefixed, repeated bare, and in XML', () => {
  test('a person reference and its digits written again', () => {
    const found = detect('Eclipse person reference shows as PR-0041207 on screen but 41207 in the extract');
    expect(found).toContainEqual(['local_id', 'PR-0041207']);
    expect(found).toContainEqual(['local_id', '41207']);
  });

  test('an LAchildID element', () => {
    expect(detect('<LAchildID>KB551904</LAchildID>')).toContainEqual(['local_id', 'KB551904']);
  });

  test.each(['Merged in PR-0041207 yesterday, see the changelog', 'WHERE STEP_TYPE_ID IN (1234, 1235)', 'child ids like 1234, 1235 in the spec'])(
    'no id in %s',
    (text) => {
      expect(detect(text).filter(([kind]) => kind === 'local_id')).toEqual([]);
    },
  );
});

describe('phones that lost their leading zero', () => {
  test.each<[string, string]>([
    ["dad's mobile 07911 204417 shows as 7911204417 in the sheet", '7911204417'],
    ['Excel turns the tel no 01632 555201 into 1632555201', '1632555201'],
  ])('%s', (text, phone) => {
    expect(detect(text)).toContainEqual(['phone', phone]);
  });

  test('a ten-digit count is no phone', () => {
    expect(detect('we processed 7911204417 bytes overnight').filter(([kind]) => kind === 'phone')).toEqual([]);
  });
});

describe('streets and labels', () => {
  test('a street the family moved from', () => {
    expect(detect('the family moved from Larch Crescent to the other side of town')).toContainEqual(['address', 'Larch Crescent']);
  });

  test.each([
    "Don't want anything that could be a real child in test data",
    'The CIN census wants YYYY-MM-DD for every date field',
    'Columns: PersonID | Name | NINO | Accom | Status',
    'Ron, we do it with a lookup in the warehouse',
  ])('no name in %s', (text) => {
    expect(detect(text).filter(([kind]) => kind === 'name')).toEqual([]);
  });
});

import { checkContent, ContentCheck, detectPersonalData, Finding, moderationOutcome } from '../src/moderation';

/** What the moderation job decides from a text: abuse, spam, and the one outcome that wins. */

describe('abuse', () => {
  test('a profanity is abusive, with its span', () => {
    const check = checkContent('What the fuck is this validator doing');
    expect(check.abusive).toBe(true);
    expect(check.abuseTerms).toEqual([{ start: 9, end: 13, text: 'fuck' }]);
  });

  test.each(['this tool is sh1t', 'f*cking useless', 'fuuuuck this', 'you b1tch'])('obfuscated: %s', (text) => {
    expect(checkContent(text).abusive).toBe(true);
  });

  test('indices are right after emoji', () => {
    const text = '😀 “shit”';
    const [term] = checkContent(text).abuseTerms;
    expect(term).toEqual({ start: 4, end: 8, text: 'shit' });
  });

  test.each([
    'Scunthorpe and Penistone both submitted their returns',
    'The assessment was completed within 45 days',
    'Classes, passes and Essex',
    'The SSDA903 SEX field and rape or incest offence categories',
    'Cocktail party in Middlesex and Hancock analysis',
  ])('clean: %s', (text) => {
    const check = checkContent(text);
    expect(check.abusive).toBe(false);
    expect(check.abuseTerms).toEqual([]);
  });
});

describe('spam', () => {
  test('more than three links', () => {
    const text = 'See https://a.example/1 https://b.example/2 https://c.example/3 and www.d.example for more on this topic';
    expect(checkContent(text).spamReasons).toEqual(['too_many_links']);
    const three = 'See https://a.example/1 https://b.example/2 and https://c.example/3 for more on this topic';
    expect(checkContent(three).spam).toBe(false);
  });

  test('a link with almost nothing else, unless it is a public-sector site', () => {
    expect(checkContent('https://cheap-deals.example/x').spamReasons).toEqual(['link_only']);
    expect(checkContent('see www.cheap-deals.example').spamReasons).toEqual(['link_only']);
    expect(checkContent('Guidance: https://www.gov.uk/government/collections/children-looked-after.').spam).toBe(false);
    expect(checkContent('The new link https://example.org/tool works well for our team now').spam).toBe(false);
  });

  test('known spam phrasing', () => {
    expect(checkContent('Best online casino bonuses this week').spamReasons).toEqual(['spam_phrase']);
    expect(checkContent('We offer SEO services and backlinks').spamReasons).toEqual(['spam_phrase']);
    expect(checkContent('Please click here to download the file, it fails for screen readers').spam).toBe(false);
  });

  test('the same text as a recent one, ignoring case and spacing; short replies may repeat', () => {
    const text = 'The demand model forecast is great, thanks!';
    expect(checkContent(text, { recentTexts: ['older', 'the demand model  forecast is GREAT, thanks!'] }).spamReasons).toEqual(['duplicate']);
    expect(checkContent(text, { recentTexts: ['The demand model forecast is good, thanks!'] }).spam).toBe(false);
    expect(checkContent(text).spam).toBe(false);
    expect(checkContent('Thanks!', { recentTexts: ['Thanks!'] }).spam).toBe(false);
  });

  test('long runs of one character or one word', () => {
    expect(checkContent('aaaaaaaaaaaaaaaaaaaa').spamReasons).toEqual(['repeated_characters']);
    expect(checkContent('😀😀😀😀😀😀😀😀😀😀😀😀').spamReasons).toEqual(['repeated_characters']);
    expect(checkContent('spam spam spam spam spam spam').spamReasons).toEqual(['repeated_words']);
    expect(checkContent('buy now buy now buy now buy now buy now buy now').spamReasons).toEqual(['spam_phrase', 'repeated_words']);
  });

  test('data that repeats is not spam', () => {
    expect(checkContent('Counts were 0, 0, 0, 0, 0, 0, 0 and the ID 00000000000000000000').spam).toBe(false);
    expect(checkContent('Heading\n----------------------\nvery very very good').spam).toBe(false);
  });
});

describe('checkContent and moderationOutcome', () => {
  test('the result matches its exported schema', () => {
    const check = checkContent('NHS 943 476 5919 fuck https://a.example https://b.example https://c.example https://d.example');
    expect(ContentCheck.parse(check)).toEqual(check);
    expect(check.personalData).toEqual(detectPersonalData('NHS 943 476 5919 fuck https://a.example https://b.example https://c.example https://d.example'));
  });

  test('personal data wins over abuse, abuse over spam', () => {
    const links = 'https://a.example https://b.example https://c.example https://d.example';
    expect(moderationOutcome(checkContent(`NHS 943 476 5919, fuck this ${links}`))).toBe('personal_data');
    expect(moderationOutcome(checkContent(`fuck this ${links}`))).toBe('abusive');
    expect(moderationOutcome(checkContent(links))).toBe('spam');
    expect(moderationOutcome(checkContent('We would love the demand model to forecast by placement type.'))).toBe('clean');
  });

  test('a low-confidence finding still needs a person to look', () => {
    expect(moderationOutcome(checkContent('NHS no 485 777 3456'))).toBe('personal_data');
  });

  test('precedence on hand-made checks', () => {
    const finding: Finding = { kind: 'postcode', start: 0, end: 6, text: 'M1 1AE', confidence: 'medium' };
    const base: ContentCheck = { personalData: [], abusive: false, abuseTerms: [], spam: false, spamReasons: [] };
    expect(moderationOutcome(base)).toBe('clean');
    expect(moderationOutcome({ ...base, spam: true, spamReasons: ['duplicate'] })).toBe('spam');
    expect(moderationOutcome({ ...base, spam: true, abusive: true })).toBe('abusive');
    expect(moderationOutcome({ ...base, spam: true, abusive: true, personalData: [finding] })).toBe('personal_data');
  });
});

import examples from './pii-examples.json';
import { detectPersonalData, Finding, FindingKind, redact } from '../src/moderation';

/**
 * Runs the detector and checks what must hold for every result: spans index the text exactly (UTF-16),
 * come sorted, and never overlap. Returns [kind, text, confidence] triples for compact expectations.
 */
function detect(text: string): [FindingKind, string, Finding['confidence']][] {
  const findings = detectPersonalData(text);
  let previousEnd = 0;
  for (const f of findings) {
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(f.start).toBeGreaterThanOrEqual(previousEnd);
    expect(f.end).toBeGreaterThan(f.start);
    previousEnd = f.end;
  }
  return findings.map((f) => [f.kind, f.text, f.confidence]);
}

describe('pii-examples.json', () => {
  describe('NHS numbers', () => {
    // The 999 range passes the check but is NHS Digital's test range, never issued to a person.
    const issued = examples.nhs_number.valid.filter((n) => !n.startsWith('999'));
    const placeholders = ['123 456 7890'];

    test.each(issued)('valid %s is found with high confidence, alone and in a sentence', (nhs) => {
      expect(detect(nhs)).toEqual([['nhs_number', nhs, 'high']]);
      expect(detect(`The child's NHS number is ${nhs}, per the health team.`)).toEqual([['nhs_number', nhs, 'high']]);
      expect(detect(`Reference ${nhs} was on the case note.`)).toEqual([['nhs_number', nhs, 'high']]);
    });

    test.each(examples.nhs_number.valid.filter((n) => n.startsWith('999')))('test-range %s is never reported', (nhs) => {
      expect(detect(`NHS number ${nhs}`)).toEqual([]);
    });

    test.each(examples.nhs_number.invalid.filter((n) => !placeholders.includes(n)))('invalid %s is not reported without NHS context, low with it', (nhs) => {
      expect(detect(nhs)).toEqual([]);
      expect(detect(`Reference ${nhs} was on the case note.`)).toEqual([]);
      expect(detect(`NHS no ${nhs}`)).toEqual([['nhs_number', nhs, 'low']]);
    });
  });

  describe('UPNs', () => {
    // High needs the check letter and a real LA code; the check letter alone (DfE test UPNs such as LA 950 or 001) is medium.
    test.each(examples.upn.valid)('valid %s is found', (upn) => {
      const confidence = ['950', '001'].includes(upn.slice(1, 4)) ? 'medium' : 'high';
      expect(detect(upn)).toEqual([['upn', upn, confidence]]);
      expect(detect(`We matched ${upn} across the census and CIN returns.`)).toEqual([['upn', upn, confidence]]);
    });

    test.each(examples.upn.invalid)('invalid %s is not reported without UPN context', (upn) => {
      expect(detect(upn)).toEqual([]);
      expect(detect(`We matched ${upn} across the census and CIN returns.`)).toEqual([]);
    });

    test('invalid UPN-shaped tokens near "UPN"/"pupil" are low; one with a letter no UPN uses is not', () => {
      expect(detect('UPN A801200005001 was rejected')).toEqual([['upn', 'A801200005001', 'low']]);
      expect(detect('the pupil R247962919251 left')).toEqual([['upn', 'R247962919251', 'low']]);
      expect(detect('UPN Q207000016049')).toEqual([['upn', 'Q207000016049', 'low']]);
      // I, O and S are not in the UPN alphabet, so this cannot be a mistyped UPN.
      expect(detect('UPN I072272729588')).toEqual([]);
    });
  });

  describe('NI numbers', () => {
    test.each(examples.ni_number.valid)('valid %s is found with high confidence', (ni) => {
      expect(detect(ni)).toEqual([['ni_number', ni, 'high']]);
      expect(detect(`Dad's NI number is ${ni} if that helps.`)).toEqual([['ni_number', ni, 'high']]);
    });

    test.each(examples.ni_number.invalid)('invalid %s is not reported, even after "NI number"', (ni) => {
      expect(detect(ni)).toEqual([]);
      expect(detect(`NI number ${ni}`)).toEqual([]);
    });
  });

  describe('postcodes', () => {
    test.each(examples.postcode.valid)('valid %s is found with medium confidence', (postcode) => {
      expect(detect(postcode)).toEqual([['postcode', postcode, 'medium']]);
      expect(detect(`The family moved to ${postcode} last month.`)).toEqual([['postcode', postcode, 'medium']]);
    });

    test.each(examples.postcode.invalid)('invalid %s is not reported', (postcode) => {
      expect(detect(postcode)).toEqual([]);
      expect(detect(`The family moved to ${postcode} last month.`)).toEqual([]);
    });
  });

  test('sentences with personal data give exactly the right kinds and spans', () => {
    const [nhs, upn, contact] = examples.sentences_with_pii;
    expect(detect(nhs)).toEqual([['nhs_number', '943 476 5919', 'high']]);
    expect(detect(upn)).toEqual([['upn', 'B801200005001', 'high']]);
    expect(detect(contact)).toEqual([
      ['email', 'jo.bloggs@example.gov.uk', 'high'],
      ['phone', '07700 900123', 'medium'],
    ]);
  });

  test.each(examples.sentences_without_pii)('no findings in "%s"', (sentence) => {
    expect(detect(sentence)).toEqual([]);
  });
});

describe('NHS numbers', () => {
  test('grouped with hyphens, and solid after "nhs:"', () => {
    expect(detect('NHS number 485-777-3457 is on the referral')).toEqual([['nhs_number', '485-777-3457', 'high']]);
    expect(detect('nhs:4857773457')).toEqual([['nhs_number', '4857773457', 'high']]);
  });

  test('check edge cases: 11 becomes 0; a computed check of 10 is never valid', () => {
    // 4010232110: 11 − (sum mod 11) = 11, so the check digit is 0.
    expect(detect('Ref 401 023 2110')).toEqual([['nhs_number', '401 023 2110', 'high']]);
    // 401023217x: 11 − (sum mod 11) = 10, which no NHS number can have, whatever the last digit.
    expect(detect('Ref 401 023 2170')).toEqual([]);
    expect(detect('Ref 4010232171')).toEqual([]);
  });

  test('two numbers separated only by a space are both found', () => {
    expect(detect('Siblings 943 476 5919 485 777 3457')).toEqual([
      ['nhs_number', '943 476 5919', 'high'],
      ['nhs_number', '485 777 3457', 'high'],
    ]);
  });

  test('a failing number right after "NHS" is flagged low, even solid and before a full stop', () => {
    expect(detect('Her NHS number: 4857773456.')).toEqual([['nhs_number', '4857773456', 'low']]);
  });

  test('10-digit order and reference numbers that fail the checksum are not reported', () => {
    expect(detect('Order 5551234567 arrived on Tuesday')).toEqual([]);
    expect(detect('Rule 4857773456 fires on every episode')).toEqual([]);
    expect(detect('Invoice 1234567890 for the licence')).toEqual([]);
  });

  test('not when part of a longer digit run, a decimal, or an alphanumeric code', () => {
    // 1614960003 passes the NHS check, but here it is the end of a phone number.
    expect(detect('+44 161 496 0003')).toEqual([['phone', '+44 161 496 0003', 'medium']]);
    expect(detect('48577734571')).toEqual([]);
    expect(detect('14857773457')).toEqual([]);
    expect(detect('10 485 777 3457')).toEqual([]);
    expect(detect('ratio 3.4857773457')).toEqual([]);
    expect(detect('code 4857773457X')).toEqual([]);
  });

  test('ISBN-10s (same mod-11 check) and placeholder numbers are not NHS numbers', () => {
    expect(detect('ISBN 0306406152')).toEqual([]);
    expect(detect('ISBN: 0306406152 and NHS 943 476 5919')).toEqual([['nhs_number', '943 476 5919', 'high']]);
    expect(detect('ISBN 978-0-306-40615-7')).toEqual([]);
    expect(detect('the default is 0000000000')).toEqual([]);
    expect(detect('the default is 1111111111')).toEqual([]);
  });

  test('mixed separators are not an NHS number', () => {
    expect(detect('943 476-5919')).toEqual([]);
  });
});

describe('UPNs', () => {
  test('temporary UPN with a final letter, and lower-case UPNs', () => {
    expect(detect('Temporary UPN X00180001701A until the DfE issues one')).toEqual([['upn', 'X00180001701A', 'medium']]);
    expect(detect('upn b801200005001 in the extract')).toEqual([['upn', 'b801200005001', 'high']]);
  });

  test('not inside a longer token', () => {
    expect(detect('B8012000050012')).toEqual([]);
    expect(detect('XB801200005001')).toEqual([]);
  });
});

describe('NI numbers', () => {
  test('spacing variants are high; solid lower case is medium; spaced lower case is prose', () => {
    expect(detect('NI: JG 10 37 59 A')).toEqual([['ni_number', 'JG 10 37 59 A', 'high']]);
    expect(detect('NI: JG 103759 A')).toEqual([['ni_number', 'JG 103759 A', 'high']]);
    expect(detect('ni ab123456c')).toEqual([['ni_number', 'ab123456c', 'medium']]);
    expect(detect('on 12 34 56 a')).toEqual([]);
  });

  test('no suffix letter, or a longer token, is not an NI number', () => {
    expect(detect('AB123456')).toEqual([]);
    expect(detect('AB 12 34 56 CD')).toEqual([]);
  });
});

describe('postcodes', () => {
  test('in addresses, without a space, lower case, and GIR 0AA', () => {
    expect(detect('Their home is 4 Mill Lane, Sheffield S10 2TN.')).toEqual([
      ['address', '4 Mill Lane', 'high'],
      ['postcode', 'S10 2TN', 'medium'],
    ]);
    expect(detect('SW1A1AA')).toEqual([['postcode', 'SW1A1AA', 'medium']]);
    expect(detect('lives at 12 Acacia Ave, le1 1aa')).toEqual([
      ['address', '12 Acacia Ave', 'high'],
      ['postcode', 'le1 1aa', 'low'],
    ]);
    expect(detect('GIR 0AA')).toEqual([['postcode', 'GIR 0AA', 'medium']]);
  });

  test('look-alikes from everyday data talk are not postcodes', () => {
    expect(detect('KS2 3RD attempt and ks2 3rd')).toEqual([]);
    expect(detect('LA 202 and LA 938 both returned the CIN 2024 file')).toEqual([]);
    expect(detect('The SSDA903 episodes and SEN2 tables')).toEqual([]);
    expect(detect('le11st')).toEqual([]);
  });
});

describe('email addresses', () => {
  test('found with high confidence, without trailing punctuation', () => {
    expect(detect('Write to jo.bloggs+ssda903@example.gov.uk.')).toEqual([['email', 'jo.bloggs+ssda903@example.gov.uk', 'high']]);
    expect(detect('(kerry.moss@council.example.org)')).toEqual([['email', 'kerry.moss@council.example.org', 'high']]);
  });

  test('handles and half-addresses are not emails', () => {
    expect(detect('thanks @jo and team@ the LA')).toEqual([]);
  });
});

describe('phone numbers', () => {
  test.each([
    ['Call 07700 900123 after 3pm', '07700 900123'],
    ['mobile 07700900123', '07700900123'],
    ['ring 0161 496 0000 ext 2', '0161 496 0000'],
    ['on (0161) 496 0000', '(0161) 496 0000'],
    ['home 020 7946 0018', '020 7946 0018'],
    ['landline 020-7946-0018', '020-7946-0018'],
    ['tel. +44 7700 900123', '+44 7700 900123'],
    ['tel. +44 (0)20 7946 0018', '+44 (0)20 7946 0018'],
    ['call +44 07700 900123', '+44 07700 900123'],
    ['Tel: 01632 960123.', '01632 960123'],
  ])('%s', (text, phone) => {
    expect(detect(text)).toEqual([['phone', phone, 'medium']]);
  });

  test('two numbers in one run are two findings', () => {
    expect(detect('07700 900123 07700 900124')).toEqual([
      ['phone', '07700 900123', 'medium'],
      ['phone', '07700 900124', 'medium'],
    ]);
  });

  test('counts, years, versions, times, dates and foreign numbers are not phones', () => {
    expect(detect('2,345 of 9,876 episodes in 2024/25')).toEqual([]);
    expect(detect('version 10.0.19045 and v1.07700900123')).toEqual([]);
    expect(detect('meeting at 10:30 on 01/04/2024, 2023-24 return')).toEqual([]);
    expect(detect('1,048,576 rows, 0.0123456789 error')).toEqual([]);
    expect(detect('US office +1 202 555 0143')).toEqual([]);
    expect(detect('0161 496')).toEqual([]);
  });
});

describe('dates of birth', () => {
  test.each([
    ['She was born 12/03/2015 in Leeds', '12/03/2015'],
    ['DOB: 12-03-2015', '12-03-2015'],
    ['d.o.b. 12 March 2015', '12 March 2015'],
    ['date of birth is 2015-03-12', '2015-03-12'],
    ['Date of Birth: March 12, 2015', 'March 12, 2015'],
    ['his birthday is the 12th of March 2015', '12th of March 2015'],
    ['born 12/03/15', '12/03/15'],
    ['12.03.2015 (DOB)', '12.03.2015'],
  ])('%s', (text, date) => {
    expect(detect(text)).toEqual([['date_of_birth', date, 'high']]);
  });

  test('dates without a birth word are everyday talk and not reported', () => {
    expect(detect('The episode started 12/03/2015 and ended 2016-04-01')).toEqual([]);
    expect(detect('Placement from 12 March 2015 to 1 April 2016')).toEqual([]);
  });

  test('cohorts, other sentences, other columns and look-alike words do not count', () => {
    expect(detect('Children born between 01/09/2015 and 31/08/2016 are in scope')).toEqual([]);
    expect(detect('The DOB field is required; placement ended 12/03/2015')).toEqual([]);
    expect(detect('The placement ended 01/04/2024 (DOB column blank)')).toEqual([]);
    expect(detect('stubborn bug since 12/03/2015')).toEqual([]);
    expect(detect('Osborne 12/03/2015')).toEqual([]);
    expect(detect('born 31/02/2015')).toEqual([]);
  });
});

describe('overlapping candidates', () => {
  test('digits inside an email address are part of the email only', () => {
    expect(detect('mail jo.4857773457@example.com')).toEqual([['email', 'jo.4857773457@example.com', 'high']]);
  });

  test('a number that is both a valid NHS number and a phone number is reported once, as the NHS number', () => {
    // 0163296014 passes the NHS check and is also a 10-digit 01 phone number.
    expect(detect('0163296014')).toEqual([['nhs_number', '0163296014', 'high']]);
  });

  test('a postcode inside an email address is part of the email', () => {
    expect(detect('SW1A1AA@example.com')).toEqual([['email', 'SW1A1AA@example.com', 'high']]);
  });
});

describe('unicode text', () => {
  test('emoji and curly quotes before an identifier do not shift the spans', () => {
    const text = '“Her NHS number is 943 476 5919” 😀😀 and email 😀jo@x.org — postcode M1 1AE';
    const findings = detectPersonalData(text);
    expect(findings.map((f) => [f.kind, f.start, f.end])).toEqual([
      ['nhs_number', text.indexOf('943'), text.indexOf('943') + 12],
      ['email', text.indexOf('jo@'), text.indexOf('jo@') + 8],
      ['postcode', text.indexOf('M1 '), text.indexOf('M1 ') + 6],
    ]);
    // Each 😀 is two UTF-16 units: the email starts at unit 50, which is only the 47th code point.
    expect(findings[1].start).toBe(50);
    expect(Array.from(text.slice(0, findings[1].start))).toHaveLength(47);
    expect(redact(text, findings)).toBe(
      '“Her NHS number is [NHS number removed]” 😀😀 and email 😀[email address removed] — postcode [postcode removed]',
    );
  });

  test('no-break spaces (pasted from Word) still group an NHS number', () => {
    expect(detect('NHS 943\u00A0476\u00A05919')).toEqual([['nhs_number', '943\u00A0476\u00A05919', 'high']]);
  });
});

describe('redact', () => {
  test('replaces every kind with its label and leaves the rest exactly', () => {
    const text =
      'NHS 943 476 5919, UPN B801200005001, NI AB 12 34 56 C, home B33 8TH, mail jo@example.org, ' +
      'phone 07700 900123, DOB 12/03/2015.';
    expect(redact(text, detectPersonalData(text))).toBe(
      'NHS [NHS number removed], UPN [UPN removed], NI [NI number removed], home [postcode removed], ' +
        'mail [email address removed], phone [phone number removed], DOB [date of birth removed].',
    );
  });

  test('the example sentence', () => {
    const text = examples.sentences_with_pii[2];
    expect(redact(text, detectPersonalData(text))).toBe('Email me at [email address removed] or call [phone number removed] about this.');
  });

  test('no findings, no change; findings may come in any order', () => {
    expect(redact('nothing here', [])).toBe('nothing here');
    const text = 'a jo@x.org b 07700 900123 c';
    expect(redact(text, [...detectPersonalData(text)].reverse())).toBe('a [email address removed] b [phone number removed] c');
  });

  test('a finding that does not match the text throws rather than leaving data in place', () => {
    const stale = detectPersonalData('NHS 943 476 5919');
    expect(() => redact('NHS 485 777 3457 now', stale)).toThrow(RangeError);
  });
});

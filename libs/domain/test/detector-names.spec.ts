import { mentionToken } from '../src/markdown';
import { detectPersonalData } from '../src/moderation';

/** The names found in a text (after checking each span indexes it exactly). */
function names(text: string): string[] {
  const findings = detectPersonalData(text);
  for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  return findings.filter((f) => f.kind === 'name').map((f) => f.text);
}

describe('names of children and family members in a case context', () => {
  test.each<[string, string[]]>([
    ['dad Darren Hughes called', ['Darren Hughes']],
    ['the Nowak twins are placed apart', ['Nowak']],
    ['Aisha K in Y9 was excluded', ['Aisha K']],
    ['foster carer Mr Patel says she is settled', ['Mr Patel']],
    ['Re: CHIDI OKONKWO – missing episode', ['CHIDI OKONKWO']],
    ['FW: Tommy Ryan - placement end reason', ['Tommy Ryan']],
    ['Oliver Brown, aged 9, placed with foster carers in Leeds', ['Oliver Brown']],
    ['Brooke (14) has been missing three times this month', ['Brooke']],
    ['Her stepdad, Wayne Collins, is listed as a household member', ['Wayne Collins']],
    ['Mrs Begum called the front door about her son.', ['Mrs Begum']],
    ['The Kowalczyk brothers are placed in different LAs.', ['Kowalczyk']],
    ['the Hendersons (foster carers) resigned in May', ['Hendersons']],
    ['The twins, Ellie and Grace, were adopted last year', ['Ellie', 'Grace']],
    ['Ivy-Rose Clarke was placed with her aunt under an SGO.', ['Ivy-Rose Clarke']],
    ["I think Mohammed's episodes were merged; he was in foster care from May.", ['Mohammed']],
    ['Poppy moved in with her nan on Sunday', ['Poppy']],
    ['hi, Reece and his brother Kyle have been placed together', ['Reece', 'Kyle']],
    ['Sibling group: Kyra, Jade and Alfie Lane, placed separately', ['Kyra', 'Jade', 'Alfie Lane']],
    ["Child known as 'Bobby' in the case notes but Robert Fletcher in the system", ['Bobby', 'Robert Fletcher']],
    ["Can the tool hide names like 'Harvey Dobson' in the tooltip?", ['Harvey Dobson']],
    ['The dashboard still shows Harrison Lee as placed with parents', ['Harrison Lee']],
    ['Hello! Kai Mensah, 16, UASC, placed in semi-independent.', ['Kai Mensah']],
    ["Thanks Priya. I'll check Noah's record in Liquidlogic.", ['Noah']],
    ['mum shannon said the school rang', ['shannon']],
    ['dad darren hughes called the duty line', ['darren hughes']],
    ['CHILD: JAYDEN SMITH', ['JAYDEN SMITH']],
    ['Re. Maya Patel: legal status C2 then V2 on the same day.', ['Maya Patel']],
    ['Kieran O\u2019Connor is 21 but he\u2019s actually 19.', ['Kieran O\u2019Connor']],
  ])('%s', (text, expected) => {
    expect(names(text).sort()).toEqual(expected.sort());
  });
});

describe('colleagues, public figures, places, councils and tools are not names', () => {
  test.each([
    'thanks Gary, that fixed the SSDA903 extract',
    'Hi Priya, could you share the ChAT template?',
    '@Helen @Gary @Sam — can you three review the v2.4 release notes?',
    'Thanks to Helen Wright and Tom Baker for reviewing the code.',
    'I spoke to Sarah Jones at the DfE about the CIN census.',
    'Great session from Kate Smith at Kirklees on the demand model.',
    'Amy and Tom from Leeds built the missing episodes tool.',
    'Just checked with Tom in the performance team.',
    'Kind regards,\nDaniel Okafor\nHead of Insight',
    'Bridget Phillipson announced the children\'s wellbeing bill today.',
    'The Children\'s Commissioner Rachel de Souza published the report.',
    'Liz Truss was Education minister when the adoption reforms started? Maybe Tim Loughton.',
    'Dartington\'s Alastair Ross gave a talk on outcome frameworks last year.',
    'Leeds, Bradford and Kirklees are piloting the new tool in Tower Hamlets.',
    'We use Mosaic, Power BI and Liquidlogic; PATCH and ChAT read the 903.',
    'Mark Scheme for the data quality audit is attached.',
    'Has anyone used the Ryan Road dataset?',
    'Grace Period (grace_period_days) is a config setting.',
    'Hope this helps!',
    'The Child Protection Conference date is missing in 12 records.',
    'Mum and baby placements are counted in the P4 code.',
    'Year 9 pupils are counted in KS3.',
    'Screenshot text: "Name: [CHILD NAME]  Legal status: V2".',
    'Our IRO Jane Green reviewed the plans.',
    'Use a dummy name like Jane Doe or Joe Bloggs in the test file.',
    'The Arthur Labinjo-Hughes and Star Hobson review by the national panel.',
    'Care Leaver Tracker 2025 is released.',
    'Revision 1, by Ann Author',
  ])('%s', (text) => {
    expect(names(text)).toEqual([]);
  });
});

test('@mentions of people on the platform are never names, whatever the display name', () => {
  const ada = mentionToken({ id: '0a1b2c3d-0000-4000-8000-00000000abcd', displayName: 'Darren Hughes' });
  const text = `Over to ${ada}: the Mosaic ID 4417702 is the one`;
  expect(detectPersonalData(text).map((f) => [f.kind, f.text])).toEqual([['local_id', '4417702']]);
});

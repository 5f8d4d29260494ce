import { examine } from './moderation.service';

/** The worst outcome over an item's text fields decides it: personal data, then abuse, then spam. */
const NHS = '943 476 5919';
const LINKS = 'https://a.example https://b.example https://c.example https://d.example';
const CLEAN = 'We would love the demand model to forecast by placement type.';
const content = (summary: string, details: string | null = null, organisation: string | null = null) => ({ summary, details, organisation });

describe('examine', () => {
  it('is clean when every field is, and then redacts nothing', () => {
    expect(examine(content(CLEAN, 'More detail on the forecast, please.', 'Kent'))).toEqual({
      outcome: 'clean',
      findings: [],
      redacted: { summary: CLEAN, details: 'More detail on the forecast, please.', organisation: 'Kent' },
    });
  });

  it('ranks personal data over abuse over spam, whichever field each is in', () => {
    expect(examine(content(LINKS)).outcome).toBe('spam');
    expect(examine(content(LINKS, 'fuck this')).outcome).toBe('abusive');
    expect(examine(content('fuck this', LINKS)).outcome).toBe('abusive');
    expect(examine(content(LINKS, 'fuck this', `NHS ${NHS}`)).outcome).toBe('personal_data');
    expect(examine(content(`Child NHS ${NHS}`, 'fuck this', LINKS)).outcome).toBe('personal_data');
    expect(examine(content(`NHS ${NHS}, fuck this ${LINKS}`)).outcome).toBe('personal_data');
  });

  it('says in which field each finding is, and redacts it there only', () => {
    const { findings, redacted } = examine(content(CLEAN, `Child NHS ${NHS} needs a review`));
    expect(findings).toEqual([expect.objectContaining({ kind: 'nhs_number', field: 'details' })]);
    expect(redacted.summary).toBe(CLEAN);
    expect(redacted.details).not.toContain(NHS);
    expect(redacted.details).toContain('[NHS number removed]');
  });

  it('the same text sent again is spam, but never hides a worse outcome', () => {
    expect(examine(content(CLEAN), [CLEAN]).outcome).toBe('spam');
    expect(examine(content(CLEAN), ['Something else entirely, about another tool.']).outcome).toBe('clean');
    expect(examine(content(CLEAN)).outcome).toBe('clean');
    expect(examine(content(`NHS ${NHS}`), [`NHS ${NHS}`]).outcome).toBe('personal_data');
    expect(examine(content('fuck this'), ['fuck this']).outcome).toBe('abusive');
  });
});

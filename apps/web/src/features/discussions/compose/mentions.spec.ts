import { parseMentions, renderMarkdown } from '@commons/domain';
import { fromMachine, insertMention, mentionQuery, toMachine } from './mentions';

const helen = { id: '11111111-1111-4111-8111-111111111111', displayName: 'Helen Clarke' };
const hel = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Helen' };

describe('readable mentions', () => {
  it('become the machine form the API parses, while written in full', () => {
    const sent = toMachine('Ask @Helen Clarke, or @Helen: cc helen@example.org', [helen, hel]);
    expect(sent).toBe(`Ask @[Helen Clarke](user:${helen.id}), or @[Helen](user:${hel.id}): cc helen@example.org`);
    expect(parseMentions(sent)).toEqual([helen.id, hel.id]);
  });

  it('are plain text again once edited, or when never picked', () => {
    expect(toMachine('Ask @Helen Clarkes and @Helen Clar', [helen])).toBe('Ask @Helen Clarkes and @Helen Clar');
    expect(toMachine('Ask @Helen Clarke', [])).toBe('Ask @Helen Clarke');
  });

  it('survive a round trip through an edit', () => {
    const body = `Hi @[Helen Clarke](user:${helen.id}) **now**`;
    const draft = fromMachine(body);
    expect(draft).toEqual({ text: 'Hi @Helen Clarke **now**', mentions: [helen] });
    expect(toMachine(draft.text, draft.mentions)).toBe(body);
    expect(renderMarkdown(toMachine(draft.text, draft.mentions))).toContain('<strong>@Helen Clarke</strong>');
  });

  it('are found as they are typed, and inserted readable', () => {
    expect(mentionQuery('Ask @Hel', 8)).toEqual({ start: 4, query: 'Hel' });
    expect(mentionQuery('Ask @Helen Cl', 13)).toEqual({ start: 4, query: 'Helen Cl' });
    expect(mentionQuery('Ask @', 5)).toBeNull();
    expect(mentionQuery('Ask @Helen ', 11)).toEqual({ start: 4, query: 'Helen ' });
    expect(mentionQuery('Ask @Helen  ', 12)).toBeNull();
    expect(mentionQuery('mail bob@example', 16)).toBeNull();
    expect(insertMention('Ask @Hel about it', 4, 8, helen)).toEqual({ text: 'Ask @Helen Clarke about it', caret: 18 });
  });
});

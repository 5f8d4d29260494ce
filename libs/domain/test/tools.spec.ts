import { compareSemver, lineDiff, slugify, ToolInput, ToolPatch } from '../src/tools';

describe('compareSemver', () => {
  it('orders by number, not text, and puts pre-releases before their release', () => {
    const versions = ['1.10.0', '1.9.0', '2.0.0-rc.1', '2.0.0', '1.9.0-beta.2', '1.9.0-beta.10', '0.1.0'];
    expect([...versions].sort(compareSemver)).toEqual(['0.1.0', '1.9.0-beta.2', '1.9.0-beta.10', '1.9.0', '1.10.0', '2.0.0-rc.1', '2.0.0']);
  });
});

describe('lineDiff', () => {
  it('marks added, removed and unchanged lines', () => {
    expect(lineDiff('a\nb\nc', 'a\nc\nd')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'same', text: 'c' },
      { op: 'added', text: 'd' },
    ]);
    expect(lineDiff('', 'x')).toEqual([{ op: 'added', text: 'x' }]);
  });
});

describe('tool schemas', () => {
  it('makes a slug from a name', () => {
    expect(slugify('  Children’s Services Analysis Tool (ChAT)! ')).toBe('children-s-services-analysis-tool-chat');
  });

  it('changes only what a patch sends (no defaults fill in the rest)', () => {
    expect(ToolPatch.parse({ summary: 'Only the summary changes' })).toEqual({ summary: 'Only the summary changes' });
    expect(ToolPatch.safeParse({}).success).toBe(false);
    expect(ToolInput.parse({ name: 'New tool', summary: 'A summary long enough' })).toMatchObject({ description: '', datasets: [], technology: [] });
  });
});

import { compareTexts } from './compare';

describe('compareTexts', () => {
  it('diffs line by line, with no phantom line for an empty text', async () => {
    expect(await compareTexts('a\nb\nc', 'a\nc\nd', 1000)).toEqual({
      approximate: false,
      diff: [
        { op: 'same', text: 'a' },
        { op: 'removed', text: 'b' },
        { op: 'same', text: 'c' },
        { op: 'added', text: 'd' },
      ],
    });
    expect(await compareTexts('', 'x', 1000)).toEqual({ approximate: false, diff: [{ op: 'added', text: 'x' }] });
    expect(await compareTexts('x', '', 1000)).toEqual({ approximate: false, diff: [{ op: 'removed', text: 'x' }] });
    expect(await compareTexts('', '', 1000)).toEqual({ approximate: false, diff: [] });
  });

  it('answers with every line replaced once the time limit is up, without blocking meanwhile', async () => {
    const many = (seed: number) => Array.from({ length: 10_000 }, (_, i) => `${(i * seed) % 997}`).join('\n');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const started = Date.now();
    const result = await compareTexts(many(1), many(13), 50);
    clearInterval(ticker);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.approximate).toBe(true);
    expect(result.diff).toHaveLength(20_000);
    expect(ticks).toBeGreaterThan(0); // the event loop ran while it worked
  });
});

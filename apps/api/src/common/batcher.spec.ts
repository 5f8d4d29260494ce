import { Batcher } from './batcher';

/** A batch runner whose batches finish when the test says so. */
function gated(parallel = 1) {
  const batches: string[][] = [];
  const gates: (() => void)[] = [];
  const batcher = new Batcher<string, string>(
    async (kind, items) => {
      batches.push(items);
      await new Promise<void>((r) => gates.push(r));
      return new Map(items.filter((i) => i !== 'absent').map((i) => [i, i === 'bad' ? new Error('bad item') : `${kind}:${i}`]));
    },
    3,
    parallel,
  );
  const tick = () => new Promise((r) => setImmediate(r));
  return { batcher, batches, open: async () => (gates.shift()!(), tick()), tick };
}

describe('Batcher', () => {
  it('runs a call at once when idle, and what arrives meanwhile as the next batch, at most `max`', async () => {
    const { batcher, batches, open, tick } = gated();
    const first = batcher.add('k', 'a');
    await tick();
    expect(batches).toEqual([['a']]);
    const rest = ['b', 'c', 'd', 'e'].map((i) => batcher.add('k', i));
    await tick();
    expect(batches).toEqual([['a']]);
    await open();
    expect(await first).toBe('k:a');
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
    await open();
    expect(batches).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
    await open();
    expect(await Promise.all(rest)).toEqual(['k:b', 'k:c', 'k:d', 'k:e']);
  });

  it('runs up to `parallel` batches at once, the next one filling while they run', async () => {
    const { batcher, batches, open, tick } = gated(2);
    const all = ['a', 'b', 'c', 'd', 'e', 'f'].map((i) => batcher.add('k', i));
    await tick();
    // 'a' started alone, 'b' beside it (the second slot); the rest wait for a slot.
    expect(batches).toEqual([['a'], ['b']]);
    await open();
    expect(batches).toEqual([['a'], ['b'], ['c', 'd', 'e']]);
    await open();
    expect(batches).toEqual([['a'], ['b'], ['c', 'd', 'e'], ['f']]);
    await open();
    await open();
    expect(await Promise.all(all)).toEqual(['k:a', 'k:b', 'k:c', 'k:d', 'k:e', 'k:f']);
  });

  it('fails only the item that failed; an item asked twice is done once for both', async () => {
    const { batcher, batches, open, tick } = gated();
    const busy = batcher.add('k', 'a');
    await tick();
    const settled = Promise.allSettled(['bad', 'b', 'b', 'absent'].map((i) => batcher.add('k', i)));
    await open();
    await open();
    expect(batches).toEqual([['a'], ['bad', 'b', 'absent']]);
    expect(await busy).toBe('k:a');
    expect(await settled).toEqual([
      { status: 'rejected', reason: new Error('bad item') },
      { status: 'fulfilled', value: 'k:b' },
      { status: 'fulfilled', value: 'k:b' },
      { status: 'rejected', reason: new Error('no result for absent') },
    ]);
  });

  it('keeps kinds apart, and a batch that throws rejects its calls but not the next batch', async () => {
    let fail = true;
    const batcher = new Batcher<number, number>(async (kind, items) => {
      if (fail) throw new Error('database down');
      return new Map(items.map((i) => [i, kind === 'double' ? i * 2 : i]));
    }, 10);
    await expect(batcher.add('double', 1)).rejects.toThrow('database down');
    fail = false;
    expect(await Promise.all([batcher.add('double', 2), batcher.add('same', 2)])).toEqual([4, 2]);
  });
});

describe('Batcher keyed', () => {
  it('takes items with the same key as one (the first asked for), answering each by its key', async () => {
    const seen: { id: number; note?: string }[][] = [];
    const batcher = new Batcher<{ id: number; note?: string }, string>(
      async (_, items) => {
        seen.push(items);
        return new Map(items.map((i) => [i.id, `${i.id}:${i.note ?? '-'}`]));
      },
      10,
      1,
      (item) => item.id,
    );
    const busy = batcher.add('k', { id: 0 });
    const answers = Promise.all([batcher.add('k', { id: 1, note: 'first' }), batcher.add('k', { id: 1, note: 'second' }), batcher.add('k', { id: 2 })]);
    expect(await busy).toBe('0:-');
    expect(await answers).toEqual(['1:first', '1:first', '2:-']);
    expect(seen).toEqual([[{ id: 0 }], [{ id: 1, note: 'first' }, { id: 2 }]]);
  });
});

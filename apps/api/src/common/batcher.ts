/**
 * Group commit: calls that arrive while a batch of the same kind is running wait for it to finish and
 * then run together as the next batch. When idle a call runs at once, alone, so batching adds no
 * latency; when busy, a batch is whatever arrived during the previous one, up to `max`.
 */
export class Batcher<T, R> {
  private readonly waiting = new Map<string, Map<unknown, { item: T; waiters: { resolve: (r: R) => void; reject: (e: unknown) => void }[] }>>();
  private readonly running = new Map<string, number>();

  /**
   * `run` answers per item, by the item's key: a result, or the Error that item alone fails with. Items
   * with the same key (`keyOf`, the item itself unless given) are one item: the first one asked for.
   */
  constructor(
    private readonly run: (kind: string, items: T[]) => Promise<Map<unknown, R | Error>>,
    private readonly max: number,
    private readonly parallel = 1,
    private readonly keyOf: (item: T) => unknown = (item) => item,
  ) {}

  add(kind: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const items = this.waiting.get(kind) ?? new Map();
      this.waiting.set(kind, items);
      // The same item twice in one batch (a retried job beside its sweep) is done once for both.
      const key = this.keyOf(item);
      const entry = items.get(key) ?? { item, waiters: [] };
      entry.waiters.push({ resolve, reject });
      items.set(key, entry);
      if ((this.running.get(kind) ?? 0) < this.parallel) void this.next(kind);
    });
  }

  private async next(kind: string) {
    const items = this.waiting.get(kind);
    if (!items?.size) return;
    const batch = [...items].slice(0, this.max);
    batch.forEach(([key]) => items.delete(key));
    this.running.set(kind, (this.running.get(kind) ?? 0) + 1);
    try {
      const results = await this.run(
        kind,
        batch.map(([, entry]) => entry.item),
      );
      for (const [key, { waiters }] of batch) {
        const result = results.has(key) ? results.get(key)! : new Error(`no result for ${String(key)}`);
        for (const w of waiters) result instanceof Error ? w.reject(result) : w.resolve(result);
      }
    } catch (error) {
      for (const [, { waiters }] of batch) for (const w of waiters) w.reject(error);
    } finally {
      this.running.set(kind, this.running.get(kind)! - 1);
      void this.next(kind);
    }
  }
}

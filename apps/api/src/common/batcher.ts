/**
 * Group commit: calls that arrive while a batch of the same kind is running wait for it to finish and
 * then run together as the next batch. When idle a call runs at once, alone, so batching adds no
 * latency; when busy, a batch is whatever arrived during the previous one, up to `max`.
 */
export class Batcher<T, R> {
  private readonly waiting = new Map<string, Map<T, { resolve: (r: R) => void; reject: (e: unknown) => void }[]>>();
  private readonly running = new Map<string, number>();

  /** `run` answers per item: a result, or the Error that item alone fails with. */
  constructor(
    private readonly run: (kind: string, items: T[]) => Promise<Map<T, R | Error>>,
    private readonly max: number,
    private readonly parallel = 1,
  ) {}

  add(kind: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const items = this.waiting.get(kind) ?? new Map();
      this.waiting.set(kind, items);
      // The same item twice in one batch (a retried job beside its sweep) is done once for both.
      items.set(item, [...(items.get(item) ?? []), { resolve, reject }]);
      if ((this.running.get(kind) ?? 0) < this.parallel) void this.next(kind);
    });
  }

  private async next(kind: string) {
    const items = this.waiting.get(kind);
    if (!items?.size) return;
    const batch = [...items.keys()].slice(0, this.max);
    const waiters = batch.map((item) => items.get(item)!);
    batch.forEach((item) => items.delete(item));
    this.running.set(kind, (this.running.get(kind) ?? 0) + 1);
    try {
      const results = await this.run(kind, batch);
      batch.forEach((item, i) => {
        const result = results.has(item) ? results.get(item)! : new Error(`no result for ${String(item)}`);
        for (const w of waiters[i]) result instanceof Error ? w.reject(result) : w.resolve(result);
      });
    } catch (error) {
      for (const w of waiters.flat()) w.reject(error);
    } finally {
      this.running.set(kind, this.running.get(kind)! - 1);
      void this.next(kind);
    }
  }
}

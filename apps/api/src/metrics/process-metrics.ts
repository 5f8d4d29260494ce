import { collectDefaultMetrics, Registry } from 'prom-client';

let registry: Registry | undefined;

/**
 * prom-client's process metrics (memory, CPU, event-loop lag, GC), collected once per process: each
 * collection starts its own event-loop monitor and GC observer, and the tests start many apps in one process.
 */
export function processRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}

/** One exposition of the process metrics and `own`'s. */
export async function exposition(own: Registry): Promise<{ contentType: string; text: string }> {
  const merged = Registry.merge([processRegistry(), own]);
  return { contentType: merged.contentType, text: await merged.metrics() };
}

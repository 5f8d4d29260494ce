import 'reflect-metadata';
import { createApiApp, stopKeepingAlive } from './app';
import { loadEnv } from './config/env';

async function main() {
  const env = loadEnv();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, stopKeepingAlive);
  const app = await createApiApp(env);
  await app.listen({ port: env.PORT, host: env.HOST });
}

main().catch((error: Error) => {
  console.error(error.message.startsWith('Invalid environment') ? error.message : error);
  process.exit(1);
});

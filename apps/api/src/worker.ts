import 'reflect-metadata';
import { getPriority, setPriority } from 'node:os';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './app.module';
import { loadEnv } from './config/env';

async function main() {
  const env = loadEnv();
  // Only ever lowered: raising a priority back needs privileges the process should not have.
  if (getPriority() < env.WORKER_NICE) setPriority(env.WORKER_NICE);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('worker started');
}

main().catch((error: Error) => {
  console.error(error.message.startsWith('Invalid environment') ? error.message : error);
  process.exit(1);
});

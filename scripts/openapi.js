// Writes the API's OpenAPI document (default .tmp/openapi.json) from the built API (dist/, `npm run build:api`),
// (or API_DIST), with no database and no server: Nest's preview mode resolves the modules and routes but creates no
// provider, so nothing connects. From dist because the routes' parameter types are decorator metadata,
// which tsc emits and tsx does not.
require('reflect-metadata');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname, resolve } = require('node:path');
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');

const api = resolve(process.env.API_DIST ?? 'dist', 'apps/api/src');
const { ApiModule } = require(`${api}/app.module`);
const { loadEnv } = require(`${api}/config/env`);
const { openApiDocument } = require(`${api}/openapi`);
const { useGlobalPrefix } = require(`${api}/common/global-prefix`);

async function main() {
  const out = process.argv[2] ?? '.tmp/openapi.json';
  const app = await NestFactory.create(ApiModule.forRoot(loadEnv({})), new FastifyAdapter(), { preview: true, logger: false });
  useGlobalPrefix(app); // as createApiApp does (apps/api/src/app.ts)
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
  await app.close();
  console.log(`wrote ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';
import * as domain from '@commons/domain';
import { SESSION_COOKIE } from './auth/auth-user';
import { ERRORS, type ErrorStatus } from './common/api-doc';

/**
 * The domain's schemas by their export names, so each is one named component. Query and path schemas are
 * left out: Swagger spreads those into parameters, which it cannot do through a `$ref`.
 */
const named = z.registry<{ id: string }>();
for (const [name, value] of Object.entries(domain)) {
  if (value instanceof z.ZodType && !/(Query|Params?)$/.test(name)) named.add(value, { id: name });
}

/**
 * zod 4's own JSON Schema (draft 2020-12, which OpenAPI 3.1 uses) for every schema the controllers name.
 * A name converted two ways (a schema read differently as input and as output) would make one component
 * wrong, so it fails the build instead.
 */
function converter() {
  const seen = new Map<string, string>();
  return (schema: unknown, { schemaType }: { schemaType: 'input' | 'output' }) => {
    if (!(schema instanceof z.ZodType)) return undefined;
    const { $defs = {}, $schema: _, ...root } = z.toJSONSchema(schema, { io: schemaType, metadata: named, unrepresentable: 'any' }) as Record<string, any>;
    for (const [name, def] of Object.entries($defs as Record<string, unknown>)) {
      const json = JSON.stringify(def);
      if ((seen.get(name) ?? json) !== json) throw new Error(`OpenAPI: the schema ${name} reads differently as input and as output; name one of them apart`);
      seen.set(name, json);
    }
    return { schema: root, components: $defs };
  };
}

const error = (code: ErrorStatus) => ({ description: ERRORS[code], content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } });

/**
 * The errors every route of a kind answers, so no controller has to repeat them: 400 for any input,
 * 401 where a session is required, 413 and 415 for a body. Public routes take the cookie when there is one.
 */
function addCommonErrors(document: OpenAPIObject) {
  for (const methods of Object.values(document.paths)) {
    for (const op of Object.values(methods) as any[]) {
      const codes: ErrorStatus[] = [];
      if (op.parameters?.length || op.requestBody) codes.push(400);
      if (op.security?.length) codes.push(401);
      else op.security = [{}, { [SESSION_COOKIE]: [] }];
      if (op.requestBody) codes.push(413, 415);
      for (const code of codes) op.responses[code] ??= error(code);
    }
  }
  return document;
}

/** The OpenAPI 3.1 document of every route, from the zod schemas the routes validate with and return. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Data Tools Commons API')
    .setDescription('The JSON API under /api. Every error has the body `ErrorBody`. Sign in with POST /api/auth/login: the session cookie it sets authorizes the other calls.')
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addServer('/', "The API's own origin")
    // Named as the routes name it (ApiCookieAuth in auth.guard.ts), so Swagger UI's Authorize applies to them.
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie POST /api/auth/login sets' }, SESSION_COOKIE)
    .build();
  const document = SwaggerModule.createDocument(app, config, { standardSchemaConverter: converter() });
  const { $schema: _, ...errorBody } = z.toJSONSchema(domain.ErrorBody, { io: 'output' });
  document.components!.schemas!.ErrorBody ??= errorBody as never;
  return addCommonErrors(document);
}

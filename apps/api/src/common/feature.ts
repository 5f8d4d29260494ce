import type { Provider, Type } from '@nestjs/common';

/**
 * What a feature folder brings to the two processes (app.module.ts): both get its entities and
 * providers, the API alone its controllers and `api` providers (the socket.io side).
 */
export interface Feature {
  /** TypeORM entity classes. */
  entities?: Type[];
  providers: Provider[];
  controllers?: Type[];
  api?: Provider[];
}

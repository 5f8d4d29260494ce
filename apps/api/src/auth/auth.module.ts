import { APP_GUARD } from '@nestjs/core';
import type { Feature } from '../common/feature';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SessionEntity } from './session.entity';
import { SessionRepository } from './session.repository';

/** Sessions: who a cookie belongs to, for HTTP routes (the global guard) and sockets. */
export const authFeature: Feature = {
  entities: [SessionEntity],
  providers: [AuthService, SessionRepository],
  api: [{ provide: APP_GUARD, useClass: AuthGuard }],
};

import type { INestApplication } from '@nestjs/common';

/** Every route under /api except the feeds: feed readers are given the site's own addresses. */
export function useGlobalPrefix(app: INestApplication) {
  app.setGlobalPrefix('api', { exclude: ['feeds/releases.atom', 'feeds/initiatives.atom'] });
}

import type { LoggerOptions } from 'pino';
import type { Env } from './env';

/** pino's options for both processes and the migrate command: JSON for a log collector, or pretty at a terminal. */
export function pinoOptions(env: Env): LoggerOptions {
  return {
    level: env.LOG_LEVEL,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    ...(env.LOG_FORMAT === 'pretty' && {
      transport: {
        target: 'pino-pretty',
        options: {
          translateTime: 'SYS:HH:MM:ss',
          ignore: 'pid,hostname,req,res,responseTime',
          singleLine: true,
          // A request's line: what, how it ended, how long, its id; then the message.
          messageFormat: '{if req.method}{req.method} {req.url} {res.statusCode} {responseTime}ms {req.id} · {end}{msg}',
        },
      },
    }),
  };
}

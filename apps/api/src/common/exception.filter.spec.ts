import { Logger } from '@nestjs/common';
import { GlobalExceptionFilter } from './exception.filter';
import { RateLimitedException } from './rate-limiter';

// Services' log lines carry no request context (app.ts), so a 500's line must name the request itself.
it('answers an unexpected error with 500 and logs it with the request id its answer carries', () => {
  const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  const reply = { status: jest.fn().mockReturnThis(), type: jest.fn().mockReturnThis(), header: jest.fn().mockReturnThis(), send: jest.fn().mockReturnThis() };
  const request = { id: 'req-42', method: 'POST', url: '/api/feedback' };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => reply, getRequest: () => request }) };
  new GlobalExceptionFilter(false).catch(new Error('boom'), host as never);
  expect(reply.status).toHaveBeenCalledWith(500);
  expect(reply.send).toHaveBeenCalledWith({ error: { code: 'internal', message: 'Something went wrong on our side' } });
  expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^request req-42: Error: boom/));
  logged.mockRestore();
});

it('answers a rate limit with 429, the usual error body and Retry-After', () => {
  const reply = { status: jest.fn().mockReturnThis(), type: jest.fn().mockReturnThis(), header: jest.fn().mockReturnThis(), send: jest.fn().mockReturnThis() };
  const request = { id: 'req-43', method: 'POST', url: '/api/feedback' };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => reply, getRequest: () => request }) };
  new GlobalExceptionFilter(false).catch(new RateLimitedException(42), host as never);
  expect(reply.status).toHaveBeenCalledWith(429);
  expect(reply.header).toHaveBeenCalledWith('retry-after', '42');
  expect(reply.send).toHaveBeenCalledWith({ error: { code: 'rate_limited', message: 'Too many requests: try again in 42 seconds' } });
});

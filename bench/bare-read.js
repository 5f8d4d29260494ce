'use strict';
/**
 * The reads baseline: a bare Node `http` server (no framework, no validation, no session lookup) in
 * its own process, on 127.0.0.1, with one route:
 *
 *   GET /read   one SELECT of 20 catalogue rows through `pg` (a pool of 20, as the API's) → 200 JSON
 *
 * DATABASE_URL: the bench database (its reference catalogue). Prints one JSON line {port} once
 * listening; stops on SIGTERM/SIGINT or when its parent goes.
 */
const http = require('node:http');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20, idleTimeoutMillis: 0 });

const server = http.createServer(async (req, res) => {
  if (req.method !== 'GET' || !req.url.startsWith('/read')) {
    res.writeHead(404).end();
    return;
  }
  try {
    const { rows } = await pool.query('SELECT id, slug, name, summary, stage FROM tools ORDER BY name LIMIT 20');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: rows }));
  } catch (err) {
    res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: err.message }));
  }
});

Promise.all(Array.from({ length: 20 }, () => pool.connect()))
  .then((clients) => clients.forEach((c) => c.release()))
  .then(
    () => server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n')),
    (err) => {
      process.stderr.write(`[bare-read] ${err.message}\n`);
      process.exit(1);
    },
  );

function stop() {
  server.close();
  pool.end().catch(() => undefined);
  setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);

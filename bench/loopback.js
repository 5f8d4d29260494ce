'use strict';
/**
 * What one loopback TCP round trip costs on this machine: a client and an echo server in two processes
 * pass 200 bytes back and forth 20,000 times. Every Postgres statement and Redis command the Commons
 * sends is one such round trip, so this sets a floor under each request's cost (docs/PERFORMANCE.md).
 * Run: node bench/loopback.js
 */
const net = require('node:net');
const { fork } = require('node:child_process');

if (process.argv[2] === 'server') {
  net
    .createServer((s) => {
      s.setNoDelay(true);
      s.on('data', (d) => s.write(d));
    })
    .listen(0, '127.0.0.1', function () {
      process.send(this.address().port);
    });
} else {
  const N = 20000;
  const child = fork(__filename, ['server']);
  child.on('message', (port) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.setNoDelay(true);
      const payload = Buffer.alloc(200, 1);
      let i = 0;
      const cpu0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      s.on('data', () => {
        if (++i < N) return void s.write(payload);
        const wall = Number(process.hrtime.bigint() - t0) / 1e3 / N;
        const cpu = process.cpuUsage(cpu0);
        console.log(`loopback round trip: ${wall.toFixed(1)} µs wall; the client's CPU ${((cpu.user + cpu.system) / N).toFixed(1)} µs (kernel ${(cpu.system / N).toFixed(1)})`);
        child.kill();
        s.destroy();
      });
      s.write(payload);
    });
  });
}

'use strict';
/**
 * What one loopback TCP round trip costs on this machine: a client and an echo server in two processes
 * pass 200 bytes back and forth. Every Postgres statement and Redis command the Commons sends is one
 * such round trip, so this sets a floor under each request's cost (docs/PERFORMANCE.md, "Round trips").
 *
 * Twice: back to back (20,000 round trips, both processes always busy), then with 40 ms between round
 * trips (250 of them), as a post's statements come at 25 posts a second: each process sleeps between
 * messages, and on a virtual machine waking a sleeping core costs far more than the message itself.
 *
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
  const child = fork(__filename, ['server']);
  child.on('message', async (port) => {
    for (const [gapMs, n] of [
      [0, 20000],
      [40, 250],
    ]) {
      await rounds(port, gapMs, n);
    }
    child.kill();
  });
}

function rounds(port, gapMs, n) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.setNoDelay(true);
      const payload = Buffer.alloc(200, 1);
      let i = 0;
      let wallNs = 0n;
      let sentAt = 0n;
      const cpu0 = process.cpuUsage();
      const send = () => {
        sentAt = process.hrtime.bigint();
        s.write(payload);
      };
      s.on('data', () => {
        wallNs += process.hrtime.bigint() - sentAt;
        if (++i < n) return void (gapMs ? setTimeout(send, gapMs) : send());
        const cpu = process.cpuUsage(cpu0);
        const what = gapMs ? `${gapMs} ms apart` : 'back to back';
        console.log(
          `loopback round trip, ${what}: ${(Number(wallNs) / 1e3 / n).toFixed(1)} µs wall; the client's CPU ${((cpu.user + cpu.system) / n).toFixed(1)} µs (kernel ${(cpu.system / n).toFixed(1)})`,
        );
        s.destroy();
        resolve();
      });
      send();
    });
  });
}

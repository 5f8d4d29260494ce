#!/usr/bin/env bash
# `npm run bench`: every benchmark scenario against a real API + worker, on this machine, over
# 127.0.0.1 only. Installs what is missing, builds, creates a throwaway database and Redis prefix,
# starts the API and the worker, runs bench/run.js (which also starts its own baselines: bare
# socket.io, bare http + pg, empty BullMQ processor, and a second API instance for the scale-out
# scenario), stops everything, drops the database and deletes the prefix's keys.
#
# Prints a Markdown table on stdout and writes bench/results.json. Exits non-zero only when the
# bench itself failed; a missed target is reported ("target missed"), not an error.
#
#   COMMONS_SKIP_BUILD=1   don't run `npm run build` (dist/ is known to be current)
#   BENCH_SOCKETS, BENCH_RATE, BENCH_FAST_RATE, BENCH_SECONDS, BENCH_INTAKE*, BENCH_JOBS*,
#   BENCH_SCALEOUT, BENCH_CONNECTIONS, BENCH_CONN_*, BENCH_READS*, BENCH_TIMEOUT_S: see bench/README.md
#   BENCH_CPU_PROF=1       CPU profiles of the API and the worker in .tmp/bench/prof (bench/prof-summary.js)
#   BENCH_KEEP=1           keep the database, the Redis keys and the logs (for a post-mortem)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$COMMONS_ROOT"

# The connections scenario holds 10,000 sockets in the API (and 10,000 client sockets spread over
# several generator processes): each needs a descriptor.
want_fds=16384
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$want_fds" ]; then
  hard="$(ulimit -Hn)"
  if [ "$hard" = unlimited ] || [ "$hard" -ge "$want_fds" ]; then ulimit -n "$want_fds"; else ulimit -n "$hard"; fi
  log "open files limit raised to $(ulimit -n)"
fi
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 12000 ]; then
  warn "open files limit is $(ulimit -n) (hard limit $(ulimit -Hn)): 10,000 sockets will not fit in the API; the connections scenario opens fewer"
  export BENCH_CONNECTIONS="${BENCH_CONNECTIONS:-$(( $(ulimit -n) - 2000 > 0 ? $(ulimit -n) - 2000 : 0 ))}"
fi

ensure_node_deps

stamp="$(date +%Y%m%d%H%M%S)_$$"
# The bench gets its own database next to the configured one: same server, name commons_bench_<stamp>.
BENCH_DB="commons_bench_$stamp"
DATABASE_URL="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.href)' \
  "${DATABASE_URL:-$COMMONS_DEFAULT_DATABASE_URL}" "$BENCH_DB")"
export DATABASE_URL
export REDIS_PREFIX="commons-bench-${stamp//_/-}"

api_pid='' worker_pid='' db_created=0
logdir="$COMMONS_ROOT/.tmp/bench"
mkdir -p "$logdir"

cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  for pid in $api_pid $worker_pid; do kill -TERM "$pid" 2>/dev/null || true; done
  local deadline=$((SECONDS + 10))
  for pid in $api_pid $worker_pid; do
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  if [ "${BENCH_KEEP:-}" = 1 ]; then
    log "BENCH_KEEP=1: kept database $BENCH_DB, Redis keys $REDIS_PREFIX:*, logs in $logdir"
  else
    if [ "$db_created" = 1 ]; then
      node -e '
        const { Client } = require("pg");
        const c = new Client({ connectionString: process.argv[1] });
        c.connect().then(() => c.query(`DROP DATABASE IF EXISTS "${process.argv[2]}" WITH (FORCE)`)).then(() => c.end(), (e) => { console.error(e.message); process.exit(1); });
      ' "$_PG_ADMIN_URL" "$BENCH_DB" && log "dropped database $BENCH_DB" || warn "could not drop database $BENCH_DB"
    fi
    node -e '
      const { Redis } = require("ioredis");
      const r = new Redis(process.argv[1], { lazyConnect: true, maxRetriesPerRequest: 1 });
      (async () => {
        await r.connect();
        let cursor = "0", n = 0;
        do {
          const [next, keys] = await r.scan(cursor, "MATCH", process.argv[2] + ":*", "COUNT", 1000);
          cursor = next;
          if (keys.length) n += await r.unlink(...keys);
        } while (cursor !== "0");
        console.error(`[commons] deleted ${n} Redis keys under ${process.argv[2]}:`);
        r.disconnect();
      })().catch((e) => { console.error(e.message); process.exit(1); });
    ' "$REDIS_URL" "$REDIS_PREFIX" || warn "could not delete the Redis keys under $REDIS_PREFIX:"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_postgres # creates the bench database (it does not exist yet)
db_created=1
ensure_redis

if [ "${COMMONS_SKIP_BUILD:-}" = 1 ]; then
  log "COMMONS_SKIP_BUILD=1: not building"
else
  log "building (npm run build)"
  npm run build >&2 || die "npm run build failed (see above)"
fi
for f in dist/apps/api/src/main.js dist/apps/api/src/worker.js; do
  [ -f "$f" ] || die "$f is missing: run npm run build"
done

PORT="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
export PORT
export PUBLIC_ORIGIN="http://127.0.0.1:$PORT"
export ADMIN_EMAIL="bench-admin@commons.local"
export ADMIN_PASSWORD="bench-admin-password-$stamp"
export LOG_LEVEL=warn NODE_ENV=production SEED_DEMO=false
# The intake scenario posts tens of thousands of feedback items from loopback addresses: lift the
# per-address limit (default 10 a minute) to the highest the API accepts (1,000,000 a minute).
export FEEDBACK_RATE_PER_MINUTE=1000000
# Likewise the fan-out's poster sends thousands of messages (default 30 a minute per member).
export MESSAGE_RATE_PER_MINUTE=1000000
# And the global write throttle (every write, per member and per address), the sockets it opens from one
# address, and the sign-ups it registers.
export THROTTLE_MEMBER_WRITES_PER_MINUTE=1000000 THROTTLE_ADDRESS_WRITES_PER_MINUTE=1000000 THROTTLE_ANONYMOUS_WRITES_PER_MINUTE=1000000 SOCKET_CONNECTIONS_PER_ADDRESS_PER_MINUTE=1000000
export REGISTRATIONS_PER_ADDRESS="${REGISTRATIONS_PER_ADDRESS:-1000000}"
unset WEB_DIST

log "starting the API (127.0.0.1:$PORT) and the worker; database $BENCH_DB, Redis prefix $REDIS_PREFIX; logs in $logdir"
# BENCH_CPU_PROF=1: the API and the worker write CPU profiles to $logdir/prof when stopped (bench/cpu-prof.js).
# bench/mem-probe.js: on SIGWINCH the API writes its process.memoryUsage() to $BENCH_MEM_DIR (the
# connections scenario reads the V8 heap before and after opening 10,000 sockets).
export BENCH_MEM_DIR="$logdir/mem"
node_flags=(-r "$COMMONS_ROOT/bench/mem-probe.js")
if [ "${BENCH_CPU_PROF:-}" = 1 ]; then
  export BENCH_CPU_PROF_DIR="$logdir/prof"
  node_flags+=(-r "$COMMONS_ROOT/bench/cpu-prof.js")
  log "BENCH_CPU_PROF=1: CPU profiles of the API and the worker go to $BENCH_CPU_PROF_DIR"
fi
# The API and the worker as package.json's start:api / start:worker run them, after the bench's preloads.
launch_args
node "${node_flags[@]}" "${api_args[@]}" >"$logdir/api.log" 2>&1 &
api_pid=$!
# The worker after the API has migrated the fresh database.
node -e '
  const url = `http://127.0.0.1:${process.env.PORT}/api/health`;
  const deadline = Date.now() + 120000;
  (async () => {
    while (Date.now() < deadline) {
      try { if ((await fetch(url)).ok) process.exit(0); } catch {}
      await new Promise((r) => setTimeout(r, 300));
    }
    process.exit(1);
  })();
' || { tail -n 40 "$logdir/api.log" >&2; die "the API did not answer /api/health within 2 minutes (log above: $logdir/api.log)"; }
node "${node_flags[@]}" "${worker_args[@]}" >"$logdir/worker.log" 2>&1 &
worker_pid=$!
sleep 1
kill -0 "$worker_pid" 2>/dev/null || { tail -n 40 "$logdir/worker.log" >&2; die "the worker exited at start (log above)"; }
log "API (pid $api_pid) and worker (pid $worker_pid) are up"

rc=0
COMMONS_URL="http://127.0.0.1:$PORT" BENCH_API_PID="$api_pid" BENCH_WORKER_PID="$worker_pid" \
  timeout --kill-after=10 "$(( ${BENCH_TIMEOUT_S:-660} + 30 ))" node bench/run.js || rc=$?

for pid in $api_pid $worker_pid; do
  kill -0 "$pid" 2>/dev/null || { warn "a server process (pid $pid) died during the bench: see $logdir"; [ "$rc" -ne 0 ] || rc=1; }
done
if [ "$rc" -ne 0 ]; then
  warn "the bench failed (exit $rc); server logs: $logdir/api.log, $logdir/worker.log"
  tail -n 20 "$logdir/api.log" >&2 || true
fi
exit "$rc"

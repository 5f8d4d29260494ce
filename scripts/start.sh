#!/usr/bin/env bash
# `npm start`: installs what is missing, builds, and runs the API and the worker together
# with demo data. Ctrl-C (or SIGTERM) stops both; if either dies, the other is stopped too.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$COMMONS_ROOT"

ensure_node_deps
ensure_postgres
ensure_redis

log "building (npm run build; output in .tmp/build.log)"
mkdir -p .tmp
if ! npm run build >.tmp/build.log 2>&1; then
  tail -n 40 .tmp/build.log >&2
  die "npm run build failed (above: the end of .tmp/build.log)"
fi

export PORT="${PORT:-3000}"
export PUBLIC_ORIGIN="${PUBLIC_ORIGIN:-http://localhost:$PORT}"
export SEED_DEMO="${SEED_DEMO:-true}"
export ADMIN_EMAIL="${ADMIN_EMAIL:-admin@commons.local}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-commons-admin-demo}"
export WEB_DIST="${WEB_DIST:-$COMMONS_ROOT/dist/web}"
# Quiet and readable at the terminal: the banner below, then warnings and errors only (LOG_LEVEL=info
# or debug to see every request). Production (NODE_ENV=production) keeps JSON lines for a log collector.
export LOG_LEVEL="${LOG_LEVEL:-warn}"
if [ "${NODE_ENV:-}" = production ]; then export LOG_FORMAT="${LOG_FORMAT:-json}"; else export LOG_FORMAT="${LOG_FORMAT:-pretty}"; fi
# pino-pretty colours only what it takes for a terminal; the prefixes below pipe its output.
if [ -t 2 ] && [ -z "${NO_COLOR:-}" ]; then export FORCE_COLOR="${FORCE_COLOR:-1}"; fi

for f in dist/apps/api/src/main.js dist/apps/api/src/worker.js; do
  [ -f "$f" ] || die "$f is missing after the build"
done

# Prefixes each line of the process's output; flushes per line so logs stay live.
prefix() { awk -v p="[$1] " '{ print p $0; fflush() }'; }

api_pid='' worker_pid='' health_pid=''

stop_all() {
  local pid
  for pid in $health_pid $api_pid $worker_pid; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  # Give them 10 s to shut down cleanly, then force.
  local deadline=$((SECONDS + 10))
  for pid in $api_pid $worker_pid; do
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}

on_signal() {
  trap - INT TERM
  log "received $1: stopping the API and the worker"
  stop_all
  exit $((128 + $2))
}
trap 'on_signal SIGINT 2' INT
trap 'on_signal SIGTERM 15' TERM

log "starting the API (port $PORT) and the worker"
launch_args
node "${api_args[@]}" > >(prefix api) 2>&1 &
api_pid=$!
node "${worker_args[@]}" > >(prefix worker) 2>&1 &
worker_pid=$!

# Prints the banner once /api/health/ready answers (up to 3 minutes: first boot runs migrations and the seed).
node -e '
  const url = `http://localhost:${process.env.PORT}/api/health/ready`;
  const deadline = Date.now() + 180000;
  (async function poll() {
    while (Date.now() < deadline) {
      try { const r = await fetch(url); if (r.ok) return true; } catch {}
      await new Promise((r) => setTimeout(r, 1000));
    }
    return false;
  })().then((ok) => {
    const out = (s) => process.stderr.write(`${s}\n`);
    if (!ok) { out(`[commons] WARNING: ${url} did not answer within 3 minutes`); return; }
    const e = process.env;
    const demo = /^(true|1)$/.test(e.SEED_DEMO || "");
    const lines = [
      `Data Tools Commons is running at ${e.PUBLIC_ORIGIN}`,
      "",
      `  admin          ${e.ADMIN_EMAIL} / ${e.ADMIN_PASSWORD}`,
      ...(demo ? [
        "  demo accounts  (password commons-demo-password)",
        "                 member@camden.demo.commons.local         member",
        "                 maintainer@kent.demo.commons.local       tool maintainer",
        "                 leader@birmingham.demo.commons.local     initiative leader",
        "                 moderator@dfe.demo.commons.local         moderator",
        "                 admin@bristol.demo.commons.local         admin and moderator",
      ] : []),
      `  job queues     ${e.PUBLIC_ORIGIN}/admin/queues (admins)`,
      `  API docs       ${e.PUBLIC_ORIGIN}/api/docs`,
      "",
      `Logging warnings and errors only (LOG_LEVEL=${e.LOG_LEVEL}). Stop with Ctrl-C.`,
    ];
    const width = Math.max(...lines.map((l) => l.length));
    out("");
    out("+" + "-".repeat(width + 2) + "+");
    for (const l of lines) out(`| ${l.padEnd(width)} |`);
    out("+" + "-".repeat(width + 2) + "+");
    out("");
  });
' &
health_pid=$!

rc=0
finished=''
while :; do
  rc=0
  wait -n -p finished "$api_pid" "$worker_pid" || rc=$?
  # wait -n also returns when a trapped signal interrupts it (the trap exits), or for a
  # process substitution's end; loop until one of our two processes is the one that ended.
  if [ "$finished" = "$api_pid" ] || [ "$finished" = "$worker_pid" ]; then break; fi
  if ! kill -0 "$api_pid" 2>/dev/null || ! kill -0 "$worker_pid" 2>/dev/null; then break; fi
done

if [ "$finished" = "$api_pid" ]; then name=API; else name=worker; fi
trap - INT TERM
log "the $name exited (code $rc): stopping the other process"
stop_all
[ "$rc" -ne 0 ] || rc=1
exit "$rc"

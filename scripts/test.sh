#!/usr/bin/env bash
# `npm test` (and CI): installs what is missing, builds, runs jest, and closes with one
# plain line "jest: N passed, N failed[, N skipped]". Arguments go to jest, e.g.
#   npm test -- libs/domain          # only matching test files
# COMMONS_SKIP_BUILD=1 skips `npm run build` (when dist/ is known to be current).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$COMMONS_ROOT"

ensure_node_deps
ensure_postgres
ensure_redis
ensure_chromium

if [ "${COMMONS_SKIP_BUILD:-}" = 1 ]; then
  log "COMMONS_SKIP_BUILD=1: not building"
else
  log "building (npm run build): the process and browser tests run dist/"
  npm run build >&2 || die "npm run build failed (see above)"
fi

mkdir -p .tmp
results=.tmp/jest-results.json
rm -f "$results"

# An import cycle (between files or between the API's folders) fails CI before any test runs.
log "checking for import cycles"
npm run --silent check:cycles >&2 || die "import cycles (see above): dependencies must point one way"
log "linting the OpenAPI document"; node scripts/openapi.js >&2 && node_modules/.bin/redocly lint .tmp/openapi.json >&2 || die "OpenAPI lint errors (see above)"

log "running jest"
rc=0
# --forceExit: a test that leaks a handle (an unclosed server or connection) must not hang
# CI until its time limit; jest still names the leak ("Force exiting Jest ...").
"$COMMONS_ROOT/node_modules/.bin/jest" --ci --forceExit --json --outputFile="$results" "$@" || rc=$?

if [ ! -s "$results" ]; then
  log "jest wrote no results ($results); its exit code was $rc"
  echo "jest: 0 passed, 0 failed"
  [ "$rc" -ne 0 ] || rc=1
  exit "$rc"
fi

# Suites that failed to run (syntax errors, a throwing beforeAll...) count as failures here:
# jest does not count their tests at all.
summary="$(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const broken = (r.testResults || []).filter((s) => s.status === "failed" && !(s.assertionResults || []).some((a) => a.status === "failed"));
  for (const s of broken) process.stderr.write(`[commons] test file failed to run: ${s.name}\n`);
  const failed = r.numFailedTests + broken.length;
  const skipped = (r.numPendingTests || 0) + (r.numTodoTests || 0);
  let line = `jest: ${r.numPassedTests} passed, ${failed} failed`;
  if (skipped > 0) line += `, ${skipped} skipped`;
  console.log(line);
  console.log(r.numPassedTests + r.numFailedTests);
' "$results")" || die "could not read $results"

line="$(sed -n 1p <<<"$summary")"
ran="$(sed -n 2p <<<"$summary")"
echo "$line"

if [ "$rc" -eq 0 ] && [ "$ran" -eq 0 ]; then
  log "jest ran no test: failing"
  rc=1
fi
exit "$rc"

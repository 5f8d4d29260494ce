# shellcheck shell=bash
# Shared helpers for scripts/start.sh and scripts/test.sh. Source it; don't run it.
#
#   ensure_node_deps   npm ci when node_modules is missing or package-lock.json changed
#   ensure_postgres    PostgreSQL at $DATABASE_URL answers (starting/installing a local one
#                      if needed), and the database named in it exists
#   ensure_redis       Redis at $REDIS_URL answers (starting/installing a local one if needed)
#   ensure_chromium    a Chromium for the browser tests; exports CHROMIUM_PATH
#   launch_args        sets api_args and worker_args: node's arguments of package.json's start:api
#                      and start:worker
#
# Every function logs lines prefixed "[commons]" on stderr and exits the script with a
# message saying what to do when it cannot do its job. Safe under `set -euo pipefail`.

COMMONS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export COMMONS_ROOT

COMMONS_DEFAULT_DATABASE_URL='postgres://postgres@127.0.0.1:5432/commons'
COMMONS_DEFAULT_REDIS_URL='redis://127.0.0.1:6379'
COMMONS_WAIT_SECONDS="${COMMONS_WAIT_SECONDS:-30}"

log() { printf '[commons] %s\n' "$*" >&2; }
warn() { printf '[commons] WARNING: %s\n' "$*" >&2; }
die() {
  local line
  printf '[commons] ERROR: %s\n' "$1" >&2
  shift
  for line in "$@"; do printf '[commons]   %s\n' "$line" >&2; done
  exit 1
}

# Node's arguments of package.json's start:api / start:worker (scripts/node-args.js), so that the
# launchers run each process exactly as `npm run` does: node [their flags] "${api_args[@]}".
launch_args() {
  mapfile -t api_args < <(node "$COMMONS_ROOT/scripts/node-args.js" start:api)
  mapfile -t worker_args < <(node "$COMMONS_ROOT/scripts/node-args.js" start:worker)
  [ "${#api_args[@]}" -gt 0 ] && [ "${#worker_args[@]}" -gt 0 ] || die "package.json's start:api and start:worker must be \`node [flags] entry\`"
}

# ---------------------------------------------------------------------------------------
# Privileges and apt
# ---------------------------------------------------------------------------------------

# Runs a command as root: directly when we are root, through passwordless sudo otherwise.
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    sudo -n "$@"
  else
    return 1
  fi
}

can_root() {
  [ "$(id -u)" = 0 ] || { command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; }
}

can_apt() { command -v apt-get >/dev/null 2>&1 && can_root; }

# `apt-get update` at most once per run (the flag is exported so child scripts share it).
_apt_update_once() {
  if [ "${COMMONS_APT_UPDATED:-}" = 1 ]; then return 0; fi
  log "apt-get update"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq >&2 ||
    die "apt-get update failed" "Check the machine's access to Debian's package mirror, or install the package named above by hand."
  COMMONS_APT_UPDATED=1
  export COMMONS_APT_UPDATED
}

apt_install() {
  _apt_update_once
  log "apt-get install -y $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
    --no-install-recommends "$@" >&2 ||
    die "apt-get install $* failed" "Install it by hand: sudo apt-get install $*"
}

docker_compose_works() {
  command -v docker >/dev/null 2>&1 &&
    docker compose version >/dev/null 2>&1 &&
    docker info >/dev/null 2>&1
}

# Polls "$@" every half second until it succeeds; gives up after COMMONS_WAIT_SECONDS.
_wait_until() {
  local what="$1" deadline
  shift
  deadline=$((SECONDS + COMMONS_WAIT_SECONDS))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then return 1; fi
    sleep 0.5
  done
  log "$what answers"
}

_is_local_host() {
  case "$1" in
    '' | 127.0.0.1 | localhost | ::1 | '[::1]' | /*) return 0 ;;
    *) return 1 ;;
  esac
}

# ---------------------------------------------------------------------------------------
# Node dependencies
# ---------------------------------------------------------------------------------------

# Node 22 LTS. Where the machine's node is older (a Debian or NodeSource package), the official build
# published on the npm registry (node-linux-<arch>) is unpacked into .tmp/ and put first on PATH, so
# every node this script and its children start is 22; npm's registry is the one source reachable here.
ensure_node_22() {
  node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 22 ? 0 : 1)' && return 0
  local arch dir="$COMMONS_ROOT/.tmp/node22"
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch="" ;; esac
  [ "$(uname -s)" = Linux ] && [ -n "$arch" ] ||
    die "Node.js $(node -v) is too old: this project needs Node.js 22" "Install Node.js 22 LTS (e.g. 'nvm install 22'), then re-run."
  if ! [ -x "$dir/package/bin/node" ]; then
    log "Node.js $(node -v) is older than 22: fetching node-linux-$arch@22 from the npm registry"
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "node-linux-$arch@22" >/dev/null && tar xzf node-linux-*.tgz && rm -f node-linux-*.tgz) >&2 ||
      die "could not fetch Node.js 22 from the npm registry" "Install Node.js 22 LTS (e.g. 'nvm install 22'), then re-run."
  fi
  export PATH="$dir/package/bin:$PATH"
  log "using Node.js $(node -v) from .tmp/node22"
}

ensure_node_deps() {
  command -v node >/dev/null 2>&1 ||
    die "node is not installed" "Install Node.js 22 (https://nodejs.org or your package manager), then re-run."
  command -v npm >/dev/null 2>&1 || die "npm is not installed" "Install npm (it ships with Node.js), then re-run."
  ensure_node_22

  local stamp="$COMMONS_ROOT/node_modules/.commons-installed"
  local lock="$COMMONS_ROOT/package-lock.json"
  if [ -d "$COMMONS_ROOT/node_modules" ] && [ -f "$stamp" ] && ! [ "$lock" -nt "$stamp" ]; then
    return 0
  fi
  if [ -d "$COMMONS_ROOT/node_modules" ]; then
    log "package-lock.json changed since the last install (or the install is not ours): npm ci"
  else
    log "node_modules missing: npm ci"
  fi
  (cd "$COMMONS_ROOT" && npm ci --no-audit --no-fund) >&2 ||
    die "npm ci failed (see npm's output above)" \
      "Check access to the npm registry; 'rm -rf node_modules && npm ci' retries from scratch."
  touch "$stamp"
  log "node dependencies installed"
}

# ---------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------

# Prints host, port, database, user, password and the URL of the "postgres" maintenance
# database, and ".", one per line, for the URL in $1.
_pg_parse_url() {
  node -e '
    const u = new URL(process.argv[1]);
    if (!/^postgres(ql)?:$/.test(u.protocol)) throw new Error("not a postgres URL");
    const db = decodeURIComponent(u.pathname.replace(/^\//, "")) || decodeURIComponent(u.username) || "postgres";
    const admin = new URL(u.href); admin.pathname = "/postgres";
    const host = u.hostname || new URLSearchParams(u.search).get("host") || "";
    console.log([host, u.port || "5432", db, decodeURIComponent(u.username) || "postgres",
                 decodeURIComponent(u.password), admin.href, "."].join("\n"));
  ' "$1" 2>/dev/null
}

# Succeeds when the server in $DATABASE_URL accepts connections (auth and db not checked).
_pg_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -t 3 -d "$DATABASE_URL"
  elif [ -d "$COMMONS_ROOT/node_modules/pg" ]; then
    # A connection to the maintenance db; only "connection refused"-type errors count as silence.
    (cd "$COMMONS_ROOT" && node -e '
      const { Client } = require("pg");
      const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
      c.connect().then(() => c.end()).then(() => process.exit(0), (e) =>
        process.exit(e && (e.code === "ECONNREFUSED" || e.code === "ENOTFOUND" || e.code === "57P03" ||
          /timeout|ECONN|terminated/i.test(String(e.message))) ? 1 : 0));
    ' "$_PG_ADMIN_URL")
  else
    node -e '
      const s = require("net").connect({ host: process.argv[1] || "127.0.0.1", port: +process.argv[2] });
      s.setTimeout(3000, () => process.exit(1));
      s.on("connect", () => { s.destroy(); process.exit(0); });
      s.on("error", () => process.exit(1));
    ' "$_PG_HOST" "$_PG_PORT"
  fi
}

# Starts the local cluster listening on $_PG_PORT (Debian's postgresql-common layout).
# Returns 1 when there is no such cluster installed.
_pg_start_local_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  local ver name port status
  local found=''
  while read -r ver name port status _; do
    [ "$port" = "$_PG_PORT" ] || continue
    found="$ver/$name"
    if [ "$status" != online ]; then
      log "starting PostgreSQL cluster $ver/$name (port $port)"
      as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start >&2 ||
        die "could not start PostgreSQL cluster $ver/$name" \
          "Run as root: pg_ctlcluster --skip-systemctl-redirect $ver $name start, and read /var/log/postgresql/postgresql-$ver-$name.log"
    fi
  done < <(pg_lsclusters -h 2>/dev/null || true)
  [ -n "$found" ]
}

# Server binaries present but no cluster yet (e.g. after a purge of the data dir).
_pg_server_version() {
  local v
  v="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1 || true)"
  if [ -n "$v" ] && [ -x "/usr/lib/postgresql/$v/bin/postgres" ]; then echo "$v"; fi
}

# For a cluster this run created: let the URL's password-less user in over loopback.
_pg_trust_loopback() {
  local ver="$1" name="$2" hba="/etc/postgresql/$1/$2/pg_hba.conf" tmp
  [ -f "$hba" ] || return 0
  if grep -q 'Data Tools Commons' "$hba"; then return 0; fi
  log "fresh install: allowing password-less connections over loopback in $hba"
  tmp="$(mktemp)"
  {
    echo '# Added by Data Tools Commons scripts/lib.sh on a fresh install: the default'
    echo '# DATABASE_URL has no password. Remove these lines to require passwords.'
    echo 'host    all    all    127.0.0.1/32    trust'
    echo 'host    all    all    ::1/128         trust'
    cat "$hba"
  } >"$tmp"
  as_root cp "$tmp" "$hba"
  rm -f "$tmp"
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" reload >&2 2>/dev/null || true
}

_pg_install() {
  apt_install postgresql
  local ver
  ver="$(_pg_server_version)"
  [ -n "$ver" ] || die "postgresql installed but no server found under /usr/lib/postgresql"
  if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
    log "creating PostgreSQL cluster $ver/main on port $_PG_PORT"
    as_root pg_createcluster --port="$_PG_PORT" "$ver" main >&2 || die "pg_createcluster $ver main failed"
  fi
  _pg_trust_loopback "$ver" main
  _pg_start_local_cluster || die "the new PostgreSQL cluster does not listen on port $_PG_PORT" \
    "Set DATABASE_URL to the port shown by 'pg_lsclusters'."
}

_pg_compose_up() {
  # Compose's postgres service needs a password; take the URL's, or give the URL one.
  local password="$_PG_PASSWORD"
  if [ -z "$password" ]; then
    password="${POSTGRES_PASSWORD:-commons-dev}"
    DATABASE_URL="$(node -e 'const u = new URL(process.argv[1]); u.password = process.argv[2]; console.log(u.href)' "$DATABASE_URL" "$password")"
    export DATABASE_URL
    _PG_ADMIN_URL="$(node -e 'const u = new URL(process.argv[1]); u.password = process.argv[2]; console.log(u.href)' "$_PG_ADMIN_URL" "$password")"
    log "DATABASE_URL now carries the compose database's password"
  fi
  log "starting postgres and redis with docker compose"
  local redis_password
  redis_password="$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).password) || process.argv[2])' "${REDIS_URL:-$COMMONS_DEFAULT_REDIS_URL}" "${REDIS_PASSWORD:-commons-dev}")"
  (cd "$COMMONS_ROOT" &&
    POSTGRES_PASSWORD="$password" POSTGRES_PORT="$_PG_PORT" REDIS_PORT="${_REDIS_PORT:-6379}" \
      REDIS_PASSWORD="$redis_password" DOMAIN="${DOMAIN:-localhost}" \
      ADMIN_EMAIL="${ADMIN_EMAIL:-unused@example.invalid}" ADMIN_PASSWORD="${ADMIN_PASSWORD:-unused-by-these-services}" \
      docker compose up -d postgres redis) >&2 ||
    die "docker compose up -d postgres redis failed (see above)"
  # Compose's redis has a password: REDIS_URL gets it unless it names one already.
  REDIS_URL="$(node -e 'const u = new URL(process.argv[1]); u.password ||= process.argv[2]; console.log(u.href)' "${REDIS_URL:-$COMMONS_DEFAULT_REDIS_URL}" "$redis_password")"
  export REDIS_URL
}

_pg_psql() { psql -X -q -w -v ON_ERROR_STOP=1 "$@"; }

# Succeeds when the database exists; fails (with the error on stderr) when it doesn't;
# dies when the server refuses us (auth, missing role).
_pg_db_exists() {
  local out
  if command -v psql >/dev/null 2>&1; then
    local lit="${_PG_DB//\'/\'\'}"
    out="$(_pg_psql -tA -d "$_PG_ADMIN_URL" -c "SELECT 1 FROM pg_database WHERE datname = '$lit'" 2>&1)" ||
      die "PostgreSQL answers but refused us: $out" \
        "Set DATABASE_URL to a user/password that can connect (and CREATE DATABASE), e.g." \
        "  export DATABASE_URL=postgres://USER:PASSWORD@$_PG_HOST:$_PG_PORT/$_PG_DB"
    [ "$out" = 1 ]
  else
    out="$(cd "$COMMONS_ROOT" && node -e '
      const { Client } = require("pg");
      const c = new Client({ connectionString: process.argv[1] });
      c.connect()
        .then(() => c.query("SELECT 1 FROM pg_database WHERE datname = $1", [process.argv[2]]))
        .then((r) => { console.log(r.rowCount); return c.end(); })
        .catch((e) => { console.error(e.message); process.exit(1); });
    ' "$_PG_ADMIN_URL" "$_PG_DB" 2>&1)" ||
      die "PostgreSQL answers but refused us: $out" \
        "Set DATABASE_URL to a user/password that can connect (and CREATE DATABASE)."
    [ "$out" = 1 ]
  fi
}

_pg_create_db() {
  local out
  if command -v psql >/dev/null 2>&1; then
    local ident="${_PG_DB//\"/\"\"}"
    out="$(_pg_psql -d "$_PG_ADMIN_URL" -c "CREATE DATABASE \"$ident\"" 2>&1)" && return 0
  else
    out="$(cd "$COMMONS_ROOT" && node -e '
      const { Client } = require("pg");
      const c = new Client({ connectionString: process.argv[1] });
      const ident = "\"" + process.argv[2].replace(/"/g, "\"\"") + "\"";
      c.connect().then(() => c.query("CREATE DATABASE " + ident)).then(() => c.end())
        .catch((e) => { console.error(e.message); process.exit(1); });
    ' "$_PG_ADMIN_URL" "$_PG_DB" 2>&1)" && return 0
  fi
  # Someone else (a parallel run) may have created it meanwhile.
  _pg_db_exists 2>/dev/null && return 0
  die "could not create database \"$_PG_DB\": $out" \
    "Create it yourself (createdb -h $_PG_HOST -p $_PG_PORT -U $_PG_USER '$_PG_DB') or use a role with CREATEDB in DATABASE_URL."
}

ensure_postgres() {
  DATABASE_URL="${DATABASE_URL:-$COMMONS_DEFAULT_DATABASE_URL}"
  export DATABASE_URL
  local parsed
  parsed="$(_pg_parse_url "$DATABASE_URL")" || die "DATABASE_URL is not a valid postgres:// URL: $DATABASE_URL" \
    "Expected e.g. $COMMONS_DEFAULT_DATABASE_URL"
  {
    IFS= read -r _PG_HOST
    IFS= read -r _PG_PORT
    IFS= read -r _PG_DB
    IFS= read -r _PG_USER
    IFS= read -r _PG_PASSWORD
    IFS= read -r _PG_ADMIN_URL
  } <<<"$parsed"
  local where="${_PG_HOST:-local socket}:$_PG_PORT"

  if ! _pg_answers; then
    if ! _is_local_host "$_PG_HOST"; then
      die "PostgreSQL at $where does not answer" \
        "Start it, or point DATABASE_URL at a running server (default: $COMMONS_DEFAULT_DATABASE_URL)."
    fi
    log "PostgreSQL at $where does not answer"
    if _pg_start_local_cluster; then
      :
    elif command -v pg_lsclusters >/dev/null 2>&1 && pg_lsclusters -h 2>/dev/null | grep -q .; then
      die "no local PostgreSQL cluster listens on port $_PG_PORT" \
        "pg_lsclusters shows: $(pg_lsclusters -h | awk '{ printf "%s/%s port %s (%s); ", $1, $2, $3, $4 }')" \
        "Set DATABASE_URL to one of those ports, or create a cluster: sudo pg_createcluster --port=$_PG_PORT --start VERSION NAME"
    elif [ -n "$(_pg_server_version)" ] && can_root; then
      local ver
      ver="$(_pg_server_version)"
      log "PostgreSQL $ver is installed but has no cluster: creating $ver/main"
      as_root pg_createcluster --port="$_PG_PORT" "$ver" main >&2 || die "pg_createcluster $ver main failed"
      _pg_trust_loopback "$ver" main
      _pg_start_local_cluster || die "could not start the new cluster $ver/main"
    elif [ -z "$(_pg_server_version)" ] && can_apt; then
      log "PostgreSQL is not installed: installing Debian's postgresql"
      _pg_install
    elif docker_compose_works; then
      _pg_compose_up
    else
      die "PostgreSQL at $where does not answer and this script cannot start one" \
        "Do one of:" \
        "  - install and start PostgreSQL 15+: sudo apt-get install postgresql (then: sudo pg_ctlcluster 15 main start)" \
        "  - start the compose service: docker compose up -d postgres  (and set DATABASE_URL with its password)" \
        "  - point DATABASE_URL at a running server, e.g. postgres://USER:PASSWORD@HOST:5432/commons"
    fi
    _wait_until "PostgreSQL at $where" _pg_answers ||
      die "PostgreSQL at $where still does not answer after ${COMMONS_WAIT_SECONDS}s" \
        "Look at its log (/var/log/postgresql/ or 'docker compose logs postgres')."
  fi

  if _pg_db_exists; then
    log "PostgreSQL ok: database \"$_PG_DB\" at $where"
  else
    log "database \"$_PG_DB\" does not exist at $where: creating it"
    _pg_create_db
    log "PostgreSQL ok: database \"$_PG_DB\" created at $where"
  fi
}

# ---------------------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------------------

# Prints host, port, user, password, db number, "tls" or "", and ".", one per line, for the URL in $1.
_redis_parse_url() {
  node -e '
    const u = new URL(process.argv[1]);
    if (!/^rediss?:$/.test(u.protocol)) throw new Error("not a redis URL");
    console.log([u.hostname.replace(/^\[|\]$/g, ""), u.port || "6379", decodeURIComponent(u.username),
                 decodeURIComponent(u.password), u.pathname.replace(/^\//, "") || "0",
                 u.protocol === "rediss:" ? "tls" : "", "."].join("\n"));
  ' "$1" 2>/dev/null
}

# Prints "PONG" (or the server's error, e.g. NOAUTH) when Redis at $REDIS_URL answers.
# (redis-cli -u mishandles "redis://:password@host", hence the parsed options.)
_redis_ping() {
  if command -v redis-cli >/dev/null 2>&1; then
    local args=(-h "${_REDIS_HOST:-127.0.0.1}" -p "$_REDIS_PORT" -n "$_REDIS_DB")
    [ -z "$_REDIS_TLS" ] || args+=(--tls)
    [ -z "$_REDIS_USER" ] || args+=(--user "$_REDIS_USER")
    if [ -n "$_REDIS_PASSWORD" ]; then
      REDISCLI_AUTH="$_REDIS_PASSWORD" timeout 5 redis-cli "${args[@]}" ping 2>&1
    else
      (unset REDISCLI_AUTH; timeout 5 redis-cli "${args[@]}" ping 2>&1)
    fi
  else
    node -e '
      const [host, port, tls] = process.argv.slice(1);
      const s = (tls ? require("tls") : require("net")).connect({ host: host || "127.0.0.1", port: +port });
      s.setTimeout(3000, () => process.exit(1));
      s.on("error", () => process.exit(1));
      s.once("data", (d) => { console.log(String(d).replace(/^[+-]/, "").trim()); process.exit(0); });
      s.write("PING\r\n");
    ' "$_REDIS_HOST" "$_REDIS_PORT" "$_REDIS_TLS"
  fi
}

_redis_answers() {
  local out
  out="$(_redis_ping)" || return 1
  case "$out" in
    *PONG* | *NOAUTH* | *WRONGPASS* | *"AUTH failed"* | *"invalid password"* | *"invalid username"*) return 0 ;;
    *) return 1 ;;
  esac
}

_redis_start_local() {
  local port="$1" dir="${TMPDIR:-/tmp}"
  log "starting redis-server on 127.0.0.1:$port"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$port" --save "" --appendonly no \
    --dir "$dir" --logfile "$dir/commons-redis-$port.log" >&2 ||
    die "redis-server failed to start (see $dir/commons-redis-$port.log)"
}

ensure_redis() {
  REDIS_URL="${REDIS_URL:-$COMMONS_DEFAULT_REDIS_URL}"
  export REDIS_URL
  local parsed host port out
  parsed="$(_redis_parse_url "$REDIS_URL")" ||
    die "REDIS_URL is not a valid redis:// URL: $REDIS_URL" "Expected e.g. $COMMONS_DEFAULT_REDIS_URL"
  {
    IFS= read -r _REDIS_HOST
    IFS= read -r _REDIS_PORT
    IFS= read -r _REDIS_USER
    IFS= read -r _REDIS_PASSWORD
    IFS= read -r _REDIS_DB
    IFS= read -r _REDIS_TLS
  } <<<"$parsed" # (a last "." line keeps $(...) from eating trailing empty fields)
  host="$_REDIS_HOST" port="$_REDIS_PORT"
  local where="${host:-127.0.0.1}:$port"

  if ! _redis_answers; then
    if ! _is_local_host "$host"; then
      die "Redis at $where does not answer" \
        "Start it, or point REDIS_URL at a running server (default: $COMMONS_DEFAULT_REDIS_URL)."
    fi
    log "Redis at $where does not answer"
    if command -v redis-server >/dev/null 2>&1; then
      _redis_start_local "$port"
    elif can_apt; then
      log "Redis is not installed: installing Debian's redis-server"
      apt_install redis-server
      # The package may have started its own service already (on 6379).
      if ! _wait_until "Redis at $where" _redis_answers; then _redis_start_local "$port"; fi
    elif docker_compose_works; then
      log "starting redis with docker compose"
      # Compose's redis needs a password: the URL's, or one given to the URL.
      if [ -z "$_REDIS_PASSWORD" ]; then
        _REDIS_PASSWORD="${REDIS_PASSWORD:-commons-dev}"
        REDIS_URL="$(node -e 'const u = new URL(process.argv[1]); u.password = process.argv[2]; console.log(u.href)' "$REDIS_URL" "$_REDIS_PASSWORD")"
        export REDIS_URL
        log "REDIS_URL now carries the compose Redis's password"
      fi
      (cd "$COMMONS_ROOT" && REDIS_PORT="$port" POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-unused}" \
        REDIS_PASSWORD="$_REDIS_PASSWORD" DOMAIN="${DOMAIN:-localhost}" \
        ADMIN_EMAIL="${ADMIN_EMAIL:-unused@example.invalid}" ADMIN_PASSWORD="${ADMIN_PASSWORD:-unused-by-these-services}" \
        docker compose up -d redis) >&2 || die "docker compose up -d redis failed (see above)"
    else
      die "Redis at $where does not answer and this script cannot start one" \
        "Do one of:" \
        "  - install and start Redis 7: sudo apt-get install redis-server (then: redis-server --daemonize yes --port $port)" \
        "  - start the compose service: docker compose up -d redis" \
        "  - point REDIS_URL at a running server, e.g. redis://HOST:6379"
    fi
    _wait_until "Redis at $where" _redis_answers ||
      die "Redis at $where still does not answer after ${COMMONS_WAIT_SECONDS}s"
  fi

  out="$(_redis_ping || true)"
  case "$out" in
    *PONG*) log "Redis ok at $where" ;;
    *) die "Redis at $where answers but refused us: $out" "Put the right password in REDIS_URL: redis://:PASSWORD@$where" ;;
  esac
}

# ---------------------------------------------------------------------------------------
# Chromium (browser tests)
# ---------------------------------------------------------------------------------------

ensure_chromium() {
  local c
  for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [ -n "$c" ] && [ -x "$c" ]; then
      CHROMIUM_PATH="$c"
      export CHROMIUM_PATH
      log "Chromium ok: $c"
      return 0
    fi
  done
  if can_apt; then
    log "Chromium is missing (browser tests need it): installing Debian's chromium"
    apt_install chromium fonts-liberation
    [ -x /usr/bin/chromium ] || die "chromium installed but /usr/bin/chromium is missing"
    CHROMIUM_PATH=/usr/bin/chromium
    export CHROMIUM_PATH
    log "Chromium ok: $CHROMIUM_PATH"
  else
    die "Chromium is needed for the browser tests and is not installed" \
      "Install it (sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium/Chrome binary."
  fi
}

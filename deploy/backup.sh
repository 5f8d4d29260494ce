#!/bin/sh
# Nightly pg_dump with retention (docker-compose.yml's `backup` service; README.md, "Backups").
#   PGHOST, PGUSER, PGPASSWORD, PGDATABASE  the database (libpq's variables)
#   BACKUP_DIR        where dumps go (default /backups)
#   BACKUP_AT         HH:MM, local time (TZ), when to dump each day (default 02:30)
#   BACKUP_KEEP_DAYS  dumps older than this many days are deleted after each new one (default 14)
#   BACKUP_ONCE=1     dump once now and exit (a manual backup, or a test)
# Restore: pg_restore --clean --if-exists -d commons FILE (README.md).
set -eu

dir="${BACKUP_DIR:-/backups}"
at="${BACKUP_AT:-02:30}"
keep="${BACKUP_KEEP_DAYS:-14}"

log() { echo "[backup] $(date '+%Y-%m-%dT%H:%M:%S%z') $*"; }

backup_once() {
  mkdir -p "$dir"
  name="${PGDATABASE:-commons}-$(date '+%Y%m%d-%H%M%S').dump"
  # Written under a temporary name and renamed: a half-written dump never looks like a backup.
  if pg_dump --format=custom --no-owner --file="$dir/.$name.partial"; then
    mv "$dir/.$name.partial" "$dir/$name"
    log "wrote $dir/$name ($(du -h "$dir/$name" | cut -f1))"
  else
    rm -f "$dir/.$name.partial"
    log "ERROR: pg_dump failed; older backups are kept"
    return 1
  fi
  # Retention: only after a good dump, and only our own files.
  find "$dir" -maxdepth 1 -type f -name '*.dump' -mtime +"$((keep - 1))" -print | while read -r old; do
    rm -f "$old"
    log "deleted $old (older than $keep days)"
  done
}

# Seconds from now until the next HH:MM.
seconds_until() {
  now=$(date +%s)
  next=$(date -d "$(date +%Y-%m-%d) $1" +%s)
  [ "$next" -gt "$now" ] || next=$(date -d "$(date -d tomorrow +%Y-%m-%d) $1" +%s)
  echo $((next - now))
}

case "$keep" in '' | *[!0-9]* | 0) log "BACKUP_KEEP_DAYS must be a whole number of days, 1 or more"; exit 2 ;; esac
if [ "${BACKUP_ONCE:-}" = 1 ]; then
  backup_once
  exit
fi

log "dumping $PGDATABASE every day at $at, keeping $keep days, into $dir"
sleeper=''
trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM INT
while :; do
  sleep "$(seconds_until "$at")" &
  sleeper=$!
  wait "$sleeper"
  backup_once || true
done

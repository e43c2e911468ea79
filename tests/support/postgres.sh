#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, from Debian's `postgresql` package: loopback only,
# trust authentication, no fsync (the data is thrown away; POSTGRES_DURABLE=1 keeps it on). The
# superuser is `postgres`:
#   postgres://postgres@127.0.0.1:<port>/postgres
#
#   postgres.sh check              exit 0 if a cluster can be started here, else print why and exit 1
#   postgres.sh start <dir> <port> create the cluster in <dir> (empty or missing) and start it
#   postgres.sh stop <dir>         stop it and delete <dir>
#
# initdb refuses to run as root: as root the cluster is made and run by the `postgres` user.
set -euo pipefail

bin_dir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# Why a cluster cannot be started here; nothing when it can.
unavailable() {
  if ! bin_dir >/dev/null; then
    echo "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
  elif [ "$(id -u)" = 0 ] && ! id -u postgres >/dev/null 2>&1; then
    echo "running as root and there is no postgres user to run initdb as"
  fi
}

# Runs a command as the cluster's owner: the postgres user when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

command="${1:-}"
case "$command" in
  check)
    reason="$(unavailable)"
    if [ -n "$reason" ]; then
      echo "$reason"
      exit 1
    fi
    ;;
  start)
    dir="${2:?usage: postgres.sh start <dir> <port>}"
    port="${3:?usage: postgres.sh start <dir> <port>}"
    reason="$(unavailable)"
    if [ -n "$reason" ]; then
      echo "cannot start PostgreSQL: $reason" >&2
      exit 1
    fi
    bin="$(bin_dir)"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    # Every test kiosk holds a pool of up to 10 connections, and a test may run several kiosks.
    # The data is thrown away, so no fsync; POSTGRES_DURABLE=1 (the benchmark) keeps a real server's.
    options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300"
    [ "${POSTGRES_DURABLE:-}" = 1 ] || options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$options" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    dir="${2:?usage: postgres.sh stop <dir>}"
    if [ -d "$dir/data" ]; then
      bin="$(bin_dir)"
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: postgres.sh check | start <dir> <port> | stop <dir>" >&2
    exit 2
    ;;
esac

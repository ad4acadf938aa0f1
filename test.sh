#!/usr/bin/env bash
# Runs every test of Pingtang Bot. On a fresh machine it first installs what the tests need:
#   - Debian's chromium and CJK fonts, for the browser test of the web chat page (never `playwright install`);
#   - node packages, each folder from its package-lock.json: the official Direct Line client
#     (botframework-directlinejs), and wechat-crypto, which cross-checks our WeChat safe mode;
#   - PostgreSQL (Debian's postgresql, when no server programs are here), for the tests on PostgreSQL and the
#     multi-instance test: a throwaway cluster on 127.0.0.1, stopped when the tests end. A server named already in
#     PINGTANG_TEST_POSTGRES is used instead. PINGTANG_TEST_PROVIDER=Postgres runs every test host on it.
# Then it ends in `dotnet test`: every test, then the racing features' tests again on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
postgres_programs() {
  local folder
  for folder in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")" /usr/lib/postgresql/*/bin; do
    if [ -x "$folder/initdb" ] && [ -x "$folder/pg_ctl" ]; then echo "$folder"; return; fi
  done
}
if [ -z "${PINGTANG_TEST_POSTGRES:-}" ] && [ -z "$(postgres_programs)" ]; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig
fi

for node_folder in tests/Pingtang.Bot.Tests/Channels/DirectLine/node tests/Pingtang.Bot.Tests/Channels/WeChat/node; do
  if [ ! -d "$node_folder/node_modules" ]; then
    (cd "$node_folder" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

if [ -z "${PINGTANG_TEST_POSTGRES:-}" ]; then
  programs=$(postgres_programs)
  cluster=$(mktemp -d "${TMPDIR:-/tmp}/pingtang-postgres.XXXXXX")
  # PostgreSQL refuses to run as root: there, the cluster belongs to Debian's postgres user.
  as_owner=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$cluster"
    as_owner=(runuser -u postgres --)
  fi
  port=55432
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  "${as_owner[@]}" "$programs/initdb" -D "$cluster/data" -A trust -U postgres -E UTF8 --no-locale >"$cluster/initdb.log"
  # Throwaway data: no waiting for the disk at commits.
  "${as_owner[@]}" "$programs/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -s \
    -o "-h 127.0.0.1 -p $port -k $cluster -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start
  trap '"${as_owner[@]}" "$programs/pg_ctl" -D "$cluster/data" -m fast -s stop; rm -rf "$cluster"' EXIT
  export PINGTANG_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL for the tests: 127.0.0.1:$port ($programs)"
fi

dotnet test Pingtang.Bot.sln "$@"

# The features whose writes race (seats, waiting lists, the outbox, broadcasts, the WeChat token's lease between
# two instances) once more with every test host on PostgreSQL (a whole run only: arguments such as --filter are for
# the run above). The crash test starts a service process of its own, on SQLite: it has its run above.
if [ $# -eq 0 ]; then
  PINGTANG_TEST_PROVIDER=Postgres dotnet test tests/Pingtang.Bot.Tests --no-build \
    --filter "(FullyQualifiedName~.Training.|FullyQualifiedName~.ReturnTrips.|FullyQualifiedName~.Broadcasts.|FullyQualifiedName~.Outbox.|FullyQualifiedName~.WeChat.WeChatTokensTests)&FullyQualifiedName!~OutboxCrashTests"
fi

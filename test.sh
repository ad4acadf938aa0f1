#!/usr/bin/env bash
# Runs every test of Pingtang Bot. On a fresh machine it first installs what the tests need:
#   - Debian's chromium and CJK fonts, for the browser test of the web chat page (never `playwright install`);
#   - node packages of the official Direct Line client (botframework-directlinejs), from package-lock.json.
# Then it ends in `dotnet test`.
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
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig
fi

node_client=tests/Pingtang.Bot.Tests/Channels/DirectLine/node
if [ ! -d "$node_client/node_modules" ]; then
  (cd "$node_client" && npm ci --no-audit --no-fund --loglevel=error)
fi

dotnet test Pingtang.Bot.sln "$@"

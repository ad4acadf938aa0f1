#!/usr/bin/env bash
# Runs every test of Pingtang Bot. On a fresh machine it first installs what the tests need:
#   - Debian's chromium and CJK fonts, for the browser test of the web chat page (never `playwright install`);
#   - node packages, each folder from its package-lock.json: the official Direct Line client
#     (botframework-directlinejs), and wechat-crypto, which cross-checks our WeChat safe mode.
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

for node_folder in tests/Pingtang.Bot.Tests/Channels/DirectLine/node tests/Pingtang.Bot.Tests/Channels/WeChat/node; do
  if [ ! -d "$node_folder/node_modules" ]; then
    (cd "$node_folder" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

dotnet test Pingtang.Bot.sln "$@"

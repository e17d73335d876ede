#!/usr/bin/env bash
# Regenerate every expected-output file tests/corpus/**/NAME.out from NAME.js by running node.
#
# Each program is run as `node NAME.js` from its own directory, with a clean environment
# (only PATH is kept), stdout captured into NAME.out. A program that exits non-zero or
# writes to stderr is an error: corpus programs must run cleanly under node.
#
# Usage: tests/regen-expected.sh [FILE.js ...]   (no arguments: the whole corpus)
# Requires node v20 or newer (the version the expected outputs are defined against).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="$here/corpus"

if ! command -v node >/dev/null 2>&1; then
  echo "regen-expected.sh: node is not installed (need node v20 or newer); refusing to regenerate .out files" >&2
  exit 1
fi
node_version="$(node --version 2>/dev/null || true)"
node_major="${node_version#v}"
node_major="${node_major%%.*}"
if ! [[ "$node_major" =~ ^[0-9]+$ ]] || (( node_major < 20 )); then
  echo "regen-expected.sh: found node '${node_version}', need v20 or newer; refusing to regenerate .out files" >&2
  exit 1
fi
node_bin="$(command -v node)"

if (( $# > 0 )); then
  files=()
  for f in "$@"; do files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
else
  mapfile -t files < <(find "$corpus" -type f -name '*.js' | LC_ALL=C sort)
fi
if (( ${#files[@]} == 0 )); then
  echo "regen-expected.sh: no .js files found under $corpus" >&2
  exit 1
fi

failed=0
changed=0
for js in "${files[@]}"; do
  dir="$(dirname "$js")"
  name="$(basename "$js")"
  out="${js%.js}.out"
  tmp="$(mktemp)"
  errf="$(mktemp)"
  set +e
  (cd "$dir" && env -i PATH="$PATH" "$node_bin" "$name" >"$tmp" 2>"$errf" </dev/null)
  rc=$?
  set -e
  rel="${js#"$here"/}"
  if (( rc != 0 )) || [[ -s "$errf" ]]; then
    echo "FAIL $rel: node exited $rc" >&2
    sed 's/^/    /' "$errf" >&2
    failed=$((failed + 1))
    rm -f "$tmp" "$errf"
    continue
  fi
  if [[ -f "$out" ]] && cmp -s "$tmp" "$out"; then
    rm -f "$tmp"
  else
    cat "$tmp" >"$out"
    rm -f "$tmp"
    echo "updated $rel"
    changed=$((changed + 1))
  fi
  rm -f "$errf"
done

echo "regen-expected.sh: ${#files[@]} programs, $changed .out files updated, $failed failed (node $node_version)"
(( failed == 0 ))

#!/usr/bin/env bash
# Wall time of each package's test suite, run alone (quiet) and then all at once as CI runs them
# (loaded: turbo starts every suite together on the machine's cores). Prints a table; asserts nothing.
# Usage: bash scripts/suite-times.sh   (after `npx pnpm@10 install`; builds the admin for the browser tests)
set -uo pipefail
cd "$(dirname "$0")/.."
PACKAGES=(workflow db api server admin e2e)
npx --yes pnpm@10 --filter @kader/admin build > /dev/null

# vitest's own "Duration" line of a package in a log (seconds), and its "Tests" summary.
duration() { sed -E 's/\x1b\[[0-9;]*m//g' "$1" | grep -E "^(@kader/$2:test: +)? +Duration" | head -1 | sed -E 's/.*Duration +([0-9.]+)(m?s).*/\1 \2/' | awk '{ print ($2 == "ms") ? $1 / 1000 : $1 }' || true; }
tests() { sed -E 's/\x1b\[[0-9;]*m//g' "$1" | grep -E "^(@kader/$2:test: +)? +Tests +[0-9]" | head -1 | sed -E 's/.*Tests +//; s/ \([0-9]+\)//' || true; }

declare -A quiet loaded count
for p in "${PACKAGES[@]}"; do
  npx --yes pnpm@10 --filter "@kader/$p" test > "/tmp/suite-times-$p.log" 2>&1 || echo "(@kader/$p failed alone: /tmp/suite-times-$p.log)" >&2
  quiet[$p]=$(duration "/tmp/suite-times-$p.log" "$p")
  count[$p]=$(tests "/tmp/suite-times-$p.log" "$p")
done

# All at once, as CI runs them: each vitest prints its own Duration; --continue so one failure hides no figure.
npx --yes turbo run test --force --continue --concurrency=10 > /tmp/suite-times-all.log 2>&1 || echo "(a suite failed beside the others: /tmp/suite-times-all.log)" >&2
for p in "${PACKAGES[@]}"; do loaded[$p]="$(duration /tmp/suite-times-all.log "$p") ($(tests /tmp/suite-times-all.log "$p"))"; done

printf '| package | tests | alone (s) | all suites at once (s) |\n| --- | --- | --- | --- |\n'
for p in "${PACKAGES[@]}"; do printf '| %s | %s | %s | %s |\n' "$p" "${count[$p]}" "${quiet[$p]}" "${loaded[$p]}"; done
echo "machine: $(nproc) cores, node $(node --version)"

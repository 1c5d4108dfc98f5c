#!/usr/bin/env bash
# The milter benchmark (figures, not a test): heed against a no-op milter on libmilter, in one
# run, with milter-bench as the MTA. Release builds, loopback only, bounded in time
# (3 workloads x 3 concurrencies x 2 milters x (SECONDS + warm-up), plus 500 idle connections).
#
# Usage: scripts/milter-bench.sh [SECONDS per cell, default 3]
#        (BUILD_FLAGS="--scratch-path DIR" to build elsewhere than .build)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3}

read -r -a flags <<<"${BUILD_FLAGS:-}"
for product in heed MilterTestServer milter-noop MilterBench; do
    swift build -c release "${flags[@]}" --product "$product" >/dev/null
done
bin=$(swift build -c release "${flags[@]}" --show-bin-path)

base=$((40000 + RANDOM % 10000))
heed_port=$base
noop_port=$((base + 1))
parse_port=$((base + 2))
log=$(mktemp -d /tmp/heed-bench.XXXXXX)
# heed as it runs in production (store, overposting counts, decision records, advice queued), with
# its store in the temp dir rather than the machine's /var/lib/heed. Decisions are logged at info;
# the benchmark measures the milter, not the terminal.
cat >"$log/heed.yaml" <<YAML
store: {path: store/heed.sqlite, key_file: store/pseudonym.key}
replies: {templates: $(pwd)/Templates}
YAML
"$bin/heed" serve --config "$log/heed.yaml" --listen "inet:$heed_port@127.0.0.1" --log-level warning >"$log/heed.log" 2>&1 &
heed_pid=$!
"$bin/milter-noop" "inet:$noop_port@127.0.0.1" >"$log/noop.log" 2>&1 &
noop_pid=$!
# heed's milter server and MIME parse without the checks: where the time goes.
"$bin/MilterTestServer" "inet:$parse_port@127.0.0.1" --parse-only >"$log/parse.log" 2>&1 &
parse_pid=$!
cleanup() {
    kill "$heed_pid" "$noop_pid" "$parse_pid" 2>/dev/null || true
    wait "$heed_pid" "$noop_pid" "$parse_pid" 2>/dev/null || true
    rm -rf "$log"
}
trap cleanup EXIT
for port in "$heed_port" "$noop_port" "$parse_port"; do
    for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
done

# Columns: heed as shipped; heed-parse (milter + MIME parse, no language detection, no checks);
# noop (libmilter floor). Ratios are to noop.
"$bin/MilterBench" --target "heed=inet:$heed_port@127.0.0.1" --target "heed-parse=inet:$parse_port@127.0.0.1" \
    --target "noop=inet:$noop_port@127.0.0.1" \
    --seconds "$seconds" --warmup 0.5 --concurrency 1,8,64 --idle 500 --pid "heed=$heed_pid"

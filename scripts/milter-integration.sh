#!/usr/bin/env bash
# heed's milter against a real Postfix, on loopback only.
#
# Starts a throwaway Postfix instance (own config and queue directory under a temp dir,
# inet_interfaces = loopback-only, high ports) with Deploy/postfix/main.cf, Postfix's
# smtp-sink as the next hop, `heed serve` and heed-milter-test (heed's server with verdict
# markers, Sources/MilterTestServer), sends with swaks, and checks what arrives:
#   passthrough arrives unchanged; a clean announcement arrives with X-Heed; a block finding
#   lands in the hold queue and not at the sink; a reject policy gives 550 5.7.1; a query
#   reaches social-media@ (and the routed contact, with X-Heed-Topic); SIGKILL of heed
#   mid-run with milter_default_action = tempfail behind a queueing listener loses nothing.
# Needs root (Postfix's master runs as root), postfix and swaks (scripts/install-deps.sh).
# Ends with "N passed, M failed"; exit status 0 only when nothing failed.
#
# Usage: scripts/milter-integration.sh   (HEED_BIN_DIR=dir to use built binaries as they are)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

[ "$(id -u)" -eq 0 ] || { echo "milter-integration: needs root to run a Postfix instance"; exit 1; }
for tool in postfix postqueue smtp-sink swaks; do
    command -v "$tool" >/dev/null || { echo "milter-integration: $tool is missing (scripts/install-deps.sh)"; exit 1; }
done

if [ -z "${HEED_BIN_DIR:-}" ]; then
    swift build --product heed >/dev/null
    swift build --product MilterTestServer >/dev/null
    HEED_BIN_DIR=$(swift build --show-bin-path)
fi
heed="$HEED_BIN_DIR/heed"
test_milter="$HEED_BIN_DIR/MilterTestServer"
for binary in "$heed" "$test_milter"; do
    [ -x "$binary" ] || { echo "milter-integration: $binary is missing (swift build --product heed; swift build --product MilterTestServer)"; exit 1; }
done

started=$(date +%s)
work=$(mktemp -d /tmp/heed-it.XXXXXX)
chmod 755 "$work"
base=$((20000 + RANDOM % 20000))
sink_port=$base            # smtp-sink: the next hop of everything
smtp_port=$((base + 1))    # Postfix smtpd with smtpd_milters = heed (Deploy/postfix/main.cf)
test_port=$((base + 2))    # Postfix smtpd with smtpd_milters = heed-milter-test
front_port=$((base + 3))   # Postfix smtpd without milter that queues and relays to smtp_port
heed_port=$((base + 4))
test_milter_port=$((base + 5))
conf="$work/etc"
pids=()

cleanup() {
    set +e
    [ -f "$work/spool/pid/master.pid" ] && postfix -c "$conf" stop >/dev/null 2>&1
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    [ -n "${heed_pid:-}" ] && kill "$heed_pid" 2>/dev/null
    wait 2>/dev/null
    if [ "${KEEP:-}" = 1 ] || [ "${failed:-0}" -gt 0 ]; then
        echo "milter-integration: logs kept in $work (maillog, heed.log, sink/)"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

passed=0
failed=0
check() {  # check NAME COMMAND...
    local name=$1; shift
    if "$@"; then echo "ok   $name"; passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}
wait_until() {  # wait_until SECONDS COMMAND...: polls every 0.2 s
    local deadline=$(( $(date +%s) + $1 )); shift
    until "$@"; do
        [ "$(date +%s)" -ge "$deadline" ] && return 1
        sleep 0.2
    done
}
sink_files() { find "$work/sink" -type f 2>/dev/null; }
sink_with() { sink_files | xargs -r grep -l -F -- "$1" 2>/dev/null || true; }
sink_has() { [ -n "$(sink_with "$1")" ]; }
sink_count_of() { sink_files | xargs -r grep -l -F -- "$1" 2>/dev/null | wc -l; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- the sink ---------------------------------------------------------------------------
mkdir -p "$work/sink" && chmod 777 "$work/sink"
smtp-sink -u nobody -d "$work/sink/%H%M%S." "127.0.0.1:$sink_port" 64 >"$work/sink.log" 2>&1 &
pids+=($!)

# --- the Postfix instance ----------------------------------------------------------------
mkdir -p "$conf" "$work/spool" "$work/data"
chown postfix "$work/data"
cat >"$conf/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $work/spool
data_directory = $work/data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
meta_directory = /etc/postfix
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
myhostname = relay.heed-test.localdomain
mydomain = heed-test.localdomain
myorigin = \$myhostname
mydestination =
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
relayhost = [127.0.0.1]:$sink_port
smtp_dns_support_level = disabled
alias_maps =
alias_database =
local_recipient_maps =
maillog_file = $work/maillog
maillog_file_prefixes = $work
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
smtp_connection_cache_on_demand = no
CF
# heed's Postfix snippet, as shipped, with the test's port.
sed "s/inet:127\.0\.0\.1:8891/inet:127.0.0.1:$heed_port/" "$repo/Deploy/postfix/main.cf" >>"$conf/main.cf"
cat >"$conf/master.cf" <<CF
127.0.0.1:$smtp_port inet n - n - - smtpd
127.0.0.1:$test_port inet n - n - - smtpd -o smtpd_milters=inet:127.0.0.1:$test_milter_port
127.0.0.1:$front_port inet n - n - - smtpd -o smtpd_milters= -o receive_override_options=no_milters -o content_filter=smtp:[127.0.0.1]:$smtp_port
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
smtp      unix  - - n - - smtp
relay     unix  - - n - - smtp
showq     unix  n - n - - showq
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
local     unix  - n n - - local
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
CF
# Postfix reports to syslog, or to a terminal: give its errors a terminal so they show.
script -qec "postfix -c $conf check" /dev/null || { echo "milter-integration: postfix check failed"; exit 1; }
script -qec "postfix -c $conf start" /dev/null >"$work/postfix-start.log" || { cat "$work/postfix-start.log"; exit 1; }

start_heed() {
    "$heed" serve --listen "inet:$heed_port@127.0.0.1" >>"$work/heed.log" 2>&1 &
    heed_pid=$!
    wait_until 20 port_open "$heed_port"
}
start_heed
"$test_milter" "inet:$test_milter_port@127.0.0.1" >"$work/heed-milter-test.log" 2>&1 &
pids+=($!)
wait_until 20 port_open "$test_milter_port"
wait_until 20 port_open "$smtp_port"
wait_until 20 port_open "$front_port"
wait_until 20 port_open "$sink_port"

send() {  # send PORT TO SUBJECT [BODY [EXTRA-HEADER]]: prints swaks' transcript
    local extra=()
    [ -n "${5:-}" ] && extra=(--add-header "$5")
    swaks --server 127.0.0.1 --port "$1" --from jane.doe@cern.ch --to "$2" \
          --header "Subject: $3" --header "X-Test-Id: $3" --body "${4:-Hello from the integration test.}" \
          "${extra[@]}" --timeout 30 2>&1 || true
}

# --- passthrough: arrives unchanged -------------------------------------------------------
body=$'Line one of a private note.\nLine two, with 100% of the text kept.'
send "$smtp_port" friend@example.org "passthrough-1" "$body" >"$work/swaks-passthrough.txt"
wait_until 20 sink_has "X-Test-Id: passthrough-1" || true
passthrough=$(sink_with "X-Test-Id: passthrough-1" | head -1)
check "passthrough reaches the sink" test -n "$passthrough"
check "passthrough carries no X-Heed header" bash -c "! grep -qi '^X-Heed' '$passthrough'"
check "passthrough body arrives byte for byte" bash -c "tr -d '\r' <'$passthrough' | grep -qF 'Line two, with 100% of the text kept.'"
check "passthrough is decided at DATA (heed logged it)" grep -q "mode=passthrough" "$work/heed.log"

# --- clean announcement: arrives with X-Heed ------------------------------------------------
send "$smtp_port" users-announce@cern.ch "announcement-clean" "The seminar is on Friday in the main auditorium." \
     "X-Heed: accept; forged by the sender" >"$work/swaks-clean.txt"
wait_until 20 sink_has "X-Test-Id: announcement-clean" || true
clean=$(sink_with "X-Test-Id: announcement-clean" | head -1)
check "clean announcement reaches the sink" test -n "$clean"
check "clean announcement has X-Heed" grep -q "^X-Heed: .*announcement to users-announce@cern.ch" "${clean:-/dev/null}"
check "a forged X-Heed header is gone, heed's own is the only one" \
      test "$(grep -c '^X-Heed:' "${clean:-/dev/null}")-$(grep -c 'forged' "${clean:-/dev/null}")" = "1-0"
check "heed logged the decision with its Postfix queue id" grep -Eq "queue_id=[0-9A-F]{6,} .*decision" "$work/heed.log"

# --- block finding: hold queue, not the sink ----------------------------------------------------
send "$test_port" users-announce@cern.ch "[heed-test:block] hold-1" >"$work/swaks-hold.txt"
held_in_queue() { postqueue -c "$conf" -j | grep -q '"queue_name": *"hold"'; }
wait_until 20 held_in_queue || true
check "block finding lands in the hold queue" held_in_queue
check "held message carries its X-Heed-Finding" bash -c "postcat -c '$conf' -hq \$(postqueue -c '$conf' -j | sed -n 's/.*\"queue_id\": *\"\\([0-9A-F]*\\)\".*\"queue_name\": *\"hold\".*/\\1/p;s/.*\"queue_name\": *\"hold\".*\"queue_id\": *\"\\([0-9A-F]*\\)\".*/\\1/p' | head -1) 2>/dev/null | grep -q '^X-Heed-Finding: block personal-data.iban'"
sleep 1
check "held message is not at the sink" bash -c "[ -z \"\$(find '$work/sink' -type f | xargs -r grep -l -F 'hold-1')\" ]"
check "heed logged the quarantine reason" grep -q "quarantine=heed: held announcement" "$work/heed-milter-test.log"

# --- reject policy: 550 5.7.1 to the sender ------------------------------------------------------
send "$test_port" users-announce@cern.ch "[heed-test:reject] reject-1" >"$work/swaks-reject.txt"
check "reject policy answers 550 5.7.1" grep -q "<\*\* *550 5.7.1 heed: message refused" "$work/swaks-reject.txt"
check "rejected message is not at the sink" bash -c "[ -z \"\$(find '$work/sink' -type f | xargs -r grep -l -F 'reject-1')\" ]"

# --- query: social-media@ and the routed contact ----------------------------------------------
send "$smtp_port" social-media@cern.ch "query-plain" "May I post a photo of my team?" >"$work/swaks-query.txt"
wait_until 20 sink_has "X-Test-Id: query-plain" || true
query=$(sink_with "X-Test-Id: query-plain" | head -1)
check "query reaches social-media@cern.ch" grep -qi "^X-Rcpt-Args: <social-media@cern.ch>" "${query:-/dev/null}"
check "query carries X-Heed" grep -q "^X-Heed: .*query to social-media@cern.ch" "${query:-/dev/null}"
send "$test_port" social-media@cern.ch "[heed-test:logo] query-routed" "Can I use the logo on a poster?" >"$work/swaks-routed.txt"
wait_until 20 sink_has "query-routed" || true
routed=$(sink_with "X-Test-Id: [heed-test:logo] query-routed" | head -1)
check "routed query reaches social-media@cern.ch" grep -qi "^X-Rcpt-Args: <social-media@cern.ch>" "${routed:-/dev/null}"
check "routed query reaches the topic's contact" grep -qi "^X-Rcpt-Args: <visual-identity@cern.ch>" "${routed:-/dev/null}"
check "routed query has X-Heed-Topic" grep -q "^X-Heed-Topic: logo" "${routed:-/dev/null}"

# --- SIGKILL of heed mid-run: tempfail, queue, nothing lost --------------------------------
total=30
senders=()
for i in $(seq 1 10); do send "$front_port" users-announce@cern.ch "kill-run-$i" >/dev/null & senders+=($!); done
sleep 0.3
kill -KILL "$heed_pid"
wait "$heed_pid" 2>/dev/null || true
for i in $(seq 11 25); do send "$front_port" users-announce@cern.ch "kill-run-$i" >/dev/null & senders+=($!); done
wait_until 30 grep -q "451 4.7.1" "$work/maillog" || true
check "with heed down Postfix answers 451 4.7.1 (tempfail) and the front queue defers" grep -q "451 4.7.1" "$work/maillog"
start_heed
for i in $(seq 26 $total); do send "$front_port" users-announce@cern.ch "kill-run-$i" >/dev/null & senders+=($!); done
for pid in "${senders[@]}"; do wait "$pid" || true; done
postqueue -c "$conf" -f
all_delivered() { [ "$(sink_count_of "X-Test-Id: kill-run-")" -ge "$total" ]; }
wait_until 90 all_delivered || true
delivered=$(sink_files | xargs -r grep -h "^X-Test-Id: kill-run-" | sort -u | wc -l)
echo "     SIGKILL run: $delivered of $total messages at the sink"
check "SIGKILL mid-run: every message delivered after restart, none lost" test "$delivered" -eq "$total"
check "SIGKILL mid-run: each delivered once" test "$(sink_count_of "X-Test-Id: kill-run-")" -eq "$total"
check "SIGKILL mid-run: every delivered announcement was screened" test "$(sink_files | xargs -r grep -l "^X-Test-Id: kill-run-" | xargs -r grep -L "^X-Heed: " | wc -l)" -eq 0

# --- graceful SIGTERM ------------------------------------------------------------------------
kill -TERM "$heed_pid"
wait_until 20 bash -c "! kill -0 $heed_pid 2>/dev/null" || true
check "SIGTERM stops heed" bash -c "! kill -0 $heed_pid 2>/dev/null"
status=0
wait "$heed_pid" || status=$?
check "SIGTERM exit status is 0" test "$status" -eq 0
heed_pid=""

echo "milter-integration: $(( $(date +%s) - started )) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

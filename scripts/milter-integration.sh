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
# heed runs with a configuration written here (store and pseudonym key in the temp dir, replies
# through a submission listener of this Postfix that bypasses the milter, as
# Deploy/postfix/master.cf shows). Replies: an English and a French question each get one
# answer in their language at the sink, a repeated question none, automatic mail (Auto-Submitted,
# List-Id, the null sender) none; with the relay down an answer waits in heed's outbox (sqlite3)
# and arrives once the relay is up, also across a SIGTERM and restart of heed. Overposting: the
# third announcement of one sender to a list with {max: 2} carries X-Heed naming overposting.
# SMTP AUTH: a listener with Cyrus SASL (a sasldb in the temp dir, PLAIN and LOGIN) and heed as
# its milter refuses a wrong password; an announcement sent after AUTH arrives and heed's decision
# line names the login (auth_user=, from Postfix's {auth_authen}); one sent there without AUTH
# has no auth_user.
# Needs root (Postfix's master runs as root), postfix, swaks and sqlite3, and for SMTP AUTH
# saslpasswd2 (sasl2-bin) and Cyrus' PLAIN/LOGIN and sasldb plugins (libsasl2-modules,
# libsasl2-modules-db): scripts/install-deps.sh.
# Ends with "N passed, M failed"; exit status 0 only when nothing failed.
#
# Usage: scripts/milter-integration.sh   (HEED_BIN_DIR=dir to use built binaries as they are)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

[ "$(id -u)" -eq 0 ] || { echo "milter-integration: needs root to run a Postfix instance"; exit 1; }
for tool in postfix postqueue smtp-sink swaks sqlite3 saslpasswd2; do
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
submit_port=$((base + 6))  # Postfix smtpd without milter, for heed's replies (Deploy/postfix/master.cf)
# Relay ports with no listener at first, for the outage cases; `relay_up` adds one by reload
# (adding a listener by reload is immediate, taking one away is not: idle smtpd children keep
# accepting on the old socket).
outage_port_a=$((base + 7))
outage_port_b=$((base + 8))
metrics_port=$((base + 9))     # heed's Prometheus endpoint (metrics.listen)
sasl_port=$((base + 10))       # Postfix smtpd with SMTP AUTH (Cyrus SASL, sasldb) and smtpd_milters = heed
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
127.0.0.1:$submit_port inet n - n - - smtpd -o smtpd_milters= -o receive_override_options=no_milters -o smtpd_client_restrictions=permit_mynetworks,reject -o mynetworks=127.0.0.0/8
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
# SMTP AUTH for sasl_port: Cyrus SASL checks passwords against a sasldb of its own here. Debian's
# Postfix (3.7.11) reads smtpd.conf from $config_directory/sasl and, in a test here, did not look
# where cyrus_sasl_config_path pointed: the file goes in $conf/sasl, and the parameter names that
# directory too, for builds that honour it. smtpd runs as postfix and must read the sasldb; it
# stays root's (postfix check warns about files in the config directory that are not).
sasl_login=announcer@heed-test.localdomain
sasl_password=heed-it-secret
mkdir -p "$conf/sasl"
cat >"$conf/sasl/smtpd.conf" <<CF
pwcheck_method: auxprop
auxprop_plugin: sasldb
mech_list: PLAIN LOGIN
sasldb_path: $conf/sasl/sasldb2
CF
printf '%s' "$sasl_password" | saslpasswd2 -p -c -f "$conf/sasl/sasldb2" -u heed-test.localdomain announcer ||
    { echo "milter-integration: saslpasswd2 could not write $conf/sasl/sasldb2"; exit 1; }
chgrp postfix "$conf/sasl/sasldb2"
chmod 640 "$conf/sasl/sasldb2"
# Plain-text AUTH without TLS is fine on loopback (smtpd_tls_auth_only = no).
echo "127.0.0.1:$sasl_port inet n - n - - smtpd -o smtpd_sasl_auth_enable=yes -o smtpd_sasl_type=cyrus" \
     "-o cyrus_sasl_config_path=$conf/sasl -o smtpd_tls_auth_only=no" >>"$conf/master.cf"
# Postfix reports to syslog, or to a terminal: give its errors a terminal so they show.
script -qec "postfix -c $conf check" /dev/null || { echo "milter-integration: postfix check failed"; exit 1; }
script -qec "postfix -c $conf start" /dev/null >"$work/postfix-start.log" || { cat "$work/postfix-start.log"; exit 1; }

# heed's configuration: the store in the temp dir, replies through RELAY-PORT, retries after 1 s
# (the outbox worker then polls every second), it-announce@ limited to 2 announcements a day.
# The default limit is high, so the SIGKILL run's 30 announcements stay clean.
write_heed_config() {  # write_heed_config FILE RELAY-PORT
    cat >"$1" <<YAML
store:
  path: store/heed.sqlite
  key_file: store/pseudonym.key
replies:
  templates: $repo/Templates
  relay: {host: 127.0.0.1, port: $2, timeout: 5s}
  retry: {first: 1s, maximum: 2s, attempts: 0}
metrics:
  listen: "127.0.0.1:$metrics_port"
policies:
  default:
    overposting: {max: 1000, window: 7d}
  lists:
    - list: it-announce@cern.ch
      overposting: {max: 2, window: 1d}
YAML
}
heed_config="$work/heed.yaml"
write_heed_config "$heed_config" "$submit_port"
store="$work/store/heed.sqlite"

start_heed() {
    "$heed" serve --config "$heed_config" --listen "inet:$heed_port@127.0.0.1" >>"$work/heed.log" 2>&1 &
    heed_pid=$!
    wait_until 20 port_open "$heed_port"
}
stop_heed() {  # SIGTERM, then the exit status in heed_status
    kill -TERM "$heed_pid"
    heed_status=0
    wait "$heed_pid" || heed_status=$?
    heed_pid=""
}
start_heed
"$test_milter" "inet:$test_milter_port@127.0.0.1" >"$work/heed-milter-test.log" 2>&1 &
pids+=($!)
wait_until 20 port_open "$test_milter_port"
wait_until 20 port_open "$smtp_port"
wait_until 20 port_open "$front_port"
wait_until 20 port_open "$sink_port"
wait_until 20 port_open "$submit_port"
wait_until 20 port_open "$sasl_port"

send() {  # send PORT TO SUBJECT [BODY [EXTRA-HEADER]]: prints swaks' transcript
    send_as jane.doe@cern.ch "$@"
}
send_as() {  # send_as FROM PORT TO SUBJECT [BODY [EXTRA-HEADER]]; FROM '<>' is the null sender
    local extra=()
    [ -n "${6:-}" ] && extra=(--add-header "$6")
    swaks --server 127.0.0.1 --port "$2" --from "$1" --to "$3" \
          --header "Subject: $4" --header "X-Test-Id: $4" --body "${5:-Hello from the integration test.}" \
          "${extra[@]}" --timeout 30 2>&1 || true
}
queue_id_of() { sed -n 's/.*queued as \([0-9A-F]*\).*/\1/p' "$1" | tail -1; }  # from a swaks transcript
# heed's log line for a queue id: heed_logged QUEUEID MESSAGE TEXT (TEXT: e.g. reason=duplicate)
heed_logged() { grep -F "queue_id=$1 " "$work/heed.log" | grep -F -- "$2" | grep -qF -- "$3"; }
# Replies heed sent to an address and that reached the sink.
replies_to() { sink_files | xargs -r grep -l -i -F -- "X-Rcpt-Args: <$1>" 2>/dev/null | xargs -r grep -l -F "Auto-Submitted: auto-replied" 2>/dev/null || true; }
reply_count() { replies_to "$1" | wc -l; }
has_replies() { [ "$(reply_count "$1")" -ge "${2:-1}" ]; }
reply_text() { "$heed" mime --part 1 "$1" 2>/dev/null; }  # the decoded text part of a reply
outbox_pending() {  # outbox_pending ADDRESS: pending items for it that failed at least once
    sqlite3 "$store" "SELECT count(*) FROM outbox WHERE status = 'pending' AND attempts > 0 AND recipients LIKE '%$1%'" 2>/dev/null || echo 0
}
has_failed_pending() { [ "$(outbox_pending "$1")" -ge 1 ]; }
relay_up() {  # relay_up PORT: a submission listener on PORT, added by reload
    echo "127.0.0.1:$1 inet n - n - - smtpd -o smtpd_milters= -o receive_override_options=no_milters" >>"$conf/master.cf"
    postfix -c "$conf" reload >/dev/null 2>&1
    wait_until 20 port_open "$1"
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

# --- SMTP AUTH: heed's decision line names the login ({auth_authen}) --------------------------------
send_auth() {  # send_auth PASSWORD SUBJECT [SWAKS-OPTION...]: an announcement after AUTH PLAIN as sasl_login
    local password=$1 subject=$2; shift 2
    swaks --server 127.0.0.1 --port "$sasl_port" --from jane.doe@cern.ch --to users-announce@cern.ch \
          --auth PLAIN --auth-user "$sasl_login" --auth-password "$password" \
          --header "Subject: $subject" --header "X-Test-Id: $subject" \
          --body "The seminar is on Friday in the main auditorium." "$@" --timeout 30 2>&1 || true
}
decision_line() { grep -F "queue_id=$1 " "$work/heed.log" | grep -F " decision"; }  # decision_line QUEUEID
names_login() { decision_line "$1" | grep -qF "auth_user=$sasl_login "; }
names_no_login() { local line; line=$(decision_line "$1") && ! grep -qF "auth_user=" <<<"$line"; }
send_auth wrong-password "auth-refused" --quit-after AUTH >"$work/swaks-auth-refused.txt"
check "SMTP AUTH with a wrong password is refused (the sasldb is checked)" \
      grep -q "<\*\* *535 5.7.8" "$work/swaks-auth-refused.txt"
send_auth "$sasl_password" "auth-announcement" >"$work/swaks-auth.txt"
send "$sasl_port" users-announce@cern.ch "auth-none" "The seminar is on Friday in the main auditorium." >"$work/swaks-auth-none.txt"
auth_id=$(queue_id_of "$work/swaks-auth.txt")
none_id=$(queue_id_of "$work/swaks-auth-none.txt")
wait_until 20 sink_has "X-Test-Id: auth-announcement" || true
wait_until 20 sink_has "X-Test-Id: auth-none" || true
auth_mail=$(sink_with "X-Test-Id: auth-announcement" | head -1)
check "SMTP AUTH: the client logged in (235)" grep -q "<- *235 2.7.0" "$work/swaks-auth.txt"
check "SMTP AUTH: the announcement reaches the sink, screened" \
      grep -q "^X-Heed: .*announcement to users-announce@cern.ch" "${auth_mail:-/dev/null}"
check "SMTP AUTH: heed's decision line names the login (auth_user=$sasl_login)" names_login "${auth_id:-none}"
check "no AUTH on the same listener: the message reaches the sink" sink_has "X-Test-Id: auth-none"
check "no AUTH on the same listener: heed's decision line has no auth_user" names_no_login "${none_id:-none}"

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

# --- answers to questions: one per asker and topic, in the question's language ----------------------
question_en="Hello,

May I use the CERN logo on my personal profile and on a poster for our club?

Thanks,
Alex"
question_fr="Bonjour,

Est-ce que je peux utiliser le logo du CERN sur mon profil personnel et sur une affiche pour notre club ?

Merci beaucoup,
Camille"
send_as asker.en@cern.ch "$smtp_port" social-media@cern.ch "Using the logo" "$question_en" >"$work/swaks-reply-en.txt"
send_as asker.fr@cern.ch "$smtp_port" social-media@cern.ch "Utilisation du logo" "$question_fr" >"$work/swaks-reply-fr.txt"
wait_until 20 has_replies asker.en@cern.ch || true
wait_until 20 has_replies asker.fr@cern.ch || true
question=$(sink_with "X-Test-Id: Using the logo" | head -1)
check "a question reaches social-media@cern.ch" grep -qi "^X-Rcpt-Args: <social-media@cern.ch>" "${question:-/dev/null}"
check "a question reaches its topic's contact" grep -qi "^X-Rcpt-Args: <visual-identity@cern.ch>" "${question:-/dev/null}"
reply_en=$(replies_to asker.en@cern.ch | head -1)
reply_fr=$(replies_to asker.fr@cern.ch | head -1)
check "the English asker gets one reply" test "$(reply_count asker.en@cern.ch)" -eq 1
check "the reply comes from the team, Auto-Submitted: auto-replied, as an answer" \
      bash -c "grep -q '^From: social-media@cern.ch' '${reply_en:-/dev/null}' && grep -q '^Auto-Submitted: auto-replied' '${reply_en:-/dev/null}' && grep -q '^In-Reply-To: <' '${reply_en:-/dev/null}' && grep -q '^Subject: Re: Using the logo' '${reply_en:-/dev/null}'"
check "the English reply is in English, with the logo advice" \
      bash -c "reply=\$('$heed' mime --part 1 '${reply_en:-/dev/null}'); grep -qF 'Thank you for writing to social-media@cern.ch' <<<\"\$reply\" && grep -qF 'The CERN logo is legally protected' <<<\"\$reply\""
check "the French asker gets one reply" test "$(reply_count asker.fr@cern.ch)" -eq 1
check "the French reply is in French, with the logo advice" \
      bash -c "reply=\$('$heed' mime --part 1 '${reply_fr:-/dev/null}'); grep -qF \"Merci d'avoir écrit à social-media@cern.ch\" <<<\"\$reply\" && grep -qF 'Le logo du CERN est protégé juridiquement' <<<\"\$reply\""
check "the French reply carries Auto-Submitted: auto-replied" grep -q "^Auto-Submitted: auto-replied" "${reply_fr:-/dev/null}"

send_as asker.en@cern.ch "$smtp_port" social-media@cern.ch "Using the logo" "$question_en" >"$work/swaks-reply-en-again.txt"
again=$(queue_id_of "$work/swaks-reply-en-again.txt")
wait_until 20 heed_logged "${again:-none}" "advice suppressed" "reason=duplicate" || true
check "the same question again within the period: heed logs a duplicate" heed_logged "${again:-none}" "advice suppressed" "reason=duplicate"
send_as robot.test@cern.ch "$smtp_port" social-media@cern.ch "Using the logo (robot)" "$question_en" \
        "Auto-Submitted: auto-generated" >"$work/swaks-reply-auto.txt"
send_as list.member@cern.ch "$smtp_port" social-media@cern.ch "Using the logo (list)" "$question_en" \
        "List-Id: <club.lists.cern.ch>" >"$work/swaks-reply-list.txt"
send_as '<>' "$smtp_port" social-media@cern.ch "Using the logo (null sender)" "$question_en" >"$work/swaks-reply-null.txt"
for case in "auto:auto-submitted" "list:list-header" "null:null-sender"; do
    qid=$(queue_id_of "$work/swaks-reply-${case%%:*}.txt")
    wait_until 20 heed_logged "${qid:-none}" "advice suppressed" "reason=${case#*:}" || true
    check "no reply to a question with ${case#*:} (heed logs why)" heed_logged "${qid:-none}" "advice suppressed" "reason=${case#*:}"
done
# Every reply heed queued has left the outbox by now; nothing else may arrive.
wait_until 20 bash -c "[ \"\$(sqlite3 '$store' \"SELECT count(*) FROM outbox WHERE status = 'pending'\")\" = 0 ]" || true
postqueue -c "$conf" -f
sleep 1
check "still exactly one reply to the English asker" test "$(reply_count asker.en@cern.ch)" -eq 1
check "no reply to automatic or list mail" test "$(( $(reply_count robot.test@cern.ch) + $(reply_count list.member@cern.ch) ))" -eq 0

# --- overposting: the third announcement to a list with {max: 2} -----------------------------------
for i in 1 2 3; do
    send_as over.poster@cern.ch "$smtp_port" it-announce@cern.ch "overposting-$i" \
            "The seminar is on Friday in the main auditorium." >"$work/swaks-overposting-$i.txt"
done
wait_until 20 sink_has "X-Test-Id: overposting-3" || true
over2=$(sink_with "X-Test-Id: overposting-2" | head -1)
over3=$(sink_with "X-Test-Id: overposting-3" | head -1)
check "the 2nd announcement, within the limit, has no finding" \
      grep -q "^X-Heed: accept; announcement to it-announce@cern.ch; no findings" "${over2:-/dev/null}"
check "the 3rd announcement's X-Heed names overposting" \
      grep -q "^X-Heed: advise; announcement to it-announce@cern.ch; 1 finding: overposting" "${over3:-/dev/null}"
check "the 3rd announcement has an X-Heed-Finding for overposting.limit" \
      grep -q "^X-Heed-Finding: warning overposting.limit (post.reasonably)" "${over3:-/dev/null}"

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

# --- relay down: the reply waits in the outbox, then arrives; also across a restart ----------------
# heed restarts with its relay on a port where nothing listens yet.
stop_heed
write_heed_config "$heed_config" "$outage_port_a"
start_heed
send_as outage.one@cern.ch "$smtp_port" social-media@cern.ch "Using the logo (outage 1)" "$question_en" >"$work/swaks-outage-1.txt"
wait_until 20 has_failed_pending outage.one@cern.ch || true
check "relay down: the reply waits in heed's outbox after a failed attempt" has_failed_pending outage.one@cern.ch
check "relay down: no reply at the sink" test "$(reply_count outage.one@cern.ch)" -eq 0
relay_up "$outage_port_a"
wait_until 30 has_replies outage.one@cern.ch || true
check "relay back: the reply arrives, once" test "$(reply_count outage.one@cern.ch)" -eq 1

stop_heed
write_heed_config "$heed_config" "$outage_port_b"
start_heed
send_as outage.two@cern.ch "$smtp_port" social-media@cern.ch "Using the logo (outage 2)" "$question_en" >"$work/swaks-outage-2.txt"
wait_until 20 has_failed_pending outage.two@cern.ch || true
stop_heed
check "SIGTERM with a reply pending: exit status 0" test "$heed_status" -eq 0
check "SIGTERM with a reply pending: the reply stays in the outbox" has_failed_pending outage.two@cern.ch
start_heed
sleep 1.5
check "after the restart, relay still down: no reply yet" test "$(reply_count outage.two@cern.ch)" -eq 0
relay_up "$outage_port_b"
wait_until 30 has_replies outage.two@cern.ch || true
check "relay back after a restart: the pending reply arrives, once" test "$(reply_count outage.two@cern.ch)" -eq 1

# --- SIGHUP: a rule's new severity applies to the next message; a broken file is refused ---------
phone_body="Call Marie on her mobile +41 79 123 45 67 if you have questions."
send "$smtp_port" users-announce@cern.ch "reload-1" "$phone_body" >"$work/swaks-reload-1.txt"
wait_until 20 sink_has "X-Test-Id: reload-1" || true
check "before the reload: a private phone number is a warning (advise)" \
      grep -q "^X-Heed-Finding: warning personal-data.phone" "$(sink_with "X-Test-Id: reload-1" | head -1)"
printf 'checks:\n  severity: {personal-data.phone: block}\n' >>"$heed_config"
kill -HUP "$heed_pid"
wait_until 20 grep -q "configuration reloaded" "$work/heed.log" || true
check "SIGHUP: heed logs the reload" grep -q "configuration reloaded" "$work/heed.log"
send "$smtp_port" users-announce@cern.ch "reload-2" "$phone_body" >"$work/swaks-reload-2.txt"
held_with() { postqueue -c "$conf" -j | grep '"queue_name": *"hold"' | grep -q "\"queue_id\": *\"$1\""; }
reload_2_id=$(queue_id_of "$work/swaks-reload-2.txt")
wait_until 20 held_with "$reload_2_id" || true
check "after the reload: the same message is held (the new severity is block)" held_with "$reload_2_id"
cp "$heed_config" "$work/heed.yaml.good"
printf 'watch: [\n' >>"$heed_config"
kill -HUP "$heed_pid"
wait_until 20 grep -q "reload refused" "$work/heed.log" || true
check "SIGHUP with a broken file: refused with a log line naming the file" \
      bash -c "grep 'reload refused' '$work/heed.log' | grep -qF 'source=$heed_config'"
send "$smtp_port" users-announce@cern.ch "reload-3" "$phone_body" >"$work/swaks-reload-3.txt"
reload_3_id=$(queue_id_of "$work/swaks-reload-3.txt")
wait_until 20 held_with "$reload_3_id" || true
check "after a refused reload heed still runs with the previous configuration" held_with "$reload_3_id"
cp "$work/heed.yaml.good" "$heed_config"

# --- metrics and health over HTTP ----------------------------------------------------------------
http_get() {  # http_get PATH: the whole HTTP answer of heed's metrics endpoint
    exec 5<>"/dev/tcp/127.0.0.1/$metrics_port" || return 1
    printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$1" >&5
    timeout 5 cat <&5
    exec 5<&-
}
http_get /metrics >"$work/metrics.txt" 2>/dev/null || true
check "/metrics counts screened announcements by verdict" \
      grep -Eq '^heed_messages_total\{.*mode="announcement".*\} [1-9]' "$work/metrics.txt"
check "/metrics has the decision latency histogram" grep -q '^heed_decision_seconds_bucket' "$work/metrics.txt"
http_get /healthz >"$work/healthz.txt" 2>/dev/null || true
check "/healthz answers 200 ok while heed serves" grep -q "^HTTP/1.1 200" "$work/healthz.txt"

# --- graceful SIGTERM ------------------------------------------------------------------------
kill -TERM "$heed_pid"
wait_until 20 bash -c "! kill -0 $heed_pid 2>/dev/null" || true
check "SIGTERM stops heed" bash -c "! kill -0 $heed_pid 2>/dev/null"
status=0
wait "$heed_pid" || status=$?
check "SIGTERM exit status is 0" test "$status" -eq 0
heed_pid=""

# --- heed store prune ---------------------------------------------------------------------------
"$heed" store prune --config "$heed_config" --days 0 >"$work/prune.txt" 2>&1 || true
check "heed store prune --days 0 removes every decision and says how many" \
      grep -Eq "^pruned $store, keeping 0 days: [1-9][0-9]* decisions" "$work/prune.txt"
check "after the prune the store holds no decision" test "$(sqlite3 "$store" "SELECT count(*) FROM decision")" -eq 0

echo "milter-integration: $(( $(date +%s) - started )) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

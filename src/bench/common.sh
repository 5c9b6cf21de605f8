# Shared by the benchmark scripts that run the service next to OpenSearch (ingest, browse, rebuild, instances):
# sourced, not run. Expects to be sourced from the project root (the scripts cd there first).
#
# Settings: BENCH_DIR (default /tmp/catalog-bench) keeps corpora, logs and samples; APP_DIR runs another build of
# the app than target/quarkus-app; SEARCH_URL is the OpenSearch node (default http://127.0.0.1:9200, started by
# src/dev/search-up when nothing answers there); SERVICE_OPTS adds JVM options to every service started here.

work=${BENCH_DIR:-/tmp/catalog-bench}
app_dir=${APP_DIR:-target/quarkus-app}
search_url=${SEARCH_URL:-http://127.0.0.1:9200}
mkdir -p "$work"

psql_do() { PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
now() { date +%s.%N; }
# the 1-minute load average, to print next to every figure: other work on the machine changes them
load_now() { cut -d' ' -f1 /proc/loadavg; }
# $1 / $2 as a number with $3 decimals (default 0)
ratio() { printf "%.${3:-0}f" "$(echo "$1 / $2" | bc -l)"; }

# app DATABASE COMMAND [ARGS...]: the packaged app on a database of the local PostgreSQL, in the foreground. With
# SEARCH_INDEX set, OpenSearch is configured ($search_url, that alias); without, search is PostgreSQL's. JVM_OPTS
# adds JVM options (APP_HEAP replaces -Xmx1g).
app_command() {
    local db=$1
    shift
    app_cmd=(java ${APP_HEAP:--Xmx1g} ${SERVICE_OPTS:-} ${JVM_OPTS:-})
    if [ -n "${SEARCH_INDEX:-}" ]; then
        app_cmd+=(-Dcatalog.search.opensearch.url="$search_url" -Dcatalog.search.opensearch.index="$SEARCH_INDEX")
    fi
    app_cmd+=(-Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db"
        -Dcatalog.startup-ingest.enabled=false -jar "$app_dir/quarkus-run.jar" "$@")
}
app() {
    app_command "$@"
    "${app_cmd[@]}"
}

# start_service NAME DATABASE PORT: `serve` in the background (log $work/NAME.log; JVM_OPTS and SEARCH_INDEX as
# for app), waits until it is ready; its process id is in services[NAME]. Every service started here is stopped
# when the script ends.
declare -A services=()
start_service() {
    local name=$1 db=$2 port=$3
    JVM_OPTS="${JVM_OPTS:-} -Dquarkus.http.port=$port" app_command "$db" serve
    (exec "${app_cmd[@]}") > "$work/$name.log" 2>&1 &
    services[$name]=$!
    for _ in $(seq 1 180); do
        curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && return 0
        kill -0 "${services[$name]}" 2>/dev/null || break
        sleep 1
    done
    echo "the service $name did not get ready; its log:" >&2
    tail -n 40 "$work/$name.log" >&2
    exit 1
}
stop_service() {
    local pid=${services[$1]:-}
    [ -n "$pid" ] || return 0
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset "services[$1]"
}
stop_services() {
    local name
    for name in "${!services[@]}"; do
        stop_service "$name"
    done
}
trap stop_services EXIT

# OpenSearch: makes sure a node answers (src/dev/search-up starts the local one)
require_search() {
    curl -sf "$search_url" >/dev/null || SEARCH_PORT=${search_url##*:} src/dev/search-up
}
# search_get PATH: a GET of the node's JSON API
search_get() { curl -sf "$search_url/$1"; }
# documents searchable under ALIAS (0 when there is no such alias)
search_count() { search_get "$1/_count" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])' 2>/dev/null || echo 0; }
# deletes the indices behind ALIAS and ALIAS-building, so that a run starts with none
search_drop() {
    local alias index
    for alias in "$1" "$1-building"; do
        for index in $(search_get "_alias/$alias" 2>/dev/null | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)))' 2>/dev/null); do
            curl -sf -X DELETE "$search_url/$index" >/dev/null
        done
    done
}
# one line on the index behind ALIAS: name, documents, size on disk, segments
search_describe() {
    search_get "_cat/indices/$1?h=index,docs.count,store.size,pri&bytes=mb&format=json" | python3 -c '
import json, sys
for i in json.load(sys.stdin):
    print("%s: %s documents, %s MB on disk, %s shard(s)" % (i["index"], i["docs.count"], i["store.size"], i["pri"]))'
}
# the node's heap, for the record
search_heap() {
    search_get "_nodes/stats/jvm" | python3 -c '
import json, sys
for n in json.load(sys.stdin)["nodes"].values():
    m = n["jvm"]["mem"]
    print("%d MiB heap (max %d MiB)" % (m["heap_used_in_bytes"] >> 20, m["heap_max_in_bytes"] >> 20))'
}

# Where the two cores went during a measurement: cpu_mark FILE starts a sampler (once a second, every process's CPU
# time, so that processes that end meanwhile still count up to their last second), cpu_report FILE SECONDS stops it
# and prints cores used per group: the catalog's service(s) (`serve`), its CLI (ingest, search-index), OpenSearch,
# PostgreSQL, wrk, and "other" (the whole machine's busy time from /proc/stat minus the groups: other people's work
# on a shared machine, and the benchmark's own scripts).
cpu_mark() {
    python3 - "$1" <<'EOF' &
import os, signal, sys, time
out = sys.argv[1]
tick = os.sysconf("SC_CLK_TCK")

def group(cmd):
    if "quarkus-run.jar" in cmd:
        return "service" if cmd.rstrip().endswith(" serve") else "cli"
    if "LocalOpenSearch" in cmd or "org.opensearch" in cmd:
        return "opensearch"
    if cmd.startswith("postgres") or "/postgresql/" in cmd:
        return "postgresql"
    if cmd.startswith("wrk") or "/wrk " in cmd:
        return "wrk"
    return None

def busy():  # seconds the whole machine was busy
    fields = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / tick

first, last, groups = {}, {}, {}
def sample(started):
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = open("/proc/%s/stat" % pid).read()
            cmd = open("/proc/%s/cmdline" % pid, "rb").read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        g = group(cmd)
        if g is None:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        key = (pid, fields[19])  # pid and start time: a pid used again is another process
        seconds = (int(fields[11]) + int(fields[12])) / tick
        first.setdefault(key, 0.0 if started else seconds)
        last[key] = seconds
        groups[key] = g

sample(False)
start_busy = busy()
stop = []
signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
while not stop:
    time.sleep(1)
    sample(True)
sample(True)
used = {}
for key, g in groups.items():
    used[g] = used.get(g, 0.0) + last[key] - first[key]
used["other"] = max(0.0, busy() - start_busy - sum(used.values()))
with open(out, "w") as f:
    for g, seconds in used.items():
        f.write("%s %f\n" % (g, seconds))
EOF
    echo $! > "$1.pid"
}
cpu_report() {
    local pid
    pid=$(cat "$1.pid")
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    python3 - "$1" "$2" <<'EOF'
import sys
used = dict(l.split() for l in open(sys.argv[1]))
seconds = float(sys.argv[2])
parts = ["%s %.2f" % (g, float(used[g]) / seconds)
         for g in ("service", "cli", "opensearch", "postgresql", "wrk", "other") if float(used.get(g, 0)) > 0]
print("cores used: " + ", ".join(parts))
EOF
}

# browse_inputs DATABASE: scenario inputs taken from the data, as variables: top_source (the biggest source), month
# and month_end (a month six months before the newest article), rare_word (a word of one article among the first
# 3,000) and exclusions (three more such words, each excluded: -a+-b+-c)
browse_inputs() {
    local db=$1 words
    top_source=$(psql_do -d "$db" -c "select s.host from article_month_count c join source s on s.id = c.source_id group by s.host order by sum(articles) desc limit 1")
    month=$(psql_do -d "$db" -c "select to_char(date_trunc('month', max(published)) - interval '6 months', 'YYYY-MM') from article")
    month_end=$(psql_do -d "$db" -c "select to_char(date '$month-01' + interval '1 month' - interval '1 day', 'YYYY-MM-DD')")
    words=($(psql_do -d "$db" -c "select word from ts_stat('select search_vector from article where id <= 3000') where ndoc = 1 and length(word) > 6 order by word limit 4"))
    rare_word=${words[0]}
    exclusions="-${words[1]}+-${words[2]}+-${words[3]}"
}

# wrk_run URL DURATION CONNECTIONS: warm-up, then the measurement; prints "req/s p50 p95 p99 requests errors"
wrk_run() {
    local url=$1 duration=$2 connections=${3:-8}
    wrk -t2 -c"$connections" -d5s "$url" > /dev/null 2>&1  # warm-up: JIT, plans, caches
    wrk -t2 -c"$connections" -d"${duration}s" -s src/bench/latency.lua "$url" > "$work/wrk.out" 2>&1
    local line
    line=$(grep '^RESULT' "$work/wrk.out") || { cat "$work/wrk.out" >&2; return 1; }
    echo "${line#RESULT }"
}

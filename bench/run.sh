#!/usr/bin/env bash
# National-scale benchmark. Usage: bench/run.sh [members] [seconds-per-wrk-run]
# Needs: wrk, psql (postgresql-client), python3, curl — apt-get install -y wrk postgresql-client curl.
# PARTS=registry or PARTS=meetings runs only those measurements (the dataset is always generated whole);
# REUSE=1 skips the generation and measures on the dataset left in bench/out/pg by an earlier run.
# Builds the jar, starts it on an empty embedded PostgreSQL under bench/out/pg with a 512 MB heap, generates the
# dataset with bench/generate.sql, then measures pages and the API with wrk (32 connections) on the same cores.
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${1:-5600000}
SECS=${2:-20}
OUT=bench/out
PGPORT=55432
PORT=8089
mkdir -p "$OUT"
# A Java 21 or newer to run the jar (the default java may be older).
JAVA=java
for d in /usr/lib/jvm/*/; do
  v=$("${d}bin/java" -version 2>&1 | grep -oE 'version "[0-9]+' | grep -oE '[0-9]+$' || echo 0)
  if [ "${v:-0}" -ge 21 ]; then JAVA="${d}bin/java"; fi
done
pkill -f "dangvu.jar.*--server.port=$PORT" 2>/dev/null || true
# The 2 GB of shared buffers in huge pages: with 4 KB pages each new database connection faulted every buffer it
# first touched, at about 80 µs each here (a fresh connection's first search 221 ms instead of 8.5 ms; the first
# import after a start 20.6 s instead of 12.8 s). Reserve them once, as root: sysctl -w vm.nr_hugepages=1200
if (( $(awk '/HugePages_Total/ {print $2}' /proc/meminfo) < 1100 )); then
  echo "NOTE: no huge pages reserved (sysctl -w vm.nr_hugepages=1200); the figures will be those of 4 KB pages" >&2
fi
./mvnw -q -B package -DskipTests
# REUSE=1 measures again on the dataset already in bench/out/pg (made by an earlier run, possibly with migrations
# edited since: their checksums are then not checked).
REUSE=${REUSE:-0}
EXTRA=()
if [[ "$REUSE" == 1 ]]; then EXTRA=(--spring.flyway.validate-on-migrate=false); else rm -rf "$OUT/pg"; fi
"$JAVA" -Xmx512m -Xlog:gc:file="$OUT/gc.log" -jar target/dangvu.jar --dangvu.demo.enabled=false --dangvu.bench.enabled=true \
  --dangvu.embedded.data-dir="$OUT/pg" --dangvu.embedded.port=$PGPORT --dangvu.embedded.shared-buffers=2GB --dangvu.embedded.preload-libraries=pg_prewarm,pg_stat_statements \
  --server.port=$PORT "${EXTRA[@]}" > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://localhost:$PORT/login"; do kill -0 $APP 2>/dev/null || { tail -20 "$OUT/app.log"; exit 1; }; sleep 1; done
PSQL="psql -X -q -h localhost -p $PGPORT -U postgres -d dangvu"

if [[ "$REUSE" != 1 ]]; then
echo "== generate ($MEMBERS members)"
start=$(date +%s.%N)
HALF=$((MEMBERS / 2))
$PSQL -f bench/generate-1-organizations.sql > "$OUT/generate.log"
# Members in two sessions at once (one per core), then roll-ups, then indexes in two sessions at once.
$PSQL -v from=1 -v to=$HALF -f bench/generate-2-members.sql >> "$OUT/generate.log" &
P1=$!
$PSQL -v from=$((HALF + 1)) -v to=$MEMBERS -f bench/generate-2-members.sql >> "$OUT/generate.log"
wait $P1
$PSQL -f bench/generate-3-rollups.sql >> "$OUT/generate.log"
$PSQL -f bench/generate-4a-indexes.sql >> "$OUT/generate.log" &
P2=$!
$PSQL -f bench/generate-4b-indexes.sql >> "$OUT/generate.log"
wait $P2
$PSQL -f bench/generate-5-accounts.sql >> "$OUT/generate.log"
end=$(date +%s.%N)
echo "GENERATE seconds=$(echo "$end - $start" | bc) $($PSQL -At -c "select 'organizations=' || (select count(*) from organizations.organization) || ' members=' || (select count(*) from organizations.member) || ' accounts=' || (select count(*) from accounts.account)")"

echo "== generate meetings (12 months, every cell)"
start=$(date +%s.%N)
$PSQL -c "drop index if exists meetings.attendance_member" >> "$OUT/generate.log"
$PSQL -v from=1000000 -v to=1131999 -f bench/generate-6-meetings.sql >> "$OUT/generate.log" &
P3=$!
$PSQL -v from=1132000 -v to=1263999 -f bench/generate-6-meetings.sql >> "$OUT/generate.log"
wait $P3
$PSQL -f bench/generate-7-meetings-rollup.sql >> "$OUT/generate.log"
end=$(date +%s.%N)
echo "GENERATE_MEETINGS seconds=$(echo "$end - $start" | bc) $($PSQL -At -c "select 'meetings=' || (select count(*) from meetings.meeting) || ' attendance=' || (select count(*) from meetings.attendance) || ' counter_rows=' || (select count(*) from meetings.meeting_counter)")"
fi

. bench/login.sh  # login USER -> cookie header (needs OUT, PORT)
PROV=2
COOKIE_PROV=$(login "canbo.$PROV")
COOKIE_ADMIN=$(login "canbo.1")
$PSQL -At -c "select o.id from organizations.organization o where o.level = 'CELL' and o.path <@ '1.$PROV' order by random() limit 2000" > "$OUT/cells.txt"
$PSQL -At -c "select id from organizations.organization where level in ('COMMUNE','GRASSROOTS') order by random() limit 2000" > "$OUT/nodes.txt"
$PSQL -At -c "(select id from organizations.organization order by random() limit 2000) union all select 1" > "$OUT/anyorg.txt"
# The same 600 names in every run on the same dataset (a seeded sample): a search's cost grows with its hits (17,218
# for one of them), so a new sample each run moved the figures by itself. (No parallel scan: its order varies.)
$PSQL -At -c "set max_parallel_workers_per_gather = 0" -c "select setseed(0.2026)" -c "select replace(public.vn_fold(full_name), ' ', '+') from organizations.member m where organization_id in (select id from organizations.organization where path <@ '1.$PROV') order by random(), id limit 300" | sed "/^$/d; /^SET$/d" > "$OUT/names.txt"
$PSQL -At -c "set max_parallel_workers_per_gather = 0" -c "select setseed(0.2026)" -c "select replace(public.vn_fold(split_part(full_name, ' ', 2) || ' ' || split_part(full_name, ' ', 3)), ' ', '+') from organizations.member order by random(), id limit 300" | sed "/^$/d; /^SET$/d" >> "$OUT/names.txt"

PARTS=${PARTS:-all}
# Each kind of request runs $WARM seconds unmeasured first: under load the JVM's CPU per request falls about
# fivefold in the first minutes after a start, as the JIT compiles each path (attendance recording: 3.8 ms of JVM
# CPU per request in the first minute, 0.73 ms after three), and the figures are meant for a running platform.
WARM=${WARM:-20}
warm() { # warm IDS PATHFMT COOKIE [HX]
  IDS="$1" PATHFMT="$2" COOKIE="$3" HX="${4:-}" wrk -t2 -c32 -d"${WARM}s" --timeout 10s -s bench/wrk.lua "http://localhost:$PORT" > /dev/null
}
run() { # run NAME IDS PATHFMT COOKIE [HX]
  sleep 5  # let the previous run's queued requests drain
  echo "== $1"
  IDS="$2" PATHFMT="$3" COOKIE="$4" HX="${5:-}" wrk -t2 -c32 -d"${SECS}s" --timeout 10s -s bench/wrk.lua "http://localhost:$PORT" | grep RESULT | sed "s/^/$1 /"
}
if [[ "$PARTS" == all || "$PARTS" == registry ]]; then
# Warm-up, then the measured runs. The bare page is the floor of the same stack measured in the same run.
echo "== warm-up, ${WARM} s per kind of request"
warm "$OUT/cells.txt" "/bench/bare/%s" ""
warm "$OUT/cells.txt" "/orgs/%s/members" "$COOKIE_PROV"
warm "$OUT/names.txt" "/orgs/$PROV/members?q=%s" "$COOKIE_PROV"
warm "$OUT/nodes.txt" "/orgs/%s/children" "$COOKIE_ADMIN" hx
warm "$OUT/anyorg.txt" "/api/v1/organizations/%s/counts" "$COOKIE_ADMIN"
run bare_page "$OUT/cells.txt" "/bench/bare/%s" ""
run cell_member_page "$OUT/cells.txt" "/orgs/%s/members" "$COOKIE_PROV"
run bare_page_again "$OUT/cells.txt" "/bench/bare/%s" ""
run province_search "$OUT/names.txt" "/orgs/$PROV/members?q=%s" "$COOKIE_PROV"
run tree_expand "$OUT/nodes.txt" "/orgs/%s/children" "$COOKIE_ADMIN" hx
run subtree_counts "$OUT/anyorg.txt" "/api/v1/organizations/%s/counts" "$COOKIE_ADMIN"
echo "== country counts, single requests"
for i in 1 2 3 4 5; do curl -s -o /dev/null -w "country_counts_ms=%{time_total}\n" -H "Cookie: $COOKIE_ADMIN" "http://localhost:$PORT/api/v1/organizations/1/counts"; done

echo "== counters after moves"
T=$(awk '/XSRF-TOKEN/ {print $7}' "$OUT/canbo.1.jar")
for cell in $(head -5 "$OUT/cells.txt"); do
  # another grassroots organization of the cell's province: the cell stays in the lists the pages are measured on
  target=$($PSQL -At -c "select id from organizations.organization where level = 'GRASSROOTS' and path <@ (select subpath(path, 0, 2) from organizations.organization where id = $cell)
                          and id <> (select parent_id from organizations.organization where id = $cell) order by random() limit 1")
  curl -s -o /dev/null -w "move_ms=%{time_total} status=%{http_code}\n" -b "$OUT/canbo.1.jar" -H "X-XSRF-TOKEN: $T" -H 'Content-Type: application/json' \
    -d "{\"parentId\":$target,\"effectiveOn\":\"$(date +%d/%m/%Y)\",\"decisionRef\":\"99-QĐ/TU\"}" "http://localhost:$PORT/api/v1/organizations/$cell/move"
done
$PSQL -At -c "
  select 'counters_vs_actual_country ' || (select string_agg(status_key || '=' || n, ',' order by status_key) from (select status_key, sum(n) n from organizations.member_count where organization_id = 1 group by 1 having sum(n) <> 0) c)
      || ' | ' || (select string_agg(k || '=' || n, ',' order by k) from (select organizations.status_key(standing, status) k, count(*) n from organizations.member group by 1) x)"
# The evaluations follow the moved cells (EvaluationMoves): none is left under its organization's old path.
$PSQL -At -c "select 'evaluations_off_their_organization_path=' || count(*) from evaluations.evaluation e join organizations.organization o on o.id = e.organization_id where e.org_path <> o.path"

fi

if [[ "$PARTS" == all || "$PARTS" == meetings ]]; then
echo "== meetings"
$PSQL -At -c "select id from organizations.organization where level = 'CELL' and path <@ '1.$PROV' and id not in (select id from organizations.organization where level = 'CELL' and path <@ '1.$PROV' order by id limit 2000) order by random() limit 2000" > "$OUT/mcells.txt"
$PSQL -At -c "select id from meetings.meeting where org_path <@ '1.$PROV' and status = 'HELD' order by random() limit 2000" > "$OUT/meetings.txt"
$PSQL -At -c "select m.id || ' ' || string_agg(a.member_id::text, ',' order by a.member_id) from meetings.meeting m join meetings.attendance a on a.meeting_id = m.id and a.standing <> 'EXEMPT' where (m.status = 'PUBLISHED' or (m.status = 'HELD' and m.kind = 'REGULAR' and m.meeting_date >= date '2026-11-01')) and m.org_path <@ '1.$PROV' group by m.id having count(*) >= 30" > "$OUT/attendance.txt"
echo "attendance_lines=$(wc -l < "$OUT/attendance.txt") members_per_line_avg=$(awk '{n += split($2, a, ",")} END {printf "%.1f", n / NR}' "$OUT/attendance.txt")"
XSRF=$(awk '/XSRF-TOKEN/ {print $7}' "$OUT/canbo.$PROV.jar" | tail -1)
echo "== warm-up, ${WARM} s per kind of request"
warm "$OUT/mcells.txt" "/bench/bare/%s" ""
warm "$OUT/mcells.txt" "/orgs/%s/meetings" "$COOKIE_PROV"
warm "$OUT/meetings.txt" "/meetings/%s" "$COOKIE_PROV"
LINES="$OUT/attendance.txt" COOKIE="$COOKIE_PROV" XSRF="$XSRF" wrk -t2 -c32 -d"${WARM}s" --timeout 10s \
  -s bench/wrk-attendance.lua "http://localhost:$PORT" > /dev/null
run bare_page_m "$OUT/mcells.txt" "/bench/bare/%s" ""
run cell_meetings_page "$OUT/mcells.txt" "/orgs/%s/meetings" "$COOKIE_PROV"
run meeting_page "$OUT/meetings.txt" "/meetings/%s" "$COOKIE_PROV"
run bare_page_m_again "$OUT/mcells.txt" "/bench/bare/%s" ""
sleep 5
echo "== attendance_record"
LINES="$OUT/attendance.txt" COOKIE="$COOKIE_PROV" XSRF="$XSRF" wrk -t2 -c32 -d"${SECS}s" --timeout 10s \
  -s bench/wrk-attendance.lua "http://localhost:$PORT" | grep RESULT | sed "s/^/attendance_record /"
echo "$PROV" > "$OUT/prov.txt"
echo "1" > "$OUT/country.txt"
run province_meeting_stats "$OUT/prov.txt" "/api/v1/organizations/%s/meeting-stats?year=2026" "$COOKIE_ADMIN"
run province_meeting_stats_page "$OUT/prov.txt" "/orgs/%s/meetings/stats?year=2026" "$COOKIE_ADMIN"
run country_meeting_stats "$OUT/country.txt" "/api/v1/organizations/%s/meeting-stats?year=2026" "$COOKIE_ADMIN"
echo "== meeting stats, single requests"
for i in 1 2 3 4 5; do curl -s -o /dev/null -w "province_stats_ms=%{time_total}\n" -H "Cookie: $COOKIE_ADMIN" "http://localhost:$PORT/api/v1/organizations/$PROV/meeting-stats?year=2026"; done
for i in 1 2 3 4 5; do curl -s -o /dev/null -w "country_stats_ms=%{time_total}\n" -H "Cookie: $COOKIE_ADMIN" "http://localhost:$PORT/api/v1/organizations/1/meeting-stats?year=2026"; done
$PSQL -At -c "
  with actual as (select sum(present) filter (where status = 'HELD') p, count(*) filter (where status = 'HELD') h from meetings.meeting)
  select 'meeting_counters_country held=' || (select sum(held) from meetings.meeting_counter where organization_id = 1) || '/' || h
      || ' present=' || (select sum(present) from meetings.meeting_counter where organization_id = 1) || '/' || p from actual"
fi

if [[ "$PARTS" == all || "$PARTS" == registry ]]; then
echo "== import 50,000 rows"
CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
CELL=$(sed -n 100p "$OUT/cells.txt")
"$JAVA" -cp "$CP" bench/ImportBench.java "http://localhost:$PORT" "$OUT/canbo.$PROV.jar" "$CELL" 50000

fi

echo "== heap"
"$(dirname "$JAVA")/jcmd" $APP GC.heap_info | sed -n '1,4p'
grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$OUT/gc.log" | awk -F'[->()M]+' '{ if ($1 > max) max = $1 } END { print "max_heap_used_before_gc_mb=" max }'

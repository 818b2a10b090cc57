#!/usr/bin/env bash
# Re-measures the meeting pages against an app already running on the dataset of bench/run.sh (bench/out/pg), for
# quick before/after comparisons within one sitting. Usage, after `PARTS=meetings bash bench/run.sh`:
#   java -Xmx512m -jar target/dangvu.jar --dangvu.demo.enabled=false --dangvu.bench.enabled=true \
#     --dangvu.embedded.data-dir=bench/out/pg --dangvu.embedded.port=55432 --dangvu.embedded.shared-buffers=2GB --server.port=8089 &
#   SECS=10 WHAT="bare cell meeting att prov country bare" bash bench/measure-meetings.sh
cd "$(dirname "$0")/.."
PORT=${PORT:-8089}; OUT=bench/out
. bench/login.sh
C2=$(login canbo.2); C1=$(login canbo.1)
XSRF=$(awk '/XSRF-TOKEN/ {print $7}' "$OUT/canbo.2.jar" | tail -1)
r() { IDS="$2" PATHFMT="$3" COOKIE="$4" wrk -t2 -c32 -d${SECS:-8}s -s bench/wrk.lua "http://localhost:$PORT" | grep RESULT | sed "s/^/$1 /"; }
for what in ${WHAT:-bare cell meeting att prov country}; do
case $what in
bare) r bare $OUT/mcells.txt "/bench/bare/%s" "" ;;
cell) r cell $OUT/mcells.txt "/orgs/%s/meetings" "$C2" ;;
meeting) r meeting $OUT/meetings.txt "/meetings/%s" "$C2" ;;
att) LINES="$OUT/attendance.txt" COOKIE="$C2" XSRF="$XSRF" wrk -t2 -c32 -d${SECS:-8}s -s bench/wrk-attendance.lua "http://localhost:$PORT" | grep RESULT | sed "s/^/att /" ;;
prov) r prov $OUT/prov.txt "/api/v1/organizations/%s/meeting-stats?year=2026" "$C1" ;;
country) r country $OUT/country.txt "/api/v1/organizations/%s/meeting-stats?year=2026" "$C1" ;;
esac
done

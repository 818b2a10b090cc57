#!/usr/bin/env bash
# A/B of two builds on the dataset of bench/run.sh (bench/out/pg): each jar is started fresh, warmed, then measured
# with wrk (32 connections) on the bare page, a cell's member page, a tree node, a cell's meetings page and one
# meeting's page; beside wrk's figures it prints the CPU per request of the JVM and of all PostgreSQL processes,
# read from /proc over the run (steadier than requests/s on a machine whose speed moves).
# Usage: bash bench/ab-pages.sh OLD.jar NEW.jar [rounds] — e.g. OLD from `git stash; ./mvnw -q package -DskipTests`.
# OLD_ARGS / NEW_ARGS add arguments to one side's start (the same jar with two settings, e.g.
# NEW_ARGS=--spring.threads.virtual.enabled=true bash bench/ab-pages.sh app.jar app.jar). WHAT picks the pages.
set -u
cd "$(dirname "$0")/.."
OLD=$1; NEW=$2; ROUNDS=${3:-2}; SECS=${SECS:-12}
PORT=8089; OUT=bench/out
JAVA=java
for d in /usr/lib/jvm/*/; do v=$("${d}bin/java" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p'); [ "${v:-0}" -ge 21 ] && JAVA="${d}bin/java"; done
. bench/login.sh
ticks() { awk '{print $14+$15}' /proc/$1/stat; }
pgticks() { for p in $(pgrep -x postgres); do awk '{print $14+$15}' /proc/$p/stat; done | awk '{s+=$1} END {print s}'; }
measure() { # measure LABEL IDS PATHFMT COOKIE [HX] [SECS]
  local a b line req
  a=$(ticks "$APP"); b=$(pgticks)
  line=$(IDS="$2" PATHFMT="$3" COOKIE="$4" HX="${5:-}" wrk -t2 -c32 -d"${6:-$SECS}s" --timeout 10s -s bench/wrk.lua "http://localhost:$PORT" | grep RESULT)
  req=$(echo "$line" | sed -E 's/.*requests=([0-9]+).*/\1/')
  echo "$1 $line jvm_cpu_ms_per_req=$(echo "scale=3; ($(ticks "$APP") - $a) * 1000 / $(getconf CLK_TCK) / $req" | bc) pg_cpu_ms_per_req=$(echo "scale=3; ($(pgticks) - $b) * 1000 / $(getconf CLK_TCK) / $req" | bc)"
}
for round in $(seq "$ROUNDS"); do
  for pair in "OLD $OLD" "NEW $NEW"; do
    set -- $pair
    EXTRA=$([ "$1" = OLD ] && echo "${OLD_ARGS:-}" || echo "${NEW_ARGS:-}")
    "$JAVA" -Xmx512m -jar "$2" --dangvu.demo.enabled=false --dangvu.bench.enabled=true --dangvu.embedded.data-dir=$OUT/pg \
      --dangvu.embedded.port=55432 --dangvu.embedded.shared-buffers=2GB --server.port=$PORT \
      --spring.flyway.validate-on-migrate=false $EXTRA > $OUT/ab-app.log 2>&1 &
    APP=$!
    until curl -sf -o /dev/null "http://localhost:$PORT/login"; do kill -0 $APP 2>/dev/null || { tail -5 $OUT/ab-app.log; exit 1; }; sleep 1; done
    CA=$(login canbo.1); CP=$(login canbo.2)
    measure warm $OUT/cells.txt "/orgs/%s/members" "$CP" "" 20 > /dev/null
    measure warm $OUT/nodes.txt "/orgs/%s/children" "$CA" hx 15 > /dev/null
    measure warm $OUT/mcells.txt "/orgs/%s/meetings" "$CP" "" 15 > /dev/null
    for w in ${WHAT:-bare members tree meetings meeting}; do case $w in
      bare) measure "$1 bare" $OUT/cells.txt "/bench/bare/%s" "" ;;
      members) measure "$1 cell_members" $OUT/cells.txt "/orgs/%s/members" "$CP" ;;
      tree) measure "$1 tree_node" $OUT/nodes.txt "/orgs/%s/children" "$CA" hx ;;
      meetings) measure "$1 cell_meetings" $OUT/mcells.txt "/orgs/%s/meetings" "$CP" ;;
      meeting) measure "$1 meeting" $OUT/meetings.txt "/meetings/%s" "$CP" ;;
      search) measure warm $OUT/names.txt "/orgs/2/members?q=%s" "$CP" "" 15 > /dev/null
              measure "$1 search" $OUT/names.txt "/orgs/2/members?q=%s" "$CP" ;;
    esac; done
    kill $APP; wait $APP 2>/dev/null
  done
done

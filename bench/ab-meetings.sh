#!/usr/bin/env bash
# A/B of two builds on the meetings pages and attendance recording, on the dataset of bench/run.sh (bench/out/pg):
# each jar is started fresh, warmed ($WARM s, default 60, of each measurement), then measured with bench/measure-meetings.sh; beside
# wrk's figures it prints the JVM's CPU per request and the whole machine's (all processes, wrk included, read from
# /proc/stat: unlike a sum over PostgreSQL's processes it is not upset by backends that come and go).
# Usage: WHAT="att cell meeting" SECS=15 bash bench/ab-meetings.sh OLD.jar NEW.jar [rounds]
# OLD_ARGS / NEW_ARGS add arguments to one side's start (the same jar with two settings).
set -u
cd "$(dirname "$0")/.."
OLD=$1; NEW=$2; ROUNDS=${3:-2}; WHAT=${WHAT:-att cell meeting}; SECS=${SECS:-15}
PORT=8089; OUT=bench/out
JAVA=java
for d in /usr/lib/jvm/*/; do v=$("${d}bin/java" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p'); [ "${v:-0}" -ge 21 ] && JAVA="${d}bin/java"; done
ticks() { awk '{print $14+$15}' /proc/$1/stat; }
busy() { awk '/^cpu / {print $2+$3+$4+$7+$8}' /proc/stat; }
for round in $(seq "$ROUNDS"); do
  for pair in "OLD $OLD" "NEW $NEW"; do
    set -- $pair
    EXTRA=$([ "$1" = OLD ] && echo "${OLD_ARGS:-}" || echo "${NEW_ARGS:-}")
    "$JAVA" -Xmx512m -jar "$2" --dangvu.demo.enabled=false --dangvu.bench.enabled=true --dangvu.embedded.data-dir=$OUT/pg \
      --dangvu.embedded.port=55432 --dangvu.embedded.shared-buffers=2GB --server.port=$PORT \
      --spring.flyway.validate-on-migrate=false --dangvu.embedded.preload-libraries=pg_prewarm,pg_stat_statements $EXTRA > $OUT/ab-app.log 2>&1 &
    APP=$!
    until curl -sf -o /dev/null "http://localhost:$PORT/login"; do kill -0 $APP 2>/dev/null || { tail -5 $OUT/ab-app.log; exit 1; }; sleep 1; done
    SECS=${WARM:-60} WHAT="$WHAT" bash bench/measure-meetings.sh > /dev/null  # the JIT compiles each path in the first minutes
    for w in $WHAT; do
      a=$(ticks "$APP"); b=$(busy)
      line=$(SECS=$SECS WHAT=$w bash bench/measure-meetings.sh | tail -1)
      req=$(echo "$line" | sed -E 's/.*requests=([0-9]+).*/\1/')
      echo "$1 $line jvm_cpu_ms_per_req=$(echo "scale=3; ($(ticks "$APP") - $a) * 1000 / $(getconf CLK_TCK) / $req" | bc) machine_cpu_ms_per_req=$(echo "scale=3; ($(busy) - $b) * 1000 / $(getconf CLK_TCK) / $req" | bc)"
    done
    kill $APP; wait $APP 2>/dev/null
  done
done

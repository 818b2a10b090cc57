#!/usr/bin/env bash
# A/B of two builds on views of full member records (each one audited), on the dataset of bench/run.sh
# (bench/out/pg): 2,000 random active members of province 2 viewed by that province's staff (canbo.2) with wrk at
# 32 connections. Each jar is started fresh, warmed $WARM s (default 60), measured $SECS s; beside wrk's figures the JVM's and the
# whole machine's CPU per request (as bench/ab-meetings.sh).
# Usage: SECS=15 bash bench/ab-views.sh OLD.jar NEW.jar [rounds]
set -u
cd "$(dirname "$0")/.."
OLD=$1; NEW=$2; ROUNDS=${3:-2}; SECS=${SECS:-15}
PORT=8089; OUT=bench/out
JAVA=java
for d in /usr/lib/jvm/*/; do v=$("${d}bin/java" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p'); [ "${v:-0}" -ge 21 ] && JAVA="${d}bin/java"; done
ticks() { awk '{print $14+$15}' /proc/$1/stat; }
busy() { awk '/^cpu / {print $2+$3+$4+$7+$8}' /proc/stat; }
. bench/login.sh
views() { IDS=$OUT/members2.txt PATHFMT="/members/%s" COOKIE="$(login canbo.2)" wrk -t2 -c32 -d$1s -s bench/wrk.lua "http://localhost:$PORT" | grep RESULT; }
for round in $(seq "$ROUNDS"); do
  for pair in "OLD $OLD" "NEW $NEW"; do
    set -- $pair
    "$JAVA" -Xmx512m -jar "$2" --dangvu.demo.enabled=false --dangvu.bench.enabled=true --dangvu.embedded.data-dir=$OUT/pg \
      --dangvu.embedded.port=55432 --dangvu.embedded.shared-buffers=2GB --server.port=$PORT \
      --spring.flyway.validate-on-migrate=false --dangvu.embedded.preload-libraries=pg_prewarm,pg_stat_statements > $OUT/ab-app.log 2>&1 &
    APP=$!
    until curl -sf -o /dev/null "http://localhost:$PORT/login"; do kill -0 $APP 2>/dev/null || { tail -5 $OUT/ab-app.log; exit 1; }; sleep 1; done
    if [ ! -s $OUT/members2.txt ]; then
      psql -X -At -h localhost -p 55432 -U postgres -d dangvu -c "select m.id from organizations.member m join organizations.organization o on o.id = m.organization_id where o.path <@ '1.2' and m.status = 'ACTIVE' order by random() limit 2000" > $OUT/members2.txt
    fi
    views "${WARM:-60}" > /dev/null  # the JIT compiles the path in the first minutes
    a=$(ticks "$APP"); b=$(busy)
    line=$(views "$SECS")
    req=$(echo "$line" | sed -E 's/.*requests=([0-9]+).*/\1/')
    echo "$1 views $line jvm_cpu_ms_per_req=$(echo "scale=3; ($(ticks "$APP") - $a) * 1000 / $(getconf CLK_TCK) / $req" | bc) machine_cpu_ms_per_req=$(echo "scale=3; ($(busy) - $b) * 1000 / $(getconf CLK_TCK) / $req" | bc)"
    kill $APP; wait $APP 2>/dev/null
  done
done

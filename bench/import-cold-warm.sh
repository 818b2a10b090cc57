#!/bin/bash
# Starts JAR fresh on the benchmark dataset (bench/out/pg, made by bench/run.sh) and imports 50,000 rows twice with
# bench/ImportBench.java into one cell of province 2: the first import after a start ("cold") and the next ("warm");
# prints both and the insert statement's time from pg_stat_statements, removing the imported members after each.
# Usage: bash bench/import-cold-warm.sh JAR LABEL   (EXTRA="--more --app --options" to pass settings)
set -u
cd "$(dirname "$0")/.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
export PGPASSWORD= OUT=bench/out PORT=8089
pkill -f "java -Xmx512m -jar"; while pgrep -f "java -Xmx512m -jar" >/dev/null; do sleep 1; done
# shellcheck disable=SC2086
(nohup "$JAVA" -Xmx512m -jar "$1" --dangvu.demo.enabled=false --dangvu.bench.enabled=true --dangvu.embedded.data-dir=bench/out/pg \
  --dangvu.embedded.port=55432 --dangvu.embedded.shared-buffers=2GB --server.port=8089 --spring.flyway.validate-on-migrate=false \
  --dangvu.embedded.preload-libraries=pg_prewarm,pg_stat_statements ${EXTRA:-} > "$OUT/app-$2.log" 2>&1 &)
for _ in $(seq 1 120); do curl -s -o /dev/null -w '%{http_code}\n' localhost:8089/ 2>/dev/null | grep -q 200 && break; sleep 2; done
P="psql -X -h localhost -p 55432 -U postgres -d dangvu"
$P -q -f bench/cleanup-imports.sql
$P -qc "create extension if not exists pg_stat_statements"
. bench/login.sh; login canbo.2 >/dev/null
CP=${CP:-$(./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)}
CELL=$(sed -n 100p "$OUT/cells.txt")
for k in cold warm; do
  $P -qc "select pg_stat_statements_reset()" >/dev/null
  "$JAVA" -cp "$CP" bench/ImportBench.java http://localhost:8089 "$OUT/canbo.2.jar" "$CELL" 50000 | grep -v build | sed "s/^/$2 $k /"
  $P -Atc "select '$2 $k insert_ms=' || round(total_exec_time) from pg_stat_statements where query like 'with ins as%'"
  $P -q -f bench/cleanup-imports.sql
done
pkill -f "java -Xmx512m -jar"

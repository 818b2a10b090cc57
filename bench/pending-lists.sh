#!/usr/bin/env bash
# How the name indexes' pending lists (V19_1) weigh on searches: with the app running on the benchmark dataset
# (port 8089), sets gin_pending_list_limit on both name indexes, imports 50,000 rows through the pages
# (bench/ImportBench.java), reads the pending lists' size, runs the 600 benchmark names as province searches in one
# psql session twice, removes the imported members (bench/cleanup-imports.sql, which vacuums) and runs them twice again.
# Usage: bash bench/pending-lists.sh 256|64|default   (needs bench/out/names.txt and cells.txt from bench/run.sh)
set -u
cd "$(dirname "$0")/.."
export PGPASSWORD= OUT=bench/out PORT=8089
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
P="psql -X -h localhost -p 55432 -U postgres -d dangvu"
if [ "$1" = default ]; then
  $P -qc "alter index organizations.member_name_keys reset (gin_pending_list_limit); alter index organizations.member_name_trgm reset (gin_pending_list_limit)"
else
  $P -qc "alter index organizations.member_name_keys set (gin_pending_list_limit = $1); alter index organizations.member_name_trgm set (gin_pending_list_limit = $1)"
fi
SEARCHES=$(mktemp)
{
  echo "prepare s(text[]) as select id from organizations.member where name_keys @> \$1 and status not in ('REMOVED','EXPELLED','LEFT','DECEASED') order by given_name collate \"vi-x-icu\", name_rest collate \"vi-x-icu\", id limit 50;"
  while read -r q; do echo "execute s('{$(echo "$q" | tr '+' '\n' | sed 's/^/2 /' | paste -sd,)}');"; done < "$OUT/names.txt"
} > "$SEARCHES"
. bench/login.sh; login canbo.2 > /dev/null
CP=${CP:-$(./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)}
"$JAVA" -cp "$CP" bench/ImportBench.java http://localhost:$PORT "$OUT/canbo.2.jar" "$(sed -n 100p "$OUT/cells.txt")" 50000 | grep -v build | sed "s/^/limit=$1 /"
for i in keys trgm; do
  $P -Atc "select 'limit=$1 pending $i: ' || pending_pages || ' pages, ' || pending_tuples || ' entries' from pgstatginindex('organizations.member_name_$i')"
done
for i in 1 2; do /usr/bin/time -f "limit=$1 600 searches after the import: %e s" $P -q -o /dev/null -f "$SEARCHES"; done
$P -q -f bench/cleanup-imports.sql
for i in 1 2; do /usr/bin/time -f "limit=$1 600 searches after a vacuum: %e s" $P -q -o /dev/null -f "$SEARCHES"; done
rm -f "$SEARCHES"

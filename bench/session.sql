-- Settings shared by every part of the generator (included with \ir).
\set ON_ERROR_STOP on
\timing on
\set key '\'demo-only-key-change-me\''
set session_replication_role = replica;  -- no triggers or FK checks during the bulk load; counters are computed in part 3
set synchronous_commit = off;
set maintenance_work_mem = '1GB';
set work_mem = '256MB';

-- The dry run keeps its validated rows, ready for COPY, so the commit does not parse and validate the file again.
alter table organizations.import_batch add column good_csv text, add column total_rows integer, add column bad_rows integer;

create schema audit;

-- Append-only trail. Each entry's hash covers its content and the previous entry's hash, so changing,
-- inserting or removing an entry breaks the chain from there on (see AuditManagement.verify()).
create table audit.entry (
	seq          bigint primary key,
	at           timestamptz not null,
	actor        text   not null,
	action       text   not null,
	entity_type  text   not null,
	entity_id    text,
	org_path     ltree,
	summary      text,
	before       jsonb,
	after        jsonb,
	prev_hash    text   not null,
	hash         text   not null
);
create index entry_org_path on audit.entry using gist (org_path);
create index entry_at on audit.entry (at desc);

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
	raise exception 'audit.entry is append-only';
end $$;
create trigger entry_append_only before update or delete on audit.entry
	for each statement execute function audit.refuse_change();

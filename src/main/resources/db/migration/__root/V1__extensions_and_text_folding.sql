-- Extensions used by several modules, and the Vietnamese text folding used for search.
create extension if not exists ltree;
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists pgcrypto;
create extension if not exists btree_gist;

-- unaccent() is only STABLE (it depends on a dictionary); a wrapper naming the dictionary explicitly
-- may be declared IMMUTABLE, so it can back generated columns and indexes. unaccent folds Đ/đ to D/d.
create or replace function public.vn_fold(t text) returns text
	language sql immutable parallel safe strict
	as $$ select lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;

-- The given name is the last word of a Vietnamese full name; lists of people sort by it first.
create or replace function public.vn_given_name(t text) returns text
	language sql immutable parallel safe strict
	as $$ select coalesce(substring(btrim(t) from '([^[:space:]]+)$'), '') $$;

create or replace function public.vn_name_rest(t text) returns text
	language sql immutable parallel safe strict
	as $$ select btrim(coalesce(substring(btrim(t) from '^(.*)[[:space:]]+[^[:space:]]+$'), '')) $$;

-- Searching a province's members by name, second step. The (province, words) index of V12 still intersects the
-- posting lists of whole words across the country (522,000 members are called "Thị"): 20 ms of index work per
-- search, and the planner, misjudging how many rows a words condition keeps, sometimes started from the
-- organizations instead (1.7 s). Each word is now also kept prefixed with the member's province ("2 thi"), so the
-- index reads only that province's lists, a thirty-fourth of the size; the search reads this index first (see
-- MemberRepository). Generated from province_id, which the trigger of V12 keeps, so a move recomputes it. A search
-- of the whole country reads the same index once per province, so the index of V12 goes.
-- The words joined again with the province before each (chr(31) cannot occur in a name) and split once: four times
-- cheaper per row than unnesting and aggregating, which matters when 5.6 million rows are loaded at once.
create function organizations.name_keys(province bigint, full_name text) returns text[] language sql immutable
	parallel safe as $$
	select case when province is null then null
	            else string_to_array(province::text || ' ' || replace(public.vn_fold(full_name), ' ', chr(31) || province::text || ' '),
	                                 chr(31)) end
$$;

alter table organizations.member
	add column name_keys text[] generated always as (organizations.name_keys(province_id, full_name)) stored;
create index member_name_keys on organizations.member using gin (name_keys);
drop index organizations.member_province_words;

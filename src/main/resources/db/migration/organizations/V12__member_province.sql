-- Searching a province's members by name: the words index alone finds matches across the whole country (thousands
-- of rows for "van an"), most of them outside the province. Keeping the member's province beside the words in one
-- GIN index (btree_gin) lets the index intersect the two. The province is the second label of the cell's path; a
-- trigger keeps it on insert and on a change of cell, OrganizationRepository.move when a subtree changes province.
create extension if not exists btree_gin;
alter table organizations.member add column province_id bigint;

create function organizations.province_of(org bigint) returns bigint language sql stable as $$
	select case when nlevel(path) >= 2 then ltree2text(subpath(path, 1, 1))::bigint end
	from organizations.organization where id = org
$$;

create function organizations.member_province() returns trigger language plpgsql as $$
begin
	new.province_id := organizations.province_of(new.organization_id);
	return new;
end $$;

create trigger member_province before insert or update of organization_id on organizations.member
	for each row execute function organizations.member_province();

update organizations.member set province_id = organizations.province_of(organization_id);
drop index organizations.member_name_words;
create index member_province_words on organizations.member using gin (province_id, name_words);

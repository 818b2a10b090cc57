-- An import into one cell knows the province of every row it inserts and gives it (MemberImport); the trigger of
-- V12 then does not look it up again row by row (45,000 lookups of the same organization for a 50,000-row file).
-- A change of cell (update of organization_id) still recomputes it.
create or replace function organizations.member_province() returns trigger language plpgsql as $$
begin
	if tg_op = 'INSERT' and new.province_id is not null then
		return new;
	end if;
	new.province_id := organizations.province_of(new.organization_id);
	return new;
end $$;

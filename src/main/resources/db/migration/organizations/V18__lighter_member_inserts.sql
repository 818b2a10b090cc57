-- Lighter member inserts (an import writes 45,000 members in one statement; every index is kept for each row).
-- The folded name words of V11 are read by nothing since the province keys of V14 (searches read name_keys, a
-- partly typed word the trigram index): the column, computed for every row, and its GIN index go.
drop index if exists organizations.member_name_words;
alter table organizations.member drop column if exists name_words;

-- Memberships of an organization (the "as of" lists and counts) were found through a GiST index on (organization,
-- validity): a cell has tens of memberships over its life, which the validity condition then filters, so a B-tree on
-- the organization finds them as well and costs a third of the GiST index to keep (measured on 45,000 inserts).
create index membership_org_id on organizations.membership (organization_id);
drop index if exists organizations.membership_org;

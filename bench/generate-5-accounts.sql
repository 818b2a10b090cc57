\ir session.sql
-- Accounts: a secretary for every cell, staff for every commune and province, and the bench's own accounts
-- (password "DangVu@2026", TOTP secret as the demo's). One bcrypt hash is reused: hashing 270,000 passwords is
-- not what this measures.
\set hash '\'{bcrypt}$2a$10$w.bccE5aZi.1x/dN8h1czuW2uONfzVwCIHiTwd8smUpsbV8yV0c2C\''
insert into accounts.account (username, display_name, password_hash, home_organization_id, home_path, must_change_password)
select 'bithu.' || o.id, 'Bí thư ' || o.name, :hash, o.id, o.path, false
from organizations.organization o where o.level = 'CELL';
insert into accounts.role_grant (account_id, organization_id, role, granted_by)
select a.id, a.home_organization_id, 'CELL_SECRETARY', 'thử tải' from accounts.account a where a.username like 'bithu.%';
insert into accounts.account (username, display_name, password_hash, home_organization_id, home_path, must_change_password,
	totp_secret, totp_enabled)
select 'canbo.' || o.id, 'Cán bộ ' || o.name, :hash, o.id, o.path, false, 'DEMODANGVUDEMODANGVUDEMODANGVU22', true
from organizations.organization o where o.level in ('COMMUNE', 'PROVINCE', 'CENTRAL');
insert into accounts.role_grant (account_id, organization_id, role, granted_by)
select a.id, a.home_organization_id, case when a.home_organization_id = 1 then 'ADMIN' else 'COMMITTEE_STAFF' end, 'thử tải'
from accounts.account a where a.username like 'canbo.%';

analyze;

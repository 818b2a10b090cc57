package vn.dangvu.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dangvu.shared.Role;

@Repository
class AccountRepository {

	private static final String COLUMNS = """
			a.id, a.username, a.display_name, a.member_id, a.home_organization_id, a.home_path::text as home_path,
			a.must_change_password, a.totp_enabled, a.failed_attempts, a.locked_until, a.enabled, a.last_login_at, a.language
			""";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Credentials(long id, String username, String passwordHash, boolean enabled, @Nullable Instant lockedUntil,
			@Nullable String totpSecret, boolean totpEnabled, boolean mustChangePassword, @Nullable Long memberId,
			String language) {
	}

	Optional<Credentials> credentials(String username) {
		return jdbc.sql("""
				select id, username, password_hash, enabled, locked_until, totp_secret, totp_enabled, must_change_password,
				       member_id, language
				from accounts.account where lower(username) = lower(:u)
				""").param("u", username).query((rs, i) -> credentials(rs)).optional();
	}

	/** Maps the first ten columns, in the order both queries select them. */
	private static Credentials credentials(ResultSet rs) throws SQLException {
		return new Credentials(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), instant(rs.getTimestamp(5)),
				rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), (Long) rs.getObject(9), rs.getString(10));
	}

	/** The credentials and the active grants in one round trip, for building each request's scope. */
	Optional<java.util.Map.Entry<Credentials, List<RoleGrant>>> credentialsAndGrants(String username) {
		List<Object[]> rows = jdbc.sql("""
				select a.id, a.username, a.password_hash, a.enabled, a.locked_until, a.totp_secret, a.totp_enabled,
				       a.must_change_password, a.member_id, a.language, g.id, g.organization_id, g.role, g.granted_by, g.granted_at
				from accounts.account a
				left join accounts.role_grant g on g.account_id = a.id and g.revoked_at is null
				where lower(a.username) = lower(:u)
				order by g.id
				""").param("u", username).query((rs, i) -> new Object[] { credentials(rs),
					rs.getObject(11) == null ? null : new RoleGrant(rs.getLong(11), rs.getLong(1), rs.getLong(12),
							Role.valueOf(rs.getString(13)), rs.getString(14), rs.getTimestamp(15).toInstant()) }).list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		List<RoleGrant> grants = rows.stream().map(r -> (RoleGrant) r[1]).filter(java.util.Objects::nonNull).toList();
		return Optional.of(java.util.Map.entry((Credentials) rows.get(0)[0], grants));
	}

	List<RoleGrant> grants(long accountId) {
		return jdbc.sql("""
				select id, account_id, organization_id, role, granted_by, granted_at from accounts.role_grant
				where account_id = :a and revoked_at is null order by id
				""").param("a", accountId).query((rs, i) -> new RoleGrant(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					Role.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
	}

	Optional<Account> findInScope(long id, List<String> paths) {
		return jdbc.sql("select " + COLUMNS + " from accounts.account a where a.id = :id and a.home_path <@ any(cast(:paths as ltree[]))")
			.param("id", id).param("paths", array(paths)).query(this::map).optional();
	}

	List<Account> listInScope(List<String> paths, String q, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				from accounts.account a
				where a.home_path <@ any(cast(:paths as ltree[]))
				  and (:q = '' or public.vn_fold(a.username || ' ' || a.display_name) like '%' || :q || '%')
				order by a.display_name, a.id limit :limit
				""").param("paths", array(paths)).param("q", q).param("limit", limit).query(this::map).list();
	}

	long insert(String username, String displayName, String hash, @Nullable Long memberId, long homeOrg, String homePath,
			boolean demo) {
		return jdbc.sql("""
				insert into accounts.account (username, display_name, password_hash, member_id, home_organization_id,
				                              home_path, demo)
				values (:u, :d, :h, :m, :o, cast(:p as ltree), :demo) returning id
				""").param("u", username).param("d", displayName).param("h", hash).param("m", memberId)
			.param("o", homeOrg).param("p", homePath).param("demo", demo).query(Long.class).single();
	}

	boolean usernameTaken(String username) {
		return jdbc.sql("select exists (select 1 from accounts.account where lower(username) = lower(:u))")
			.param("u", username).query(Boolean.class).single();
	}

	boolean memberHasAccount(long memberId) {
		return jdbc.sql("select exists (select 1 from accounts.account where member_id = :m)").param("m", memberId)
			.query(Boolean.class).single();
	}

	long grant(long accountId, long orgId, Role role, String by) {
		return jdbc.sql("""
				insert into accounts.role_grant (account_id, organization_id, role, granted_by) values (:a, :o, :r, :by)
				returning id
				""").param("a", accountId).param("o", orgId).param("r", role.name()).param("by", by).query(Long.class).single();
	}

	int revoke(long grantId, long accountId) {
		return jdbc.sql("update accounts.role_grant set revoked_at = now() where id = :id and account_id = :a and revoked_at is null")
			.param("id", grantId).param("a", accountId).update();
	}

	void setPassword(long id, String hash, boolean mustChange) {
		jdbc.sql("""
				update accounts.account set password_hash = :h, must_change_password = :mc, failed_attempts = 0,
				       locked_until = null where id = :id
				""").param("h", hash).param("mc", mustChange).param("id", id).update();
	}

	void resetTotp(long id) {
		jdbc.sql("update accounts.account set totp_secret = null, totp_enabled = false where id = :id").param("id", id).update();
	}

	void setTotpSecret(long id, String secret) {
		jdbc.sql("update accounts.account set totp_secret = :s, totp_enabled = false where id = :id")
			.param("s", secret).param("id", id).update();
	}

	void enableTotp(long id) {
		jdbc.sql("update accounts.account set totp_enabled = true where id = :id").param("id", id).update();
	}

	/** Counts a failure; locks the account for {@code lockMinutes} when the count reaches {@code max}. */
	void failed(String username, int max, int lockMinutes) {
		jdbc.sql("""
				update accounts.account
				set failed_attempts = failed_attempts + 1,
				    locked_until = case when failed_attempts + 1 >= :max then now() + make_interval(mins => :mins)
				                        else locked_until end
				where lower(username) = lower(:u)
				""").param("u", username).param("max", max).param("mins", lockMinutes).update();
	}

	void succeeded(long id) {
		jdbc.sql("update accounts.account set failed_attempts = 0, locked_until = null, last_login_at = now() where id = :id")
			.param("id", id).update();
	}

	void setEnabled(long id, boolean enabled) {
		jdbc.sql("update accounts.account set enabled = :e where id = :id").param("e", enabled).param("id", id).update();
	}

	void setLanguage(long id, String lang) {
		jdbc.sql("update accounts.account set language = :l where id = :id").param("l", lang).param("id", id).update();
	}

	Optional<AccountManagement.EmailSettings> emailSettings(String username) {
		return jdbc.sql("select email, notify_email from accounts.account where lower(username) = lower(:u)").param("u", username)
			.query((rs, i) -> new AccountManagement.EmailSettings(rs.getString(1), rs.getBoolean(2))).optional();
	}

	int setEmailSettings(long id, @Nullable String email, boolean on) {
		return jdbc.sql("update accounts.account set email = :e, notify_email = :on where id = :id").param("e", email)
			.param("on", on).param("id", id).update();
	}

	/** Enabled accounts that asked for reminders by e-mail. */
	List<AccountManagement.Recipient> emailRecipients() {
		return jdbc.sql("select id, username, email, language from accounts.account where notify_email and enabled order by id")
			.query((rs, i) -> new AccountManagement.Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	void rewriteHomePaths(String oldPath, String newPath) {
		jdbc.sql("""
				update accounts.account set home_path = case when home_path = cast(:op as ltree) then cast(:np as ltree)
				    else cast(:np as ltree) || subpath(home_path, nlevel(cast(:op as ltree))) end
				where home_path <@ cast(:op as ltree)
				""").param("np", newPath).param("op", oldPath).update();
	}

	long count() {
		return jdbc.sql("select count(*) from accounts.account").query(Long.class).single();
	}

	static String array(List<String> paths) {
		return "{" + String.join(",", paths) + "}";
	}

	private static @Nullable Instant instant(@Nullable Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private Account map(ResultSet rs, int i) throws SQLException {
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				(Long) rs.getObject("member_id"), rs.getLong("home_organization_id"), rs.getString("home_path"),
				rs.getBoolean("must_change_password"), rs.getBoolean("totp_enabled"), rs.getInt("failed_attempts"),
				instant(rs.getTimestamp("locked_until")), rs.getBoolean("enabled"), instant(rs.getTimestamp("last_login_at")),
				rs.getString("language"));
	}
}

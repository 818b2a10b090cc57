package vn.dangvu.support;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dangvu.organizations.DemoRegistry;
import vn.dangvu.shared.Role;
import vn.dangvu.shared.Scope;

/** Scopes and ids over the demo province, for tests that call the services directly. */
public final class Fixtures {

	private Fixtures() {
	}

	public static Scope scope(JdbcClient jdbc, Role role, long orgId) {
		String path = jdbc.sql("select path::text from organizations.organization where id = :id").param("id", orgId)
			.query(String.class).single();
		return new Scope(-1, "test-" + role.name().toLowerCase(), null, null, List.of(new Scope.Grant(orgId, path, role)));
	}

	public static Scope admin(JdbcClient jdbc, DemoRegistry demo) {
		return scope(jdbc, Role.ADMIN, demo.ids().orElseThrow().centralId());
	}

	public static List<Long> memberIds(JdbcClient jdbc, long orgId) {
		return jdbc.sql("select id from organizations.member where organization_id = :o order by id").param("o", orgId)
			.query(Long.class).list();
	}

	public static long countersMismatches(JdbcClient jdbc) {
		return jdbc.sql("""
				with actual as (
				    select a.id, organizations.status_key(m.standing, m.status) k, count(*) n
				    from organizations.member m
				    join organizations.organization o on o.id = m.organization_id
				    join organizations.organization a on a.path @> o.path
				    group by a.id, k)
				select count(*) from (
				    select coalesce(c.organization_id, x.id), coalesce(c.status_key, x.k)
				    from (select * from organizations.member_counter where n <> 0) c
				    full join actual x on x.id = c.organization_id and x.k = c.status_key
				    where c.n is distinct from x.n) d
				""").query(Long.class).single();
	}
}

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
				    from (select organization_id, status_key, sum(n) n from organizations.member_count
				          group by 1, 2 having sum(n) <> 0) c
				    full join actual x on x.id = c.organization_id and x.k = c.status_key
				    where c.n is distinct from x.n) d
				""").query(Long.class).single();
	}

	/** Rows where the kept meeting counters differ from a recount of the meetings (every column that is kept). */
	public static long meetingCounterMismatches(JdbcClient jdbc) {
		return jdbc.sql("""
				with actual as (
				    select a::bigint as id, date_trunc('month', m.meeting_date)::date as mon,
				           count(*) filter (where kind in ('REGULAR','THEMATIC') and status <> 'CANCELLED') as due,
				           count(*) filter (where status = 'HELD') as held,
				           count(*) filter (where status = 'CANCELLED') as cancelled,
				           sum(case when status = 'HELD' then expected else 0 end) as expected,
				           sum(case when status = 'HELD' then present else 0 end) as present,
				           sum(case when status = 'HELD' then unexcused else 0 end) as unexcused,
				           count(*) filter (where status = 'HELD' and quality_band = 'GOOD') as good,
				           sum(visits) as visits
				    from meetings.meeting m, unnest(string_to_array(m.org_path::text, '.')) a
				    group by 1, 2)
				select count(*) from (select organization_id, month, sum(due) due, sum(held) held, sum(cancelled) cancelled,
				                             sum(expected) expected, sum(present) present, sum(unexcused) unexcused,
				                             sum(good) good, sum(visits) visits
				                      from (select organization_id, month, due, held, cancelled, expected, present, unexcused, good, visits
				                            from meetings.meeting_counter
				                            union all
				                            select organization_id, month, due, held, cancelled, expected, present, unexcused, good, visits
				                            from meetings.meeting_counter_delta) u
				                      group by 1, 2
				                      having sum(due) <> 0 or sum(held) <> 0 or sum(cancelled) <> 0 or sum(expected) <> 0 or sum(visits) <> 0) c
				full join actual x on x.id = c.organization_id and x.mon = c.month
				where (c.due, c.held, c.cancelled, c.expected, c.present, c.unexcused, c.good, c.visits)
				      is distinct from (x.due, x.held, x.cancelled, x.expected, x.present, x.unexcused, x.good, x.visits)
				""").query(Long.class).single();
	}

	/** An account for a member, with the demo password and no roles: what an ordinary member signs in with. */
	public static void memberAccount(JdbcClient jdbc, String username, long memberId) {
		jdbc.sql("""
				insert into accounts.account (username, display_name, password_hash, member_id, home_organization_id,
				       home_path, must_change_password)
				select :u, :u, a.password_hash, :m, m.organization_id, o.path, false
				from accounts.account a, organizations.member m join organizations.organization o on o.id = m.organization_id
				where a.username = 'dangvien' and m.id = :m
				on conflict do nothing
				""").param("u", username).param("m", memberId).update();
	}

	/** Keys where the classification counters (folded plus unfolded deltas) differ from a recount of the evaluations. */
	public static long evaluationCounterMismatches(JdbcClient jdbc) {
		return jdbc.sql("""
				with actual as (
				    select a::bigint as id, e.period, e.subject_kind, evaluations.state_of(e.step, e.level) as state, count(*) as n
				    from evaluations.evaluation e, unnest(string_to_array(e.org_path::text, '.')) a
				    group by 1, 2, 3, 4),
				kept as (
				    select organization_id as id, period, subject_kind, state, sum(n) as n from (
				        select organization_id, period, subject_kind, state, n from evaluations.counter
				        union all
				        select organization_id, period, subject_kind, state, n from evaluations.counter_delta) x
				    where subject_kind <> 'QUOTA'
				    group by 1, 2, 3, 4 having sum(n) <> 0)
				select count(*) from actual a full join kept k
				    on k.id = a.id and k.period = a.period and k.subject_kind = a.subject_kind and k.state = a.state
				where a.n is distinct from k.n
				""").query(Long.class).single();
	}

	/**
	 * Groups where the kept HTXSNV/HTTNV decisions per grassroots organization and peer group differ from a recount,
	 * plus ancestors whose kept count of groups (and of groups over the ceiling) differs — the latter once folded.
	 */
	public static long quotaCounterMismatches(JdbcClient jdbc) {
		return jdbc.sql("""
				with actual as (
				    select period, grassroots_id, peer_group, count(*) filter (where level = 'HTXSNV') as excellent,
				           count(*) filter (where level = 'HTTNV') as good
				    from evaluations.evaluation
				    where subject_kind = 'MEMBER' and step = 'DECIDED' and level in ('HTXSNV', 'HTTNV')
				    group by 1, 2, 3),
				kept as (
				    select period, grassroots_id, peer_group, sum(excellent) as excellent, sum(good) as good from (
				        select period, grassroots_id, peer_group, excellent, good from evaluations.quota_counter
				        union all
				        select period, grassroots_id, peer_group, excellent, good from evaluations.quota_counter_delta) x
				    group by 1, 2, 3 having sum(excellent) <> 0 or sum(good) <> 0)
				select count(*) from actual a full join kept k using (period, grassroots_id, peer_group)
				where (a.excellent, a.good) is distinct from (k.excellent, k.good)
				""").query(Long.class).single() + jdbc.sql("""
				with groups as (
				    select period, grassroots_path, sum(excellent) as e, sum(good) as g from (
				        select period, grassroots_id, peer_group, grassroots_path, excellent, good from evaluations.quota_counter
				        union all
				        select period, grassroots_id, peer_group, grassroots_path, excellent, good from evaluations.quota_counter_delta) x
				    group by period, grassroots_id, peer_group, grassroots_path),
				actual as (
				    select a::bigint as id, period, s.state, sum(s.n) as n
				    from groups, unnest(string_to_array(grassroots_path::text, '.')) a,
				         lateral (values ('GROUPS', (e + g > 0)::int), ('OVER', (e > g * 20 / 100)::int)) s(state, n)
				    group by 1, 2, 3 having sum(s.n) <> 0),
				kept as (
				    select organization_id as id, period, state, n from evaluations.counter where subject_kind = 'QUOTA' and n <> 0)
				select count(*) from actual a full join kept k using (id, period, state) where a.n is distinct from k.n
				""").query(Long.class).single();
	}
}

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

	/**
	 * Rows where the kept meeting counters — per organization and month, per parent, child and year, per parent, child
	 * and later month — plus the deltas not yet folded differ from a recount of the meetings and assignments.
	 */
	public static long meetingCounterMismatches(JdbcClient jdbc) {
		return jdbc.sql("""
				with contribution as (
				    select ids[i] as id, coalesce(ids[i - 1], 0) as parent, mon, due, held, cancelled, expected, present,
				           unexcused, good, visits, planned
				    from (select string_to_array(org_path::text, '.')::bigint[] ids, date_trunc('month', meeting_date)::date mon,
				                 (kind in ('REGULAR','THEMATIC') and status <> 'CANCELLED')::int due, (status = 'HELD')::int held,
				                 (status = 'CANCELLED')::int cancelled,
				                 case when status = 'HELD' then expected else 0 end expected,
				                 case when status = 'HELD' then present else 0 end present,
				                 case when status = 'HELD' then unexcused else 0 end unexcused,
				                 coalesce(status = 'HELD' and quality_band = 'GOOD', false)::int good, visits, 0 planned
				          from meetings.meeting
				          union all
				          select string_to_array(committee_path::text, '.')::bigint[], make_date(year, coalesce(quarter * 3 - 2, 1), 1),
				                 0, 0, 0, 0, 0, 0, 0, 0, planned
				          from meetings.assignment where not ended) x, generate_subscripts(ids, 1) i),
				expected_rows as (
				    select 'M' t, 0::bigint parent, id, mon, sum(due) due, sum(held) held, sum(cancelled) cancelled,
				           sum(expected) expected, sum(present) present, sum(unexcused) unexcused, sum(good) good,
				           sum(visits) visits, sum(planned) planned
				    from contribution group by id, mon
				    union all
				    select 'Y', parent, id, make_date(extract(year from mon)::int, 1, 1), sum(due), sum(held), sum(cancelled),
				           sum(expected), sum(present), sum(unexcused), sum(good), sum(visits), sum(planned)
				    from contribution group by parent, id, 4
				    union all
				    select 'L', parent, id, mon, sum(due), sum(held), sum(cancelled), sum(expected), sum(present),
				           sum(unexcused), sum(good), sum(visits), sum(planned)
				    from contribution where mon >= meetings.later_from() group by parent, id, mon),
				kept_rows as (
				    select t, parent, id, mon, sum(due) due, sum(held) held, sum(cancelled) cancelled, sum(expected) expected,
				           sum(present) present, sum(unexcused) unexcused, sum(good) good, sum(visits) visits,
				           sum(planned) planned
				    from (select 'M' t, 0::bigint parent, organization_id id, month mon, due, held, cancelled, expected, present,
				                 unexcused, good, visits, planned from meetings.meeting_counter
				          union all
				          select 'M', 0, organization_id, month, due, held, cancelled, expected, present, unexcused, good, visits,
				                 planned from meetings.meeting_counter_delta
				          union all
				          select 'Y', parent_id, organization_id, make_date(year, 1, 1), due, held, cancelled, expected, present,
				                 unexcused, good, visits, planned from meetings.meeting_year_counter
				          union all
				          select 'Y', parent_id, organization_id, make_date(extract(year from month)::int, 1, 1), due, held,
				                 cancelled, expected, present, unexcused, good, visits, planned from meetings.meeting_counter_delta
				          union all
				          select 'L', parent_id, organization_id, month, due, held, cancelled, expected, present, unexcused, good,
				                 visits, planned from meetings.meeting_later_counter
				          union all
				          select 'L', parent_id, organization_id, month, due, held, cancelled, expected, present, unexcused, good,
				                 visits, planned from meetings.meeting_counter_delta where month >= meetings.later_from()) u
				    group by 1, 2, 3, 4)
				select count(*)
				from (select * from kept_rows
				      where (due, held, cancelled, expected, present, unexcused, good, visits, planned) <> (0, 0, 0, 0, 0, 0, 0, 0, 0)) k
				full join (select * from expected_rows
				           where (due, held, cancelled, expected, present, unexcused, good, visits, planned) <> (0, 0, 0, 0, 0, 0, 0, 0, 0)) e
				  on (e.t, e.parent, e.id, e.mon) = (k.t, k.parent, k.id, k.mon)
				where (k.due, k.held, k.cancelled, k.expected, k.present, k.unexcused, k.good, k.visits, k.planned)
				      is distinct from (e.due, e.held, e.cancelled, e.expected, e.present, e.unexcused, e.good, e.visits, e.planned)
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
				        select o, period, subject_kind, state, n from evaluations.counter_delta d, unnest(d.orgs) o) x
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

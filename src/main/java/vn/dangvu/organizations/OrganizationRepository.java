package vn.dangvu.organizations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

	private static final String PLAIN_COLUMNS = """
			o.id, o.parent_id, o.path::text as path, o.level, o.kind, o.name, o.status, o.established_on, o.ended_on,
			o.child_count,
			""";

	private static final String MEMBERS = """
			coalesce((select sum(c.n) from organizations.member_count c
			          where c.organization_id = o.id and c.status_key in ('PROBATIONARY','OFFICIAL','ON_LEAVE','EXEMPT','SUSPENDED','TRANSFERRING')), 0)""";

	static final String COLUMNS = PLAIN_COLUMNS + MEMBERS + " as members\n";

	private static final String FIND_VISIBLE = "select " + COLUMNS + """
			from organizations.organization o
			where o.id = :id
			  and o.path <@ any(cast(:paths as ltree[]))
			""";

	// The members' count only when :counted (a CASE runs its subquery only in the branch taken): the statistics pages
	// name the children and read their own counters (a province's 98 communes: 1.0 → 0.3 ms).
	private static final String CHILDREN = "select " + PLAIN_COLUMNS + "case when :counted then " + MEMBERS
			+ " else 0 end as members\n" + """
			from organizations.organization o
			where o.parent_id = :id
			  and o.path <@ any(cast(:paths as ltree[]))
			  and (:withEnded or o.status = 'ACTIVE')
			order by o.status = 'ACTIVE' desc, o.name collate "vi-x-icu", o.id
			limit :limit
			""";

	private static final String ROOTS = "select " + COLUMNS + """
			from organizations.organization o
			where o.path = any(cast(:paths as ltree[]))
			  and not exists (select 1 from organizations.organization a
			                  where a.path = any(cast(:paths as ltree[])) and a.path @> o.path and a.id <> o.id)
			order by o.path
			""";

	private static final String CHILDREN_AS_OF = """
			select o.id, v.parent_id, o.path::text as path, v.level, v.kind, v.name,
			       case when upper_inf(v.valid) and o.status = 'ACTIVE' then 'ACTIVE' else o.status end as status,
			       lower(v.valid) as established_on, upper(v.valid) as ended_on, o.child_count,
			       (select count(*) from organizations.membership ms where ms.organization_id = o.id and ms.valid @> cast(:date as date)) as members
			from organizations.organization_version v
			join organizations.organization o on o.id = v.organization_id
			where v.parent_id = :id
			  and v.valid @> cast(:date as date)
			  and o.path <@ any(cast(:paths as ltree[]))
			order by v.name collate "vi-x-icu", o.id
			""";

	private static final String ANCESTORS = "select " + COLUMNS + """
			from organizations.organization o
			where o.path @> cast(:path as ltree)
			  and o.path <@ any(cast(:paths as ltree[]))
			order by nlevel(o.path)
			""";

	private static final String SEARCH = "select " + COLUMNS + """
			from organizations.organization o
			where o.name_folded like '%' || :q || '%'
			  and o.path <@ any(cast(:paths as ltree[]))
			order by o.status = 'ACTIVE' desc, nlevel(o.path), o.name collate "vi-x-icu"
			limit 30
			""";

	// The kept counters with the deltas not yet folded into them (the view member_count, V19).
	private static final String COUNTS = """
			select c.status_key, sum(c.n)
			from organizations.member_count c
			where c.organization_id = :id
			  and exists (select 1 from organizations.organization o where o.id = :id and o.path <@ any(cast(:paths as ltree[])))
			group by c.status_key
			having sum(c.n) <> 0
			""";

	private static final String PATHS_OF = """
			select id, path::text from organizations.organization where id in (:ids)
			""";

	private static final String INSERT = """
			with n as (select nextval(pg_get_serial_sequence('organizations.organization', 'id')) as id)
			insert into organizations.organization (id, parent_id, path, level, kind, name, code, established_on, demo)
			select n.id, :parentId, case when :parentPath = '' then n.id::text::ltree else cast(:parentPath as ltree) || n.id::text end,
			       :level, :kind, :name, :code, :establishedOn, :demo
			from n
			returning id
			""";

	private static final String INSERT_VERSION = """
			insert into organizations.organization_version (organization_id, parent_id, name, level, kind, valid)
			select id, parent_id, name, level, kind, daterange(cast(:from as date), null) from organizations.organization where id = :id
			""";

	private static final String CLOSE_VERSION = """
			update organizations.organization_version set valid = daterange(lower(valid), cast(:to as date))
			where organization_id = :id and upper_inf(valid) and lower(valid) < cast(:to as date)
			""";

	private static final String DROP_SAME_DAY_VERSION = """
			delete from organizations.organization_version
			where organization_id = :id and upper_inf(valid) and lower(valid) >= cast(:to as date)
			""";

	// A moved organization's members leave the counts of its old ancestors and join those of its new ones: deltas
	// (V19) of its subtree's counts, folded counters and pending deltas read in one snapshot. The ancestors' own
	// paths do not change in a move, so one statement serves before or after the paths are rewritten.
	private static final String MOVE_COUNTS = """
			with x as (
			    select status_key, sum(n) as n from organizations.member_count where organization_id = :id
			    group by status_key having sum(n) <> 0)
			insert into organizations.member_counter_delta (organization_id, status_key, n)
			select a, status_key, sum(n) from (
			    select a.id as a, x.status_key, -x.n as n
			    from x, organizations.organization a where a.path @> cast(:oldParentPath as ltree)
			    union all
			    select a.id, x.status_key, x.n
			    from x, organizations.organization a where a.path @> cast(:newParentPath as ltree)) d
			group by a, status_key having sum(n) <> 0
			""";

	private static final String REWRITE_PATHS = """
			update organizations.organization
			set path = cast(:newParentPath as ltree) || subpath(path, nlevel(cast(:oldPath as ltree)) - 1)
			where path <@ cast(:oldPath as ltree)
			""";

	private final JdbcClient jdbc;

	OrganizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String array(Collection<String> paths) {
		return "{" + String.join(",", paths) + "}";
	}

	Optional<OrganizationSummary> findVisible(long id, List<String> paths) {
		return jdbc.sql(FIND_VISIBLE).param("id", id).param("paths", array(paths)).query(this::map).optional();
	}

	/** Without scope: only to check a destination named by id (a transfer), never to show it. */
	Optional<OrganizationSummary> findAny(long id) {
		return jdbc.sql("select " + COLUMNS + " from organizations.organization o where o.id = :id").param("id", id)
			.query(this::map).optional();
	}

	List<OrganizationSummary> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from organizations.organization o where o.id in (:ids)").param("ids", ids)
			.query(this::map).list();
	}

	List<OrganizationSummary> children(long id, List<String> paths, boolean withEnded, boolean counted, int limit) {
		return jdbc.sql(CHILDREN).param("id", id).param("paths", array(paths)).param("withEnded", withEnded)
			.param("counted", counted).param("limit", limit).query(this::map).list();
	}

	List<OrganizationSummary> childrenAsOf(long id, LocalDate date, List<String> paths) {
		return jdbc.sql(CHILDREN_AS_OF).param("id", id).param("date", date).param("paths", array(paths))
			.query(this::map).list();
	}

	List<OrganizationSummary> activeSubtree(long id, List<String> paths) {
		return jdbc.sql("select " + COLUMNS + """
				 from organizations.organization o
				where o.path <@ (select path from organizations.organization where id = :id)
				  and o.path <@ any(cast(:paths as ltree[])) and o.status = 'ACTIVE'
				order by o.path
				""").param("id", id).param("paths", array(paths)).query(this::map).list();
	}

	List<OrganizationSummary> roots(List<String> paths) {
		return jdbc.sql(ROOTS).param("paths", array(paths)).query(this::map).list();
	}

	List<OrganizationSummary> ancestors(String path, List<String> paths) {
		return jdbc.sql(ANCESTORS).param("path", path).param("paths", array(paths)).query(this::map).list();
	}

	List<OrganizationSummary> search(String folded, List<String> paths) {
		return jdbc.sql(SEARCH).param("q", folded.replace("%", "").replace("_", "")).param("paths", array(paths))
			.query(this::map).list();
	}

	List<StatusCount> counts(long id, List<String> paths) {
		return jdbc.sql(COUNTS).param("id", id).param("paths", array(paths))
			.query((rs, i) -> new StatusCount(rs.getString(1), rs.getLong(2))).list();
	}

	/** Paths of the organizations, and of the member's current cell (returned as the key -1 → its id), in one query. */
	java.util.Map<Long, String> pathsWithMemberCell(Collection<Long> ids, long memberId) {
		java.util.Map<Long, String> out = new java.util.HashMap<>();
		jdbc.sql("""
				with m as (select organization_id as org from organizations.member
				           where id = :m and status not in ('REMOVED','EXPELLED','LEFT','DECEASED'))
				select o.id, o.path::text, o.id = (select org from m) as mine from organizations.organization o
				where o.id = any(cast(:ids as bigint[])) or o.id = (select org from m)
				""").param("m", memberId).param("ids", "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}")
			.query((ResultSet rs) -> {
				out.put(rs.getLong(1), rs.getString(2));
				if (rs.getBoolean(3)) {
					out.put(-1L, String.valueOf(rs.getLong(1)));
				}
			});
		return out;
	}

	java.util.Map<Long, String> pathsOf(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<Long, String> out = new java.util.HashMap<>();
		jdbc.sql(PATHS_OF).param("ids", ids).query((ResultSet rs) -> {
			out.put(rs.getLong(1), rs.getString(2));
		});
		return out;
	}

	long insert(@Nullable Long parentId, String parentPath, Level level, @Nullable String kind, String name,
			@Nullable String code, LocalDate establishedOn, boolean demo) {
		long id = jdbc.sql(INSERT).param("parentId", parentId).param("parentPath", parentPath).param("level", level.name())
			.param("kind", kind).param("name", name).param("code", code).param("establishedOn", establishedOn)
			.param("demo", demo).query(Long.class).single();
		jdbc.sql(INSERT_VERSION).param("id", id).param("from", establishedOn).update();
		if (parentId != null) {
			jdbc.sql("update organizations.organization set child_count = child_count + 1 where id = :id")
				.param("id", parentId).update();
		}
		return id;
	}

	/** Ends the current version at {@code date} and starts a new one from the current row. */
	void newVersion(long id, LocalDate date) {
		jdbc.sql(CLOSE_VERSION).param("id", id).param("to", date).update();
		jdbc.sql(DROP_SAME_DAY_VERSION).param("id", id).param("to", date).update();
		jdbc.sql(INSERT_VERSION).param("id", id).param("from", date).update();
	}

	void endVersion(long id, LocalDate date) {
		jdbc.sql(CLOSE_VERSION).param("id", id).param("to", date).update();
	}

	void rename(long id, String name) {
		jdbc.sql("update organizations.organization set name = :name, version = version + 1 where id = :id")
			.param("id", id).param("name", name).update();
	}

	/** Moves the subtree under a new parent: counters leave the old ancestors and join the new ones. */
	void move(OrganizationSummary org, OrganizationSummary newParent) {
		if (org.path().indexOf('.') < 0) {
			throw new IllegalStateException("the root organization has no parent to leave");
		}
		String oldParentPath = org.path().substring(0, org.path().lastIndexOf('.'));
		// The paths first: rewriting them locks the subtree's organizations, so a member change in it that is still
		// running is committed before the counts are read, and one that starts now waits for the move (V19_2).
		jdbc.sql(REWRITE_PATHS).param("newParentPath", newParent.path()).param("oldPath", org.path()).update();
		jdbc.sql(MOVE_COUNTS).param("id", org.id()).param("oldParentPath", oldParentPath)
			.param("newParentPath", newParent.path()).update();
		jdbc.sql("update organizations.organization set parent_id = :p, version = version + 1 where id = :id")
			.param("p", newParent.id()).param("id", org.id()).update();
		jdbc.sql("update organizations.organization set child_count = child_count - 1 where id = :id")
			.param("id", org.parentId()).update();
		jdbc.sql("update organizations.organization set child_count = child_count + 1 where id = :id")
			.param("id", newParent.id()).update();
		String oldProvince = org.path().split("\\.").length >= 2 ? org.path().split("\\.")[1] : "";
		String newPath = newParent.path() + "." + org.id();
		String newProvince = newPath.split("\\.")[1];
		if (!oldProvince.equals(newProvince)) {
			jdbc.sql("""
					update organizations.member m set province_id = :p
					from organizations.organization o where o.id = m.organization_id and o.path <@ cast(:path as ltree)
					""").param("p", Long.valueOf(newProvince)).param("path", newPath).update();
		}
	}

	void end(long id, String status, LocalDate date) {
		jdbc.sql("update organizations.organization set status = :s, ended_on = :d, version = version + 1 where id = :id")
			.param("s", status).param("d", date).param("id", id).update();
		endVersion(id, date);
	}

	List<Long> activeChildIds(long id) {
		return jdbc.sql("select id from organizations.organization where parent_id = :id and status = 'ACTIVE'")
			.param("id", id).query(Long.class).list();
	}

	long recordEvent(String kind, Decision decision, String details, String actor) {
		return jdbc.sql("""
				insert into organizations.organization_event (kind, effective_on, decision_ref, details, recorded_by)
				values (:kind, :date, :ref, cast(:details as jsonb), :actor) returning id
				""").param("kind", kind).param("date", decision.effectiveOn()).param("ref", decision.ref())
			.param("details", details).param("actor", actor).query(Long.class).single();
	}

	void eventSubject(long eventId, long orgId, String role) {
		jdbc.sql("""
				insert into organizations.organization_event_subject (event_id, organization_id, role)
				values (:e, :o, :r) on conflict do nothing
				""").param("e", eventId).param("o", orgId).param("r", role).update();
	}

	List<OrganizationEvent> events(long orgId) {
		return jdbc.sql("""
				select e.id, e.kind, e.effective_on, e.decision_ref, e.details::text, e.recorded_by, e.recorded_at, s.role
				from organizations.organization_event e
				join organizations.organization_event_subject s on s.event_id = e.id
				where s.organization_id = :id
				order by e.effective_on desc, e.id desc
				""").param("id", orgId).query((rs, i) -> new OrganizationEvent(rs.getLong(1), rs.getString(2),
					rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6),
					rs.getTimestamp(7).toInstant(), rs.getString(8))).list();
	}

	private OrganizationSummary map(ResultSet rs, int i) throws SQLException {
		return new OrganizationSummary(rs.getLong("id"), (Long) rs.getObject("parent_id"), rs.getString("path"),
				Level.valueOf(rs.getString("level")), rs.getString("kind"), rs.getString("name"), rs.getString("status"),
				rs.getObject("established_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
				rs.getInt("child_count"), rs.getLong("members"));
	}
}

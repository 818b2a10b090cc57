package vn.dangvu.evaluations;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.MovedPath;
import vn.dangvu.shared.OneTrip;
import vn.dangvu.shared.Scope;

/**
 * SQL of the evaluations schema. Every read of an evaluation goes through {@link #VISIBLE}: its organization lies
 * in a subtree the user may read members of, or it is the user's own.
 */
@Repository
class EvaluationRepository {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Who asks, as SQL parameters. */
	record Who(String read, long self) {

		static Who of(Scope scope) {
			return new Who(array(scope.paths(Capability.READ_MEMBERS)), scope.memberId() == null ? -1 : scope.memberId());
		}
	}

	static String array(Collection<String> paths) {
		return "{" + String.join(",", paths) + "}";
	}

	private static final String VISIBLE = " (e.org_path <@ any(cast(:read as ltree[])) or e.member_id = :self) ";

	private static final String COLUMNS = """
			e.id, e.cycle_id, e.period, e.subject_kind, e.organization_id, e.org_path::text as org_path, e.org_name,
			e.org_level, e.grassroots_id, e.member_id, e.collective, e.subject_name, e.subject_group, e.peer_group,
			e.head_of, e.step, e.not_classified_reason, e.scores::text as scores, e.self_total, e.self_level,
			e.tasks_on_time, e.tasks_exceeded, e.tasks_done, e.self_text::text as self_text, e.self_at, e.opinion_level,
			e.opinion_present, e.opinion_for, e.opinion_against, e.opinion_abstain, e.opinion_meeting_id, e.opinion_note,
			e.civil_servant, e.state_level, e.state_ref, e.discipline_ref, e.degradation_ref, e.appraisal_level,
			e.appraisal_total, e.appraisal_reason, e.level, e.decision_ref, e.decided_on, e.quota_exception, e.reopened,
			e.version
			""";

	private static final String CYCLE_COLUMNS = """
			c.id, c.organization_id, c.org_path::text as org_path, c.org_name, c.kind, c.year, c.quarter, c.period, c.title,
			c.purpose, c.regulation, c.status, c.self_until, c.opinion_until, c.state_until, c.appraisal_until,
			c.decision_until, c.order_mode, c.quota_percent, c.quota_ref, c.opened_at, c.subject_members,
			c.order_rules::text as order_rules
			""";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	/** Regulations, frozen criteria sets and the sets a cycle froze never change: read once. */
	private final Map<String, List<Classification.Band>> bands = new java.util.concurrent.ConcurrentHashMap<>();
	private final Map<String, Optional<Map.Entry<String, String>>> quarterBasis = new java.util.concurrent.ConcurrentHashMap<>();
	private final Map<Long, CriteriaSet> frozenSets = new java.util.concurrent.ConcurrentHashMap<>();
	private final Map<Long, Map<SubjectGroup, Long>> cycleSets = new java.util.concurrent.ConcurrentHashMap<>();

	private final NamedParameterJdbcTemplate named;

	EvaluationRepository(JdbcClient jdbc, JdbcTemplate template, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.template = template;
		this.named = named;
	}

	// ------------------------------------------------------------------ regulations and criteria

	List<Classification.Band> bands(String regulation) {
		return bands.computeIfAbsent(regulation, this::readBands);
	}

	private List<Classification.Band> readBands(String regulation) {
		String json = jdbc.sql("select bands::text from evaluations.regulation where code = :c").param("c", regulation)
			.query(String.class).single();
		List<Map<String, Object>> raw = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
		});
		return raw.stream().map(m -> new Classification.Band(Grade.valueOf((String) m.get("level")),
				new BigDecimal(String.valueOf(m.get("min"))))).toList();
	}

	/** How the regulation combines quarterly results into the year ({@code MEAN}) and its reference; empty if it does not. */
	Optional<Map.Entry<String, String>> quarterBasis(String regulation) {
		return quarterBasis.computeIfAbsent(regulation, r -> jdbc.sql("""
				select quarter_basis, quarter_basis_ref from evaluations.regulation where code = :c and quarter_basis is not null
				""").param("c", r).query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).optional());
	}

	List<String> regulations() {
		return jdbc.sql("select code from evaluations.regulation order by effective_from desc").query(String.class).list();
	}

	/** The most specific set for the group that applies at {@code path}: the province's or unit's over the country's. */
	Optional<CriteriaSet> applicableSet(String path, SubjectGroup group) {
		return jdbc.sql("""
				select id, org_path::text, subject_group, version, name, criteria::text, frozen_at from evaluations.criteria_set
				where subject_group = :g and (org_path is null or org_path @> cast(:path as ltree))
				order by coalesce(nlevel(org_path), 0) desc, version desc limit 1
				""").param("g", group.name()).param("path", path).query(this::mapSet).optional();
	}

	Optional<CriteriaSet> set(long id) {
		CriteriaSet cached = frozenSets.get(id);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<CriteriaSet> set = readSet(id);
		set.filter(CriteriaSet::frozen).ifPresent(x -> frozenSets.put(id, x));
		return set;
	}

	private Optional<CriteriaSet> readSet(long id) {
		return jdbc.sql("select id, org_path::text, subject_group, version, name, criteria::text, frozen_at from evaluations.criteria_set where id = :id")
			.param("id", id).query(this::mapSet).optional();
	}

	/** Sets defined at or above {@code path}, newest version first. */
	List<CriteriaSet> setsFor(String path) {
		return jdbc.sql("""
				select id, org_path::text, subject_group, version, name, criteria::text, frozen_at from evaluations.criteria_set
				where org_path is null or org_path @> cast(:path as ltree)
				order by subject_group, coalesce(nlevel(org_path), 0) desc, version desc
				""").param("path", path).query(this::mapSet).list();
	}

	long insertSet(String path, SubjectGroup group, String name, List<Criterion> criteria, String by) {
		return jdbc.sql("""
				insert into evaluations.criteria_set (org_path, subject_group, version, name, criteria, created_by)
				values (cast(:path as ltree), :g,
				        coalesce((select max(version) from evaluations.criteria_set
				                  where coalesce(org_path::text, '') = :path and subject_group = :g), 0) + 1,
				        :name, cast(:c as jsonb), :by)
				returning id
				""").param("path", path).param("g", group.name()).param("name", name)
			.param("c", JSON.writeValueAsString(criteria)).param("by", by).query(Long.class).single();
	}

	void freezeSet(long id) {
		jdbc.sql("update evaluations.criteria_set set frozen_at = now() where id = :id and frozen_at is null").param("id", id).update();
	}

	private CriteriaSet mapSet(ResultSet rs, int i) throws SQLException {
		Timestamp f = rs.getTimestamp(7);
		return new CriteriaSet(rs.getLong(1), rs.getString(2), SubjectGroup.valueOf(rs.getString(3)), rs.getInt(4),
				rs.getString(5), List.of(JSON.readValue(rs.getString(6), Criterion[].class)), f == null ? null : f.toInstant());
	}

	// ------------------------------------------------------------------ cycles

	long insertCycle(long orgId, String path, String orgName, String kind, int year, @Nullable Integer quarter, String title,
			@Nullable String purpose, String regulation, LocalDate self, LocalDate opinion, @Nullable LocalDate state,
			LocalDate appraisal, LocalDate decision, String orderMode, int quota, List<Long> members, String by) {
		long id = jdbc.sql("""
				insert into evaluations.cycle (organization_id, org_path, org_name, kind, year, quarter, period, title, purpose,
				       regulation, self_until, opinion_until, state_until, appraisal_until, decision_until, order_mode,
				       quota_percent, subject_members, created_by)
				values (:org, cast(:path as ltree), :name, :kind, :year, :quarter, '', :title, :purpose, :reg, :self, :opinion,
				        :state, :appraisal, :decision, :order, :quota, cast(:members as bigint[]), :by)
				returning id
				""").param("org", orgId).param("path", path).param("name", orgName).param("kind", kind).param("year", year)
			.param("quarter", quarter).param("title", title).param("purpose", purpose).param("reg", regulation)
			.param("self", self).param("opinion", opinion).param("state", state).param("appraisal", appraisal)
			.param("decision", decision).param("order", orderMode).param("quota", quota)
			.param("members", "{" + String.join(",", members.stream().map(String::valueOf).toList()) + "}").param("by", by)
			.query(Long.class).single();
		String period = switch (kind) {
			case "ANNUAL" -> String.valueOf(year);
			case "QUARTERLY" -> year + "-Q" + quarter;
			default -> "C" + id;
		};
		jdbc.sql("update evaluations.cycle set period = :p where id = :id").param("p", period).param("id", id).update();
		return id;
	}

	/** A cycle the user may see: opened at or below what they may read, or above their own organization. */
	Optional<Cycle> cycle(long id) {
		return jdbc.sql("select " + CYCLE_COLUMNS + " from evaluations.cycle c where c.id = :id").param("id", id)
			.query(this::mapCycle).optional();
	}

	Optional<Cycle> cycleForUpdate(long id) {
		return jdbc.sql("select " + CYCLE_COLUMNS + " from evaluations.cycle c where c.id = :id for update").param("id", id)
			.query(this::mapCycle).optional();
	}

	/** Cycles covering the organization at {@code path}: opened there, above it, or below it. */
	List<Cycle> cyclesAround(String path) {
		return jdbc.sql("select " + CYCLE_COLUMNS + """
				 from evaluations.cycle c where c.org_path @> cast(:path as ltree) or c.org_path <@ cast(:path as ltree)
				order by c.year desc, c.created_at desc limit 100
				""").param("path", path).query(this::mapCycle).list();
	}

	/** Open cycles covering the organization at {@code path} first, then at most a few of those below it. */
	List<Cycle> openCyclesAround(String path, int limit) {
		return jdbc.sql("select " + CYCLE_COLUMNS + """
				 from evaluations.cycle c where c.status = 'OPEN'
				  and (c.org_path @> cast(:path as ltree) or c.org_path <@ cast(:path as ltree))
				order by c.org_path @> cast(:path as ltree) desc, c.decision_until, c.id limit :limit
				""").param("path", path).param("limit", limit).query(this::mapCycle).list();
	}

	boolean overlappingOpen(long cycleId, String path, String period) {
		return jdbc.sql("""
				select exists (select 1 from evaluations.cycle c where c.id <> :id and c.period = :p and c.status in ('OPEN','OPENING')
				               and (c.org_path @> cast(:path as ltree) or c.org_path <@ cast(:path as ltree)))
				""").param("id", cycleId).param("p", period).param("path", path).query(Boolean.class).single();
	}

	void openCycle(long id) {
		jdbc.sql("update evaluations.cycle set status = 'OPEN', opened_at = now() where id = :id").param("id", id).update();
	}

	/** A cycle still being listed, locked for the one worker that continues it (others skip it, or wait). */
	Optional<Cycle> openingForUpdate(boolean wait) {
		return jdbc.sql("select " + CYCLE_COLUMNS + " from evaluations.cycle c where c.status = 'OPENING' order by c.id limit 1 for update"
				+ (wait ? "" : " skip locked")).query(this::mapCycle).optional();
	}

	void setCycleStatus(long id, String status) {
		jdbc.sql("update evaluations.cycle set status = :s where id = :id").param("s", status).param("id", id).update();
	}

	void updateDeadlines(long id, LocalDate self, LocalDate opinion, @Nullable LocalDate state, LocalDate appraisal,
			LocalDate decision, String orderMode, int quota) {
		jdbc.sql("""
				update evaluations.cycle set self_until = :self, opinion_until = :opinion, state_until = :state,
				       appraisal_until = :appraisal, decision_until = :decision, order_mode = :order, quota_percent = :quota
				where id = :id
				""").param("id", id).param("self", self).param("opinion", opinion).param("state", state)
			.param("appraisal", appraisal).param("decision", decision).param("order", orderMode).param("quota", quota).update();
	}

	void linkCriteria(long cycleId, SubjectGroup group, long setId) {
		jdbc.sql("insert into evaluations.cycle_criteria values (:c, :g, :s) on conflict do nothing").param("c", cycleId)
			.param("g", group.name()).param("s", setId).update();
	}

	/** The sets a cycle uses; cached once the cycle has them all (they are linked when it opens, never changed). */
	Map<SubjectGroup, Long> cycleCriteria(long cycleId) {
		Map<SubjectGroup, Long> cached = cycleSets.get(cycleId);
		if (cached != null) {
			return cached;
		}
		Map<SubjectGroup, Long> out = readCycleCriteria(cycleId);
		if (out.size() == SubjectGroup.values().length) {
			cycleSets.put(cycleId, Map.copyOf(out));
		}
		return out;
	}

	private Map<SubjectGroup, Long> readCycleCriteria(long cycleId) {
		Map<SubjectGroup, Long> out = new LinkedHashMap<>();
		jdbc.sql("select subject_group, criteria_set_id from evaluations.cycle_criteria where cycle_id = :c").param("c", cycleId)
			.query(rs -> {
				out.put(SubjectGroup.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return out;
	}

	private Cycle mapCycle(ResultSet rs, int i) throws SQLException {
		Timestamp opened = rs.getTimestamp("opened_at");
		return new Cycle(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("org_path"), rs.getString("org_name"),
				rs.getString("kind"), rs.getInt("year"), (Integer) rs.getObject("quarter"), rs.getString("period"),
				rs.getString("title"), rs.getString("purpose"), rs.getString("regulation"), rs.getString("status"),
				rs.getObject("self_until", LocalDate.class), rs.getObject("opinion_until", LocalDate.class),
				rs.getObject("state_until", LocalDate.class), rs.getObject("appraisal_until", LocalDate.class),
				rs.getObject("decision_until", LocalDate.class), rs.getString("order_mode"), rs.getInt("quota_percent"),
				rs.getString("quota_ref"), opened == null ? null : opened.toInstant(), longs(rs.getArray("subject_members")),
				orderRules(rs.getString("order_rules")));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> orderRules(@Nullable String json) {
		return json == null ? Map.of() : Map.copyOf(JSON.readValue(json, LinkedHashMap.class));
	}

	void setOrderRules(long cycleId, Map<String, String> rules) {
		jdbc.sql("update evaluations.cycle set order_rules = cast(:r as jsonb) where id = :id").param("id", cycleId)
			.param("r", JSON.writeValueAsString(rules)).update();
	}

	private static List<Long> longs(@Nullable Array a) throws SQLException {
		if (a == null) {
			return List.of();
		}
		return Arrays.stream((Long[]) a.getArray()).toList();
	}

	// ------------------------------------------------------------------ subjects

	/** A subject to insert when a cycle opens. */
	record NewSubject(String kind, long orgId, String orgPath, String orgName, String orgLevel, long grassrootsId,
			@Nullable Long memberId, @Nullable String collective, String name, SubjectGroup group, List<Long> headOf,
			Step step, @Nullable String notClassifiedReason) {
	}

	/** Inserts the subjects a thousand per statement (one statement-level trigger run per thousand for the counters). */
	int insertSubjects(long cycleId, String period, List<NewSubject> subjects) {
		int n = 0;
		for (int from = 0; from < subjects.size(); from += 1000) {
			List<NewSubject> chunk = subjects.subList(from, Math.min(subjects.size(), from + 1000));
			n += template.update(con -> {
				var ps = con.prepareStatement("""
						insert into evaluations.evaluation (cycle_id, period, subject_kind, organization_id, org_path, org_name,
						       org_level, grassroots_id, member_id, collective, subject_name, subject_group, peer_group, head_of, step,
						       not_classified_reason)
						select ?, ?, k, o, cast(p as ltree), oname, lvl, g, m, col, name, grp, grp, cast(h as bigint[]), st, why
						from unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[],
						            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
						     as x(k, o, p, oname, lvl, g, m, col, name, grp, h, st, why)
						on conflict do nothing
						""");
				ps.setLong(1, cycleId);
				ps.setString(2, period);
				int i = 3;
				ps.setArray(i++, con.createArrayOf("text", chunk.stream().map(NewSubject::kind).toArray()));
				ps.setArray(i++, con.createArrayOf("bigint", chunk.stream().map(NewSubject::orgId).toArray()));
				ps.setArray(i++, con.createArrayOf("text", chunk.stream().map(NewSubject::orgPath).toArray()));
				ps.setArray(i++, con.createArrayOf("text", chunk.stream().map(NewSubject::orgName).toArray()));
				ps.setArray(i++, con.createArrayOf("text", chunk.stream().map(NewSubject::orgLevel).toArray()));
				ps.setArray(i++, con.createArrayOf("bigint", chunk.stream().map(NewSubject::grassrootsId).toArray()));
				ps.setArray(i++, con.createArrayOf("bigint", chunk.stream().map(NewSubject::memberId).toArray()));
				ps.setArray(i++, con.createArrayOf("text", chunk.stream().map(NewSubject::collective).toArray()));
				ps.setArray(i++, con.createArrayOf("text", chunk.stream().map(NewSubject::name).toArray()));
				ps.setArray(i++, con.createArrayOf("text", chunk.stream().map(x -> x.group().name()).toArray()));
				ps.setArray(i++, con.createArrayOf("text", chunk.stream()
					.map(x -> "{" + String.join(",", x.headOf().stream().map(String::valueOf).toList()) + "}").toArray()));
				ps.setArray(i++, con.createArrayOf("text", chunk.stream().map(x -> x.step().name()).toArray()));
				ps.setArray(i, con.createArrayOf("text", chunk.stream().map(NewSubject::notClassifiedReason).toArray()));
				return ps;
			});
		}
		return n;
	}

	/** Members already classified in this period by another cycle (they are not added twice). */
	List<Long> alreadyInPeriod(String period, Collection<Long> memberIds) {
		if (memberIds.isEmpty() || period.startsWith("C")) {
			return List.of();
		}
		return jdbc.sql("select member_id from evaluations.evaluation where period = :p and member_id = any(cast(:ids as bigint[]))")
			.param("p", period).param("ids", "{" + String.join(",", memberIds.stream().map(String::valueOf).toList()) + "}")
			.query(Long.class).list();
	}

	Optional<Evaluation> find(long id, Who who) {
		return jdbc.sql("select " + COLUMNS + " from evaluations.evaluation e where e.id = :id and" + VISIBLE)
			.param("id", id).param("read", who.read()).param("self", who.self()).query(this::map).optional();
	}

	Optional<Evaluation> findForUpdate(long id, Who who) {
		return jdbc.sql("select " + COLUMNS + " from evaluations.evaluation e where e.id = :id and" + VISIBLE + " for update")
			.param("id", id).param("read", who.read()).param("self", who.self()).query(this::map).optional();
	}

	/** The subjects of a cycle in the organization's subtree (or only the organization's own), filtered, a page at a time. */
	List<Evaluation> list(long cycleId, String path, boolean subtree, @Nullable String kind, @Nullable String step,
			@Nullable String folded, int limit, int offset, Who who) {
		return jdbc.sql("select " + COLUMNS + " from evaluations.evaluation e where e.cycle_id = :c and "
				+ (subtree ? "e.org_path <@ cast(:path as ltree)" : "e.org_path = cast(:path as ltree)")
				+ " and (cast(:kind as text) is null or e.subject_kind = :kind)" + organizationsOnly(kind)
				+ " and (cast(:step as text) is null or e.step = :step)"
				+ " and (cast(:q as text) is null or e.name_folded like '%' || :q || '%') and" + VISIBLE
				+ " order by e.subject_kind <> 'ORGANIZATION', e.subject_kind <> 'COLLECTIVE', e.org_path, e.given_name collate \"vi-x-icu\", e.subject_name collate \"vi-x-icu\", e.id"
				+ " limit :limit offset :offset")
			.param("c", cycleId).param("path", path).param("kind", kind).param("step", step).param("q", folded)
			.param("limit", limit).param("offset", offset).param("read", who.read()).param("self", who.self())
			.query(this::map).list();
	}

	/** Lets the planner use the index of organization subjects (V56) when only organizations or collectives are asked. */
	private static String organizationsOnly(@Nullable String kind) {
		return "ORGANIZATION".equals(kind) || "COLLECTIVE".equals(kind) ? " and e.member_id is null" : "";
	}

	long count(long cycleId, String path, boolean subtree, @Nullable String kind, @Nullable String step, @Nullable String folded,
			Who who) {
		return jdbc.sql("select count(*) from (select 1 from evaluations.evaluation e where e.cycle_id = :c and "
				+ (subtree ? "e.org_path <@ cast(:path as ltree)" : "e.org_path = cast(:path as ltree)")
				+ " and (cast(:kind as text) is null or e.subject_kind = :kind)" + organizationsOnly(kind)
				+ " and (cast(:step as text) is null or e.step = :step)"
				+ " and (cast(:q as text) is null or e.name_folded like '%' || :q || '%') and" + VISIBLE + " limit 10001) x")
			.param("c", cycleId).param("path", path).param("kind", kind).param("step", step).param("q", folded)
			.param("read", who.read()).param("self", who.self()).query(Long.class).single();
	}

	List<Evaluation> ofMember(long memberId, Who who) {
		return jdbc.sql("select " + COLUMNS + " from evaluations.evaluation e where e.member_id = :m and" + VISIBLE
				+ " order by e.period desc, e.id desc").param("m", memberId).param("read", who.read()).param("self", who.self())
			.query(this::map).list();
	}

	/** The organization's own evaluations (as organization and as collectives) in a cycle. */
	List<Evaluation> ofOrganizations(long cycleId, Collection<Long> orgIds) {
		if (orgIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from evaluations.evaluation e where e.cycle_id = :c and e.member_id is null"
				+ " and e.organization_id in (:ids)").param("c", cycleId).param("ids", orgIds).query(this::map).list();
	}

	/** Organization evaluations of the cycle directly below the organization at {@code path} that are not decided. */
	long undecidedChildren(long cycleId, String path) {
		return jdbc.sql("""
				select count(*) from evaluations.evaluation e where e.cycle_id = :c and e.subject_kind = 'ORGANIZATION'
				and e.org_path ~ cast(:q as lquery) and e.step not in ('DECIDED','NOT_CLASSIFIED')
				""").param("c", cycleId).param("q", path + ".*{1}").query(Long.class).single();
	}

	int update(long id, int version, String set, Map<String, ?> params) {
		var spec = jdbc.sql("update evaluations.evaluation set " + set + ", version = version + 1 where id = :id and version = :version")
			.param("id", id).param("version", version);
		for (var e : params.entrySet()) {
			spec = spec.param(e.getKey(), e.getValue());
		}
		return spec.update();
	}

	/**
	 * {@link #update} and {@link #history} in one statement (one round trip): the row as updated, or empty when its
	 * version has changed since it was read (then nothing is written).
	 */
	Optional<Evaluation> updateAndRecord(long id, int version, String set, Map<String, ?> params, String action,
			@Nullable Step from, @Nullable Step to, @Nullable Grade level, @Nullable Map<String, ?> details, String by) {
		var spec = jdbc.sql("with u as (update evaluations.evaluation e set " + set + ", version = e.version + 1"
				+ " where e.id = :id and e.version = :version returning " + COLUMNS + """
				), h as (
				  insert into evaluations.history (evaluation_id, action, step_from, step_to, level, details, recorded_by)
				  select id, :hAction, :hFrom, :hTo, :hLevel, cast(:hDetails as jsonb), :hBy from u)
				select * from u
				""").param("id", id).param("version", version).params(historyParams(action, from, to, level, details, by));
		for (var e : params.entrySet()) {
			spec = spec.param(e.getKey(), e.getValue());
		}
		return spec.query(this::map).optional();
	}

	void history(long evaluationId, String action, @Nullable Step from, @Nullable Step to, @Nullable Grade level,
			@Nullable Map<String, ?> details, String by) {
		jdbc.sql("""
				insert into evaluations.history (evaluation_id, action, step_from, step_to, level, details, recorded_by)
				values (:e, :hAction, :hFrom, :hTo, :hLevel, cast(:hDetails as jsonb), :hBy)
				""").param("e", evaluationId).params(historyParams(action, from, to, level, details, by)).update();
	}

	/** A history entry's values, as both {@link #history} and {@link #updateAndRecord} bind them. */
	private static Map<String, @Nullable Object> historyParams(String action, @Nullable Step from, @Nullable Step to,
			@Nullable Grade level, @Nullable Map<String, ?> details, String by) {
		Map<String, @Nullable Object> p = new java.util.HashMap<>();
		p.put("hAction", action);
		p.put("hFrom", from == null ? null : from.name());
		p.put("hTo", to == null ? null : to.name());
		p.put("hLevel", level == null ? null : level.name());
		p.put("hDetails", details == null ? null : JSON.writeValueAsString(details));
		p.put("hBy", by);
		return p;
	}

	List<Evaluation.History> history(long evaluationId) {
		return jdbc.sql("""
				select id, action, step_from, step_to, level, details::text, recorded_by, recorded_at from evaluations.history
				where evaluation_id = :e order by id
				""").param("e", evaluationId).query((rs, i) -> new Evaluation.History(rs.getLong(1), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getTimestamp(8).toInstant())).list();
	}

	void addOpinion(long evaluationId, String source, String body, String content, @Nullable Grade proposed, String by) {
		jdbc.sql("""
				insert into evaluations.opinion (evaluation_id, source, body, content, proposed, recorded_by)
				values (:e, :s, :b, :c, :p, :by)
				""").param("e", evaluationId).param("s", source).param("b", body).param("c", content)
			.param("p", proposed == null ? null : proposed.name()).param("by", by).update();
	}

	List<Evaluation.Opinion> opinions(long evaluationId) {
		return jdbc.sql("""
				select id, source, body, content, proposed, recorded_by, recorded_at from evaluations.opinion
				where evaluation_id = :e order by id
				""").param("e", evaluationId).query((rs, i) -> new Evaluation.Opinion(rs.getLong(1), rs.getString(2),
					rs.getString(3), rs.getString(4), Grade.of(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	// ------------------------------------------------------------------ review in each place where a post is held

	/** A post-holding place of a member listed in a cycle: the organization and the titles held there. */
	record NewPlace(long memberId, long orgId, String orgPath, String orgName, String posts) {
	}

	/**
	 * Adds the places of the members of the cycle, except the cell they are registered in (whose opinion is the cell's
	 * vote) and those not classified; places already there are kept. Returns how many were added.
	 */
	int insertPlaces(long cycleId, List<NewPlace> places) {
		if (places.isEmpty()) {
			return 0;
		}
		return template.update(con -> {
			var ps = con.prepareStatement("""
					insert into evaluations.review_place (evaluation_id, organization_id, org_path, org_name, posts)
					select e.id, x.o, cast(x.p as ltree), x.n, x.t
					from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[]) as x(m, o, p, n, t)
					join evaluations.evaluation e on e.cycle_id = ? and e.member_id = x.m
					where e.organization_id <> x.o and e.step <> 'NOT_CLASSIFIED'
					on conflict do nothing
					""");
			ps.setArray(1, con.createArrayOf("bigint", places.stream().map(NewPlace::memberId).toArray()));
			ps.setArray(2, con.createArrayOf("bigint", places.stream().map(NewPlace::orgId).toArray()));
			ps.setArray(3, con.createArrayOf("text", places.stream().map(NewPlace::orgPath).toArray()));
			ps.setArray(4, con.createArrayOf("text", places.stream().map(NewPlace::orgName).toArray()));
			ps.setArray(5, con.createArrayOf("text", places.stream().map(NewPlace::posts).toArray()));
			ps.setLong(6, cycleId);
			return ps;
		});
	}

	List<Evaluation.Place> places(long evaluationId) {
		return jdbc.sql("""
				select id, evaluation_id, organization_id, org_path::text, org_name, posts, content, proposed, recorded_by, recorded_at
				from evaluations.review_place where evaluation_id = :e order by org_path
				""").param("e", evaluationId).query((rs, i) -> new Evaluation.Place(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), Grade.of(rs.getString(8)), rs.getString(9),
					rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()))
			.list();
	}

	/** Records a place's review once; false if it was recorded already (or is not a place of this evaluation). */
	boolean recordPlace(long evaluationId, long placeId, String content, @Nullable Grade proposed, String by) {
		return jdbc.sql("""
				update evaluations.review_place set content = :c, proposed = :p, recorded_by = :by, recorded_at = now()
				where id = :id and evaluation_id = :e and recorded_at is null
				""").param("c", content).param("p", proposed == null ? null : proposed.name()).param("by", by)
			.param("id", placeId).param("e", evaluationId).update() == 1;
	}

	// ------------------------------------------------------------------ quota

	/** Counts per level in a grassroots organization and peer group: decided, and current (decided or latest proposal). */
	record QuotaCounts(Map<Grade, Integer> decided, Map<Grade, Integer> current) {
	}

	QuotaCounts quotaCounts(long cycleId, long grassrootsId, String peerGroup, long exceptId) {
		Map<Grade, Integer> decided = new LinkedHashMap<>();
		Map<Grade, Integer> current = new LinkedHashMap<>();
		for (Grade g : Grade.values()) {
			decided.put(g, 0);
			current.put(g, 0);
		}
		jdbc.sql("""
				select level, coalesce(level, appraisal_level, opinion_level, self_level), count(*)
				from evaluations.evaluation
				where cycle_id = :c and grassroots_id = :g and peer_group = :p and subject_kind = 'MEMBER'
				  and step <> 'NOT_CLASSIFIED' and id <> :except
				group by 1, 2
				""").param("c", cycleId).param("g", grassrootsId).param("p", peerGroup).param("except", exceptId).query(rs -> {
			Grade d = Grade.of(rs.getString(1));
			Grade c = Grade.of(rs.getString(2));
			int n = rs.getInt(3);
			if (d != null) {
				decided.merge(d, n, Integer::sum);
			}
			if (c != null) {
				current.merge(c, n, Integer::sum);
			}
		});
		return new QuotaCounts(decided, current);
	}

	/** The (grassroots organization, peer group) pairs of the cycle's members in the subtree. */
	List<Map.Entry<Long, String>> quotaGroups(long cycleId, String path, Who who) {
		return jdbc.sql("select distinct e.grassroots_id, e.peer_group from evaluations.evaluation e where e.cycle_id = :c"
				+ " and e.subject_kind = 'MEMBER' and e.step <> 'NOT_CLASSIFIED' and e.org_path <@ cast(:path as ltree) and" + VISIBLE
				+ " order by 1, 2 limit 100").param("c", cycleId).param("path", path).param("read", who.read()).param("self", who.self())
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
	}

	// ------------------------------------------------------------------ remediation

	long addRemediation(Evaluation e, String owner, String shortcoming, String measure, @Nullable LocalDate due, String by) {
		return jdbc.sql("""
				insert into evaluations.remediation (evaluation_id, organization_id, org_path, member_id, owner_name, shortcoming,
				       measure, due_on, created_by)
				values (:e, :org, cast(:path as ltree), :m, :owner, :s, :me, :due, :by) returning id
				""").param("e", e.id()).param("org", e.organizationId()).param("path", e.orgPath()).param("m", e.memberId())
			.param("owner", owner).param("s", shortcoming).param("me", measure).param("due", due).param("by", by)
			.query(Long.class).single();
	}

	private static final String REMEDIATION = """
			select r.id, r.evaluation_id, e.period, r.member_id, r.owner_name, r.shortcoming, r.measure, r.due_on, r.status,
			       r.closed_note
			from evaluations.remediation r join evaluations.evaluation e on e.id = r.evaluation_id
			""";

	/** Items of the subject (the member, or the organization for an organization or collective). */
	List<Evaluation.Remediation> remediationsOf(Evaluation e, boolean onlyOpen) {
		String where = e.memberId() != null ? "r.member_id = :m" : "r.member_id is null and r.organization_id = :org";
		return jdbc.sql(REMEDIATION + " where " + where + (onlyOpen ? " and r.status = 'OPEN'" : "")
				+ " order by r.status, r.due_on nulls last, r.id").param("m", e.memberId() == null ? -1L : e.memberId())
			.param("org", e.organizationId()).query(this::mapRemediation).list();
	}

	/** Open items pointed out in earlier cycles (not this one): they hold back HTXSNV. */
	int openFromBefore(Evaluation e) {
		OneTrip.Read<Integer> read = openFromBeforeRead(e);
		return jdbc.sql(read.sql()).param("m", e.memberId() == null ? -1L : e.memberId()).param("org", e.organizationId())
			.param("c", e.cycleId()).query(read.mapper()).single();
	}

	private static final String OPEN_FROM_BEFORE = """
			select count(*)::int from evaluations.remediation r join evaluations.evaluation x on x.id = r.evaluation_id
			where r.status = 'OPEN' and x.cycle_id <> :c and
			""";

	private final OneTrip.Read<Integer> openFromBeforeOfMember = OneTrip.read(OPEN_FROM_BEFORE + " r.member_id = :m",
			(rs, i) -> rs.getInt(1));

	private final OneTrip.Read<Integer> openFromBeforeOfOrganization = OneTrip.read(
			OPEN_FROM_BEFORE + " r.member_id is null and r.organization_id = :org", (rs, i) -> rs.getInt(1));

	/** Open remediation items from other cycles of the subject: a member's own, or the organization's. */
	private OneTrip.Read<Integer> openFromBeforeRead(Evaluation e) {
		return e.memberId() != null ? openFromBeforeOfMember : openFromBeforeOfOrganization;
	}

	private final OneTrip.Read<Cycle> cycleRead = OneTrip.read("select " + CYCLE_COLUMNS + " from evaluations.cycle c where c.id = :c",
			this::mapCycle);

	/** Whether the member has quarterly evaluations in the cycle's year. */
	private final OneTrip.Read<Boolean> quarterlyRead = OneTrip.read("""
			select exists (select 1 from evaluations.cycle c, evaluations.evaluation x
			               where c.id = :c and x.member_id = :m and x.period >= c.year || '-Q' and x.period < c.year || '-R')
			""", (rs, i) -> rs.getBoolean(1));

	/** What a self-assessment checks beside the evaluation: its cycle, open items from before, quarterly results. */
	record SelfContext(Cycle cycle, int openFromBefore, boolean quarterly) {
	}

	/** The {@link SelfContext} of an evaluation in one round trip. */
	SelfContext selfContext(Evaluation e) {
		OneTrip.Read<Integer> before = openFromBeforeRead(e);
		var r = OneTrip.run(named, Map.of("c", e.cycleId(), "m", e.memberId() == null ? -1L : e.memberId(), "org",
				e.organizationId()), List.of(cycleRead, before, quarterlyRead));
		return new SelfContext(r.of(cycleRead).getFirst(), r.of(before).getFirst(), r.of(quarterlyRead).getFirst());
	}

	Optional<Evaluation.Remediation> remediation(long id, Who who) {
		return jdbc.sql(REMEDIATION + " where r.id = :id and (r.org_path <@ any(cast(:read as ltree[])) or r.member_id = :self)")
			.param("id", id).param("read", who.read()).param("self", who.self()).query(this::mapRemediation).optional();
	}

	String remediationPath(long id) {
		return jdbc.sql("select org_path::text from evaluations.remediation where id = :id").param("id", id).query(String.class).single();
	}

	int closeRemediation(long id, String note, String by) {
		return jdbc.sql("""
				update evaluations.remediation set status = 'CLOSED', closed_note = :n, closed_by = :by, closed_at = now()
				where id = :id and status = 'OPEN'
				""").param("id", id).param("n", note).param("by", by).update();
	}

	private Evaluation.Remediation mapRemediation(ResultSet rs, int i) throws SQLException {
		return new Evaluation.Remediation(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9),
				rs.getString(10));
	}

	// ------------------------------------------------------------------ education list

	/** Members of the subtree decided KHTNV in the year and in the year before, with both evaluations. */
	List<long[]> twoYearsKhtnv(String path, int year, Who who) {
		return jdbc.sql("""
				select e.id, p.id, e.member_id from evaluations.evaluation e
				join evaluations.evaluation p on p.member_id = e.member_id and p.period = cast(:prev as text) and p.level = 'KHTNV'
				where e.period = cast(:year as text) and e.level = 'KHTNV' and e.org_path <@ cast(:path as ltree) and""" + VISIBLE + """
				order by e.given_name collate "vi-x-icu", e.id limit 500
				""").param("year", String.valueOf(year)).param("prev", String.valueOf(year - 1)).param("path", path)
			.param("read", who.read()).param("self", who.self())
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).list();
	}

	Optional<EducationVote> educationVote(long evaluationId) {
		return jdbc.sql("""
				select id, evaluation_id, official_members, voters, agree, disagree, placed, voted_on, note, recorded_by
				from evaluations.education_vote where evaluation_id = :e
				""").param("e", evaluationId).query((rs, i) -> new EducationVote(rs.getLong(1), rs.getLong(2), rs.getInt(3),
					rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getBoolean(7), rs.getObject(8, LocalDate.class),
					rs.getString(9), rs.getString(10))).optional();
	}

	void insertEducationVote(Evaluation e, int official, int voters, int agree, int disagree, boolean placed,
			@Nullable Long meetingId, LocalDate on, @Nullable String note, String by) {
		jdbc.sql("""
				insert into evaluations.education_vote (member_id, evaluation_id, organization_id, org_path, official_members,
				       voters, agree, disagree, placed, meeting_id, voted_on, note, recorded_by)
				values (:m, :e, :org, cast(:path as ltree), :official, :voters, :agree, :disagree, :placed, :meeting, :on,
				        :note, :by)
				""").param("m", e.memberId()).param("e", e.id()).param("org", e.organizationId()).param("path", e.orgPath())
			.param("official", official).param("voters", voters).param("agree", agree).param("disagree", disagree)
			.param("placed", placed).param("meeting", meetingId).param("on", on).param("note", note).param("by", by).update();
	}

	// ------------------------------------------------------------------ counters

	/** Counts kept for the organization's subtree in a period, by subject kind and state, deltas not yet folded included. */
	Map<String, Map<String, Long>> counts(long orgId, String period) {
		Map<String, Map<String, Long>> out = new LinkedHashMap<>();
		jdbc.sql("""
				select subject_kind, state, sum(n) from (
				  select subject_kind, state, n from evaluations.counter where organization_id = :org and period = :p
				  union all
				  select subject_kind, state, n from evaluations.counter_delta where :org = any(orgs) and period = :p) x
				group by 1, 2 having sum(n) <> 0
				""").param("org", orgId).param("p", period).query(rs -> {
			out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
		});
		return out;
	}

	/** The same for several organizations at once (the children of a roll-up). */
	Map<Long, Map<String, Map<String, Long>>> counts(Collection<Long> orgIds, String period) {
		Map<Long, Map<String, Map<String, Long>>> out = new LinkedHashMap<>();
		if (orgIds.isEmpty()) {
			return out;
		}
		jdbc.sql("""
				select organization_id, subject_kind, state, sum(n) from (
				  select organization_id, subject_kind, state, n from evaluations.counter
				  where organization_id in (:orgs) and period = :p
				  union all
				  select o, subject_kind, state, n from evaluations.counter_delta d, unnest(d.orgs) o
				  where o in (:orgs) and period = :p) x
				group by 1, 2, 3 having sum(n) <> 0
				""").param("orgs", orgIds).param("p", period).query(rs -> {
			out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
				.computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>()).put(rs.getString(3), rs.getLong(4));
		});
		return out;
	}

	// ------------------------------------------------------------------ a moved organization

	/**
	 * The cycles whose subjects follow the move: those opened in the moved subtree (they move too) and those whose
	 * organization is above the new place; a cycle the moved subtree leaves keeps its subjects where it listed them.
	 */
	private static final String FOLLOWING = """
			(c.org_path <@ cast(:old as ltree) or cast(:new as ltree) <@ c.org_path)""";

	/**
	 * The moved organization's quota groups (their grassroots organization moved with it) of following cycles take
	 * their path with them: their share of the ancestors' counts of groups and of groups over the ceiling leaves the
	 * old ancestors for the new ones, as the fold counts it (call after a fold, before the evaluations move).
	 */
	void moveQuotaGroups(String oldPath, String newPath) {
		String moving = """
				with moving as (
				    select q.*, (q.excellent + q.good > 0)::int as groups, (q.excellent > q.good * 20 / 100)::int as over
				    from evaluations.quota_counter q
				    where q.grassroots_path <@ cast(:old as ltree) and exists (
				        select 1 from evaluations.cycle c join evaluations.evaluation e on e.cycle_id = c.id
				        where c.period = q.period and e.grassroots_id = q.grassroots_id and e.peer_group = q.peer_group
				          and e.subject_kind = 'MEMBER' and %s))
				""".formatted(FOLLOWING);
		jdbc.sql(moving + """
				insert into evaluations.counter as c (organization_id, period, subject_kind, state, n)
				select a::bigint, q.period, 'QUOTA', s.state, sum(p.sign * s.n)
				from moving q, lateral (values ('GROUPS', q.groups), ('OVER', q.over)) s(state, n),
				     lateral (values (q.grassroots_path, -1), (%s, 1)) p(path, sign),
				     unnest(string_to_array(p.path::text, '.')) a
				group by 1, 2, 3, 4 having sum(p.sign * s.n) <> 0
				order by 1, 2, 3, 4
				on conflict (organization_id, period, subject_kind, state) do update set n = c.n + excluded.n
				""".formatted(MovedPath.of("q.grassroots_path"))).param("old", oldPath).param("new", newPath).update();
		jdbc.sql(moving + """
				update evaluations.quota_counter q set grassroots_path = %s
				from moving m where (q.period, q.grassroots_id, q.peer_group) = (m.period, m.grassroots_id, m.peer_group)
				""".formatted(MovedPath.of("q.grassroots_path"))).param("old", oldPath).param("new", newPath).update();
	}

	/**
	 * Rewrites the paths of what the evaluations keep under the moved subtree: the subjects of following cycles
	 * (with their places of review and education votes), and the grassroots organization of those whose grassroots
	 * organization stayed behind ({@code newGrassroots}: the nearest one above the new place; null when there is
	 * none, as when a cycle lists a subject without one: the subject's own organization); the remediation items,
	 * criteria sets and cycles of the subtree. The row triggers move the counters and the quota groups' counts.
	 */
	int moveSubtree(String oldPath, String newPath, @Nullable Long newGrassroots) {
		int n = jdbc.sql("""
				update evaluations.evaluation e set org_path = %s,
				    grassroots_id = case when index(e.org_path, e.grassroots_id::text::ltree) >= nlevel(cast(:old as ltree)) - 1
				                         then e.grassroots_id else coalesce(cast(:g as bigint), e.organization_id) end
				from evaluations.cycle c
				where c.id = e.cycle_id and e.org_path <@ cast(:old as ltree) and %s
				""".formatted(MovedPath.of("e.org_path"), FOLLOWING)).param("old", oldPath).param("new", newPath)
			.param("g", newGrassroots).update();
		for (String table : List.of("evaluations.review_place", "evaluations.education_vote")) {
			jdbc.sql("""
					update %s x set org_path = %s from evaluations.evaluation e, evaluations.cycle c
					where e.id = x.evaluation_id and c.id = e.cycle_id and x.org_path <@ cast(:old as ltree) and %s
					""".formatted(table, MovedPath.of("x.org_path"), FOLLOWING)).param("old", oldPath).param("new", newPath).update();
		}
		for (String table : List.of("evaluations.remediation", "evaluations.criteria_set", "evaluations.cycle")) {
			jdbc.sql("update " + table + " set org_path = " + MovedPath.of("org_path") + " where org_path <@ cast(:old as ltree)")
				.param("old", oldPath).param("new", newPath).update();
		}
		return n;
	}

	/**
	 * Members now in another cell: their subjects not decided yet, in cycles that cover the new cell, pass to it (its
	 * path, name, level and grassroots organization), with their open remediation items; decided results stay with
	 * the cell that reviewed them, and a cycle that does not cover the new cell keeps its subject where it listed it.
	 */
	int moveMembers(Collection<Long> memberIds, long orgId, String path, String name, String level, long grassroots) {
		int n = jdbc.sql("""
				update evaluations.evaluation e set organization_id = :o, org_path = cast(:p as ltree), org_name = :name,
				    org_level = :level, grassroots_id = :g
				from evaluations.cycle c
				where c.id = e.cycle_id and e.member_id in (:ids) and e.step <> 'DECIDED' and e.organization_id <> :o
				  and cast(:p as ltree) <@ c.org_path
				""").param("ids", memberIds).param("o", orgId).param("p", path).param("name", name).param("level", level)
			.param("g", grassroots).update();
		jdbc.sql("""
				update evaluations.remediation set organization_id = :o, org_path = cast(:p as ltree)
				where member_id in (:ids) and status = 'OPEN'
				""").param("ids", memberIds).param("o", orgId).param("p", path).update();
		return n;
	}

	long fold() {
		return jdbc.sql("select evaluations.fold_counter_deltas()").query(Long.class).single();
	}

	/** Folds every pending delta (the function takes 50,000 at a time). */
	void foldAll() {
		while (fold() >= 50_000) {
			// another batch
		}
	}

	// ------------------------------------------------------------------ mapping

	@SuppressWarnings("unchecked")
	private Evaluation map(ResultSet rs, int i) throws SQLException {
		String scoresJson = rs.getString("scores");
		Map<String, BigDecimal> scores = new LinkedHashMap<>();
		if (scoresJson != null) {
			Map<String, Object> raw = JSON.readValue(scoresJson, LinkedHashMap.class);
			raw.forEach((k, v) -> scores.put(k, new BigDecimal(String.valueOf(v))));
		}
		String textJson = rs.getString("self_text");
		Map<String, String> text = textJson == null ? Map.of() : JSON.readValue(textJson, LinkedHashMap.class);
		Timestamp selfAt = rs.getTimestamp("self_at");
		return new Evaluation(rs.getLong("id"), rs.getLong("cycle_id"), rs.getString("period"), rs.getString("subject_kind"),
				rs.getLong("organization_id"), rs.getString("org_path"), rs.getString("org_name"), rs.getString("org_level"),
				rs.getLong("grassroots_id"), (Long) rs.getObject("member_id"), rs.getString("collective"),
				rs.getString("subject_name"), SubjectGroup.valueOf(rs.getString("subject_group")), rs.getString("peer_group"),
				longs(rs.getArray("head_of")), Step.valueOf(rs.getString("step")), rs.getString("not_classified_reason"),
				scores, rs.getBigDecimal("self_total"), Grade.of(rs.getString("self_level")),
				(Integer) rs.getObject("tasks_on_time"), (Integer) rs.getObject("tasks_exceeded"),
				(Integer) rs.getObject("tasks_done"), text, selfAt == null ? null : selfAt.toInstant(),
				Grade.of(rs.getString("opinion_level")), (Integer) rs.getObject("opinion_present"),
				(Integer) rs.getObject("opinion_for"), (Integer) rs.getObject("opinion_against"),
				(Integer) rs.getObject("opinion_abstain"), (Long) rs.getObject("opinion_meeting_id"),
				rs.getString("opinion_note"), rs.getBoolean("civil_servant"), Grade.of(rs.getString("state_level")),
				rs.getString("state_ref"), rs.getString("discipline_ref"), rs.getString("degradation_ref"),
				Grade.of(rs.getString("appraisal_level")), rs.getBigDecimal("appraisal_total"),
				rs.getString("appraisal_reason"), Grade.of(rs.getString("level")), rs.getString("decision_ref"),
				rs.getObject("decided_on", LocalDate.class), rs.getString("quota_exception"), rs.getInt("reopened"),
				rs.getInt("version"));
	}

}

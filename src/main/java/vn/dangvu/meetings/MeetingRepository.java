package vn.dangvu.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.MovedPath;
import vn.dangvu.shared.OneTrip;
import vn.dangvu.shared.Scope;

/**
 * SQL of the meetings schema. Every read of a meeting goes through {@link #VISIBLE}: the meeting's organization
 * lies in a subtree the user may read members of, or is the user's own cell, or the user is assigned to follow it.
 */
@Repository
class MeetingRepository {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Who asks, as SQL parameters. */
	record Who(String read, String write, long ownOrg, long self) {

		static Who of(Scope scope) {
			return new Who(array(scope.paths(Capability.READ_MEMBERS)), array(scope.paths(Capability.WRITE_MEMBERS)),
					scope.memberOrganizationId() == null ? -1 : scope.memberOrganizationId(),
					scope.memberId() == null ? -1 : scope.memberId());
		}
	}

	static String array(Collection<String> paths) {
		return "{" + String.join(",", paths) + "}";
	}

	private static final String VISIBLE = """
			(m.org_path <@ any(cast(:read as ltree[])) or m.organization_id = :ownOrg
			 or exists (select 1 from meetings.assignment a
			            where a.cell_id = m.organization_id and a.member_id = :self and not a.ended)
			 or exists (select 1 from meetings.attendance x where x.meeting_id = m.id and x.member_id = :self))
			""";

	private static final String COLUMNS = """
			m.id, m.organization_id, m.org_path::text as org_path, m.org_name, m.kind, m.meeting_date, m.start_time,
			m.place, m.online, m.topic, m.status, m.publish_by, m.published_at, m.cancel_reason, m.expected, m.present,
			m.excused, m.unexcused, m.exempt, m.guests, m.recorded_at, m.quorum_met, m.quality_attendance,
			m.quality_no_unexcused, m.quality_excused_streak, m.quality_score, m.quality_band, m.visits, m.version,
			m.campaign, m.study_id, m.makeup
			""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	MeetingRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	private static JdbcClient.StatementSpec who(JdbcClient.StatementSpec spec, Who who) {
		return spec.param("read", who.read()).param("ownOrg", who.ownOrg()).param("self", who.self());
	}

	Optional<Meeting> find(long id, Who who) {
		return who(jdbc.sql("select " + COLUMNS + " from meetings.meeting m where m.id = :id and " + VISIBLE), who)
			.param("id", id).query(this::mapMeeting).optional();
	}

	// the meeting only when the user may write it; the rows recording reads with it (forRecording) under the same
	// condition
	private static final String WRITABLE = "m.id = :id and m.org_path <@ any(cast(:write as ltree[]))";

	private final OneTrip.Read<Meeting> writableRead = OneTrip.read(
			"select " + COLUMNS + " from meetings.meeting m where " + WRITABLE + " for update", this::mapMeeting);

	/** The meeting for a change: only within the subtrees the user may write members of. Locks the row. */
	Optional<Meeting> findWritable(long id, Who who) {
		return jdbc.sql(writableRead.sql()).param("id", id).param("write", who.write()).query(writableRead.mapper())
			.optional();
	}

	private final OneTrip.Read<Meeting> listRead = OneTrip.read("select " + COLUMNS
			+ " from meetings.meeting m where m.organization_id = :org"
			+ " and m.meeting_date >= make_date(:year, 1, 1) and m.meeting_date < make_date(:year + 1, 1, 1) and "
			+ VISIBLE + " order by m.meeting_date desc, m.start_time desc, m.id desc", this::mapMeeting);

	List<Meeting> list(long orgId, int year, Who who) {
		return who(jdbc.sql(listRead.sql()), who).param("org", orgId).param("year", year).query(listRead.mapper()).list();
	}

	/** What a cell's meetings page shows: the year's meetings, the schedule, open tasks (when asked). */
	record CellParts(List<Meeting> meetings, Optional<Schedule> schedule, List<MeetingTask> openTasks) {
	}

	/** The lists of a cell's meetings page in one round trip; the open tasks (of meetings before {@code tasksBefore}) only when given. */
	CellParts cellParts(long orgId, int year, Who who, @Nullable LocalDate tasksBefore) {
		List<OneTrip.Read<?>> reads = new ArrayList<>(List.of(listRead, scheduleRead));
		if (tasksBefore != null) {
			reads.add(openTasksRead);
		}
		Map<String, Object> params = new HashMap<>(Map.of("org", orgId, "year", year, "read", who.read(),
				"ownOrg", who.ownOrg(), "self", who.self()));
		if (tasksBefore != null) {
			params.put("before", tasksBefore);
		}
		var r = OneTrip.run(named, params, reads);
		return new CellParts(r.of(listRead), r.of(scheduleRead).stream().findFirst(),
				tasksBefore == null ? List.of() : r.of(openTasksRead));
	}

	/** A study's sessions held by the organization at {@code path}, below it or above it, that the user may see. */
	List<Meeting> studySessions(long studyId, String path, Who who) {
		return who(jdbc.sql("select " + COLUMNS + " from meetings.meeting m where m.study_id = :s"
				+ " and (m.org_path <@ cast(:path as ltree) or m.org_path @> cast(:path as ltree)) and " + VISIBLE
				+ " order by m.meeting_date, m.id limit 200"), who).param("s", studyId).param("path", path)
			.query(this::mapMeeting).list();
	}

	List<Meeting> upcoming(Collection<Long> orgIds, LocalDate from, int limit, Who who) {
		if (orgIds.isEmpty()) {
			return List.of();
		}
		return who(jdbc.sql("select " + COLUMNS + " from meetings.meeting m where m.organization_id in (:orgs)"
				+ " and m.meeting_date >= :from and m.status in ('PLANNED','PUBLISHED') and " + VISIBLE
				+ " order by m.meeting_date, m.start_time, m.id limit :limit"), who)
			.param("orgs", orgIds).param("from", from).param("limit", limit).query(this::mapMeeting).list();
	}

	/** Meetings whose agenda should have been announced by now and was not. */
	List<Meeting> overdueAnnouncements(long orgId, LocalDate today, Who who) {
		return who(jdbc.sql("select " + COLUMNS + " from meetings.meeting m where m.organization_id = :org"
				+ " and m.status = 'PLANNED' and m.publish_by <= :today and m.meeting_date >= :today and " + VISIBLE
				+ " order by m.meeting_date"), who).param("org", orgId).param("today", today).query(this::mapMeeting).list();
	}

	long insert(long orgId, String path, String orgName, MeetingKind kind, LocalDate date, LocalTime time, String place,
			boolean online, @Nullable String topic, @Nullable LocalDate publishBy, boolean generated, String by) {
		return insert(orgId, path, orgName, kind, date, time, place, online, topic, publishBy, generated, by, null, null, false);
	}

	long insert(long orgId, String path, String orgName, MeetingKind kind, LocalDate date, LocalTime time, String place,
			boolean online, @Nullable String topic, @Nullable LocalDate publishBy, boolean generated, String by,
			@Nullable String campaign, @Nullable Long studyId, boolean makeup) {
		return jdbc.sql("""
				insert into meetings.meeting (organization_id, org_path, org_name, kind, meeting_date, start_time, place,
				       online, topic, publish_by, generated, created_by, campaign, study_id, makeup)
				values (:org, cast(:path as ltree), :name, :kind, :date, :time, :place, :online, :topic, :publishBy, :generated, :by,
				        :campaign, :study, :makeup)
				on conflict (organization_id, kind, meeting_date) where generated do nothing
				returning id
				""").param("org", orgId).param("path", path).param("name", orgName).param("kind", kind.name())
			.param("date", date).param("time", time).param("place", place).param("online", online).param("topic", topic)
			.param("publishBy", publishBy).param("generated", generated).param("by", by).param("campaign", campaign)
			.param("study", studyId).param("makeup", makeup).query(Long.class).optional().orElse(-1L);
	}

	int update(long id, int version, LocalDate date, LocalTime time, String place, boolean online, @Nullable String topic,
			MeetingKind kind, @Nullable String campaign) {
		return jdbc.sql("""
				update meetings.meeting set meeting_date = :date, start_time = :time, place = :place, online = :online,
				       topic = :topic, kind = :kind, campaign = :campaign, version = version + 1
				where id = :id and version = :version
				""").param("id", id).param("version", version).param("date", date).param("time", time)
			.param("place", place).param("online", online).param("topic", topic).param("kind", kind.name())
			.param("campaign", campaign).update();
	}

	void setStatus(long id, String status, @Nullable String cancelReason) {
		jdbc.sql("""
				update meetings.meeting set status = :status, version = version + 1,
				       published_at = case when :status = 'PUBLISHED' then now() else published_at end,
				       cancel_reason = coalesce(:reason, cancel_reason)
				where id = :id
				""").param("id", id).param("status", status).param("reason", cancelReason).update();
	}

	private final OneTrip.Read<String> agendaRead = OneTrip.read(
			"select title from meetings.agenda_item where meeting_id = :id order by position", (rs, i) -> rs.getString(1));

	List<String> agenda(long meetingId) {
		return jdbc.sql(agendaRead.sql()).param("id", meetingId).query(agendaRead.mapper()).list();
	}

	void replaceAgenda(long meetingId, List<String> items) {
		jdbc.sql("delete from meetings.agenda_item where meeting_id = :id").param("id", meetingId).update();
		for (int i = 0; i < items.size(); i++) {
			jdbc.sql("insert into meetings.agenda_item (meeting_id, position, title) values (:id, :p, :t)")
				.param("id", meetingId).param("p", i + 1).param("t", items.get(i)).update();
		}
	}

	private final OneTrip.Read<MeetingDetails.Material> materialsRead = OneTrip.read("""
			select id, meeting_id, agenda_position, file_name, content_type, length(bytes) as size, uploaded_at
			from meetings.material where meeting_id = :id order by id
			""", (rs, i) -> new MeetingDetails.Material(rs.getLong(1), rs.getLong(2), (Integer) rs.getObject(3),
				rs.getString(4), rs.getString(5), rs.getLong(6), rs.getTimestamp(7).toInstant()));

	long addMaterial(long meetingId, @Nullable Integer position, String fileName, String contentType, byte[] bytes, String by) {
		return jdbc.sql("""
				insert into meetings.material (meeting_id, agenda_position, file_name, content_type, bytes, uploaded_by)
				values (:m, :p, :f, :c, :b, :by) returning id
				""").param("m", meetingId).param("p", position).param("f", fileName).param("c", contentType).param("b", bytes)
			.param("by", by).query(Long.class).single();
	}

	record MaterialFile(long meetingId, String fileName, String contentType, byte[] bytes) {
	}

	Optional<MaterialFile> material(long id) {
		return jdbc.sql("select meeting_id, file_name, content_type, bytes from meetings.material where id = :id")
			.param("id", id).query((rs, i) -> new MaterialFile(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getBytes(4))).optional();
	}

	// --- invitations and attendance

	void invite(long meetingId, long memberId, String fullName, String standing, @Nullable String orgPath) {
		jdbc.sql("""
				insert into meetings.attendance (meeting_id, member_id, full_name, standing, status, org_path)
				values (:m, :member, :name, :standing, case when :standing = 'EXEMPT' then 'EXEMPT' end, cast(:path as ltree))
				on conflict do nothing
				""").param("m", meetingId).param("member", memberId).param("name", fullName).param("standing", standing)
			.param("path", orgPath).update();
	}

	java.util.Set<Long> completed(long studyId) {
		return java.util.Set.copyOf(jdbc.sql("select member_id from meetings.study_completion where study_id = :s")
			.param("s", studyId).query(Long.class).list());
	}

	/** Those present at a study session have completed the study (once); a correction to absent takes it back. */
	void syncStudyCompletions(long meetingId) {
		jdbc.sql("""
				delete from meetings.study_completion c
				where c.meeting_id = :id and not exists (select 1 from meetings.attendance a
				      where a.meeting_id = :id and a.member_id = c.member_id and a.status = 'PRESENT')
				""").param("id", meetingId).update();
		jdbc.sql("""
				insert into meetings.study_completion (study_id, member_id, org_path, meeting_id, completed_on)
				select m.study_id, a.member_id, coalesce(a.org_path, m.org_path), m.id, m.meeting_date
				from meetings.attendance a join meetings.meeting m on m.id = a.meeting_id
				where a.meeting_id = :id and a.status = 'PRESENT'
				order by a.member_id
				on conflict do nothing
				""").param("id", meetingId).update();
	}

	List<Attendee> attendees(long meetingId) {
		return attendees(meetingId, true);
	}

	private static final String ATTENDEES = """
			select member_id, full_name, standing, status, reason, excused_at from meetings.attendance
			where meeting_id = :id
			""";

	private static final String ATTENDEES_ORDER = """
			order by given_name collate "vi-x-icu", full_name collate "vi-x-icu", member_id
			""";

	private final OneTrip.Read<Attendee> attendeesRead = OneTrip.read(ATTENDEES + ATTENDEES_ORDER, this::mapAttendee);

	/** The invited members; in the Vietnamese order of given names when {@code ordered}, else as stored. */
	List<Attendee> attendees(long meetingId, boolean ordered) {
		return jdbc.sql(ATTENDEES + (ordered ? ATTENDEES_ORDER : "")).param("id", meetingId).query(this::mapAttendee).list();
	}

	private Attendee mapAttendee(ResultSet rs, int i) throws SQLException {
		return new Attendee(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, 6));
	}

	Optional<Attendee> attendee(long meetingId, long memberId) {
		return jdbc.sql("""
				select member_id, full_name, standing, status, reason, excused_at from meetings.attendance
				where meeting_id = :id and member_id = :member
				""").param("id", meetingId).param("member", memberId).query((rs, i) -> new Attendee(rs.getLong(1),
					rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, 6))).optional();
	}

	void excuse(long meetingId, long memberId, @Nullable String reason) {
		jdbc.sql("""
				update meetings.attendance set status = case when :reason is null then null else 'EXCUSED' end,
				       reason = :reason, excused_at = case when :reason is null then null else now() end
				where meeting_id = :m and member_id = :member
				""").param("m", meetingId).param("member", memberId).param("reason", reason).update();
	}

	private static final String RECORD = """
			update meetings.attendance a set status = v.status, reason = v.reason, recorded_by = :by, recorded_at = now()
			from unnest(cast(:ids as bigint[]), cast(:statuses as text[]), cast(:reasons as text[])) as v(member_id, status, reason)
			where a.meeting_id = :id and a.member_id = v.member_id
			  and (a.status is distinct from v.status or a.reason is distinct from v.reason or a.recorded_at is null)
			""";

	private final OneTrip.Read<Integer> recordRead = OneTrip.read("with u as (" + RECORD + " returning 1) select count(*)::int from u",
			(rs, i) -> rs.getInt(1));

	/**
	 * What recording attendance starts from: the meeting, locked, and its invited members as stored and whether its
	 * latest minutes are locked.
	 */
	record Recording(Meeting meeting, List<Attendee> invited, boolean minutesLocked) {
	}

	private final OneTrip.Read<Attendee> invitedRead = OneTrip.read(
			ATTENDEES + "  and exists (select 1 from meetings.meeting m where " + WRITABLE + ")", this::mapAttendee);

	private final OneTrip.Read<Boolean> minutesLockedRead = OneTrip.read("""
			select locked_at is not null from meetings.minutes
			where meeting_id = :id and exists (select 1 from meetings.meeting m where %s)
			order by revision desc limit 1
			""".formatted(WRITABLE), (rs, i) -> rs.getBoolean(1));

	/** The meeting (locked) with its invited members and minutes' lock, in one round trip; empty when not writable. */
	Optional<Recording> forRecording(long meetingId, Who who) {
		var r = OneTrip.run(named, Map.of("id", meetingId, "write", who.write()),
				List.of(writableRead, invitedRead, minutesLockedRead));
		return r.of(writableRead).stream().findFirst().map(m -> new Recording(m, r.of(invitedRead),
				r.of(minutesLockedRead).stream().findFirst().orElse(false)));
	}

	/** The counts of a meeting's attendance, as {@link #recordAndRecount} writes them. */
	record Counts(int expected, int present, int excused, int unexcused, int exempt) {
	}

	/**
	 * Per member excused now: how many of their last n rows in this year's regular and thematic meetings of the cell
	 * up to this one were found (at most n), and how many of those are excused. A meeting the member was not invited
	 * to (no row) neither breaks nor extends the run, so the rows are the member's own, not the cell's last n
	 * meetings: the year's meetings of the cell (by its date index, about 16) and the member's row in each (by the
	 * primary key).
	 */
	private static final String RECENT_RUNS = """
			with yr as materialized (
			    select y.id, y.meeting_date from meetings.meeting y
			    where y.organization_id = :org and (y.status = 'HELD' or y.id = :id) and y.kind in ('REGULAR','THEMATIC')
			      and y.meeting_date >= :yearStart and y.meeting_date <= :date)
			select count(*) as found, count(*) filter (where x.status = 'EXCUSED') as excused
			from unnest(cast(:members as bigint[])) e(member_id)
			cross join lateral (
			    select a.status from yr join meetings.attendance a on a.meeting_id = yr.id and a.member_id = e.member_id
			    order by yr.meeting_date desc, yr.id desc limit :n) x
			group by e.member_id
			""";

	/**
	 * The meeting's counts (computed by the caller from the rows it read under the meeting's row lock) and guests,
	 * the quorum and the three HD 12 criteria, and "held" — one update, so the kept counters change once. Nobody
	 * excused at this meeting may have been excused more than {@code :n - 1} times in a row: their last n rows all
	 * excused ({@link #RECENT_RUNS}, read after the statuses of this recording are written).
	 */
	private final OneTrip.Read<Integer> recountRead = OneTrip.read("""
			with u as (
			update meetings.meeting m set
			       expected = :expected, present = :present, excused = :excused, unexcused = :unexcused,
			       exempt = :exempt, guests = (select count(*) from meetings.guest g where g.meeting_id = m.id),
			       status = 'HELD', recorded_at = coalesce(m.recorded_at, now()), version = m.version + 1,
			       quorum_met = :quorumMet, quality_attendance = :attendanceMet,
			       quality_no_unexcused = :unexcused = 0,
			       quality_excused_streak = not exists (select 1 from (%s) r where r.found = :n and r.excused = :n)
			where m.id = :id
			returning 1) select count(*)::int from u
			""".formatted(RECENT_RUNS), (rs, i) -> rs.getInt(1));

	/**
	 * Writes everyone's status (the rows that change), then the meeting's counts and criteria (see
	 * {@link #recountRead}) — one round trip; the statuses come first, so the check of excused runs reads them.
	 */
	void recordAndRecount(long meetingId, Map<Long, String> statuses, Map<Long, String> reasons, String by, long orgId,
			LocalDate date, Collection<Long> excused, int maxExcusedRun, Counts c, int quorumPercent,
			int attendancePercent) {
		Long[] ids = statuses.keySet().toArray(Long[]::new);
		String[] sts = new String[ids.length];
		String[] rsn = new String[ids.length];
		for (int i = 0; i < ids.length; i++) {
			sts[i] = statuses.get(ids[i]);
			rsn[i] = reasons.get(ids[i]);
		}
		Map<String, Object> params = new HashMap<>();
		params.put("id", meetingId);
		params.put("ids", ids);
		params.put("statuses", sts);
		params.put("reasons", rsn);
		params.put("by", by);
		params.put("org", orgId);
		params.put("date", date);
		params.put("yearStart", date.withDayOfYear(1));
		params.put("n", maxExcusedRun + 1);
		params.put("members", excused.toArray(Long[]::new));
		params.put("expected", c.expected());
		params.put("present", c.present());
		params.put("excused", c.excused());
		params.put("unexcused", c.unexcused());
		params.put("exempt", c.exempt());
		params.put("quorumMet", c.present() * 100 > c.expected() * quorumPercent);
		params.put("attendanceMet", c.present() * 100 > c.expected() * attendancePercent);
		OneTrip.run(named, params, List.of(recordRead, recountRead));
	}

	void setQuality(long meetingId, @Nullable Integer score, @Nullable String band) {
		jdbc.sql("update meetings.meeting set quality_score = :score, quality_band = :band where id = :id")
			.param("id", meetingId).param("score", score).param("band", band).update();
	}

	private final OneTrip.Read<MeetingDetails.Guest> guestsRead = OneTrip.read(
			"select id, name, role, assignment_id from meetings.guest where meeting_id = :id order by id",
			(rs, i) -> new MeetingDetails.Guest(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4)));

	void addGuest(long meetingId, String name, @Nullable String role, @Nullable Long assignmentId) {
		jdbc.sql("""
				insert into meetings.guest (meeting_id, name, role, assignment_id)
				select :m, :name, :role, :a
				where :a is null or not exists (select 1 from meetings.guest where meeting_id = :m and assignment_id = :a)
				""").param("m", meetingId).param("name", name).param("role", role).param("a", assignmentId).update();
	}

	/** Members with unexcused absences in at least {@code months} distinct months of the year, with the dates. */
	List<AbsencePrompt> unexcusedAbsences(long orgId, int year, int months) {
		return jdbc.sql("""
				select a.member_id, min(a.full_name), array_agg(m.meeting_date order by m.meeting_date)
				from meetings.attendance a join meetings.meeting m on m.id = a.meeting_id
				where m.organization_id = :org and m.status = 'HELD' and a.status = 'UNEXCUSED'
				  and m.unexcused > 0 -- the kept count: about 1 meeting in 25 has any, the others' rows are not read
				  and m.meeting_date >= make_date(:year, 1, 1) and m.meeting_date < make_date(:year + 1, 1, 1)
				group by a.member_id
				having count(distinct date_trunc('month', m.meeting_date)) >= :months
				order by min(a.full_name)
				""").param("org", orgId).param("year", year).param("months", months).query((rs, i) -> {
					java.sql.Date[] ds = (java.sql.Date[]) rs.getArray(3).getArray();
					return new AbsencePrompt(rs.getLong(1), rs.getString(2),
							java.util.Arrays.stream(ds).map(java.sql.Date::toLocalDate).toList());
				}).list();
	}

	List<MyMeetings.History> history(long memberId, int limit) {
		return jdbc.sql("""
				select m.id, m.meeting_date, m.kind, m.org_name, a.status, a.reason
				from meetings.attendance a join meetings.meeting m on m.id = a.meeting_id
				where a.member_id = :member and m.status = 'HELD'
				order by m.meeting_date desc, m.id desc limit :limit
				""").param("member", memberId).param("limit", limit).query((rs, i) -> new MyMeetings.History(rs.getLong(1),
					rs.getObject(2, LocalDate.class), MeetingKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
					rs.getString(6))).list();
	}

	// --- minutes

	Optional<Minutes> minutes(long meetingId, @Nullable Integer revision) {
		return jdbc.sql("""
				select * from meetings.minutes where meeting_id = :id
				  and (cast(:rev as int) is null or revision = :rev)
				order by revision desc limit 1
				""").param("id", meetingId).param("rev", revision).query(this::mapMinutes).optional();
	}

	private final OneTrip.Read<Minutes> revisionsRead = OneTrip.read(
			"select * from meetings.minutes where meeting_id = :id order by revision", this::mapMinutes);

	void insertMinutes(long meetingId, int revision, Minutes.Content content, @Nullable String reason, String by) {
		jdbc.sql("""
				insert into meetings.minutes (meeting_id, revision, content, reason, created_by)
				values (:id, :rev, cast(:content as jsonb), :reason, :by)
				""").param("id", meetingId).param("rev", revision).param("content", JSON.writeValueAsString(content))
			.param("reason", reason).param("by", by).update();
	}

	void updateMinutes(long meetingId, int revision, Minutes.Content content) {
		jdbc.sql("""
				update meetings.minutes set content = cast(:content as jsonb), updated_at = now()
				where meeting_id = :id and revision = :rev
				""").param("id", meetingId).param("rev", revision).param("content", JSON.writeValueAsString(content)).update();
	}

	void sign(long meetingId, int revision, boolean chair, String by) {
		jdbc.sql(chair ? """
				update meetings.minutes set chair_signed_by = :by, chair_signed_at = now(),
				       locked_at = case when secretary_signed_at is not null then now() end
				where meeting_id = :id and revision = :rev
				""" : """
				update meetings.minutes set secretary_signed_by = :by, secretary_signed_at = now(),
				       locked_at = case when chair_signed_at is not null then now() end
				where meeting_id = :id and revision = :rev
				""").param("id", meetingId).param("rev", revision).param("by", by).update();
	}

	// --- tasks

	private static final String TASK = """
			select t.id, t.meeting_id, m.meeting_date, t.organization_id, t.member_id, t.member_name, t.content, t.due_on,
			       t.status, t.closed_at, t.closed_in_meeting_id, t.note
			from meetings.task t join meetings.meeting m on m.id = t.meeting_id
			""";

	private final OneTrip.Read<MeetingTask> tasksRead = OneTrip.read(TASK + " where t.meeting_id = :id order by t.id",
			this::mapTask);

	private final OneTrip.Read<MeetingTask> openTasksRead = OneTrip.read(TASK
			+ " where t.organization_id = :org and t.status = 'OPEN' and m.meeting_date < :before order by t.due_on nulls last, t.id",
			this::mapTask);

	/** Open tasks of the cell from meetings before this date (to follow up). */
	List<MeetingTask> openTasks(long orgId, LocalDate before) {
		return jdbc.sql(openTasksRead.sql()).param("org", orgId).param("before", before).query(openTasksRead.mapper()).list();
	}

	List<MeetingTask> tasksOfMember(long memberId) {
		return jdbc.sql(TASK + " where t.member_id = :member order by (t.status = 'OPEN') desc, t.due_on nulls last, t.id desc limit 100")
			.param("member", memberId).query(this::mapTask).list();
	}

	Optional<MeetingTask> task(long id) {
		return jdbc.sql(TASK + " where t.id = :id").param("id", id).query(this::mapTask).optional();
	}

	void replaceOpenTasks(long meetingId, long orgId, String path, List<Minutes.TaskLine> tasks) {
		jdbc.sql("delete from meetings.task where meeting_id = :id and status = 'OPEN'").param("id", meetingId).update();
		for (Minutes.TaskLine t : tasks) {
			jdbc.sql("""
					insert into meetings.task (meeting_id, organization_id, org_path, member_id, member_name, content, due_on)
					values (:m, :org, cast(:path as ltree), :member, :name, :content, cast(:due as date))
					""").param("m", meetingId).param("org", orgId).param("path", path).param("member", t.memberId())
				.param("name", t.memberName()).param("content", t.content())
				.param("due", t.dueOn() == null ? null : vn.dangvu.shared.VnText.parseDate(t.dueOn())).update();
		}
	}

	void closeTask(long id, String status, long meetingId, @Nullable String note) {
		jdbc.sql("""
				update meetings.task set status = :status, closed_at = now(), closed_in_meeting_id = :m, note = :note
				where id = :id
				""").param("id", id).param("status", status).param("m", meetingId).param("note", note).update();
	}

	// --- schedules

	private final OneTrip.Read<Schedule> scheduleRead = OneTrip.read("select * from meetings.schedule where organization_id = :org",
			this::mapSchedule);

	Optional<Schedule> schedule(long orgId) {
		return jdbc.sql(scheduleRead.sql()).param("org", orgId).query(scheduleRead.mapper()).optional();
	}

	record ScheduleRow(Schedule schedule, String path) {
	}

	/** A page of schedules in organization order, after the given organization id. */
	List<ScheduleRow> schedules(long after, int limit) {
		return jdbc.sql("select s.*, s.org_path::text as path from meetings.schedule s where organization_id > :after order by organization_id limit :limit")
			.param("after", after).param("limit", limit)
			.query((rs, i) -> new ScheduleRow(mapSchedule(rs, i), rs.getString("path"))).list();
	}

	void saveSchedule(Schedule s, String path, String by) {
		jdbc.sql("""
				insert into meetings.schedule (organization_id, org_path, day_of_month, start_time, place, thematic_day,
				       thematic_month, updated_by)
				values (:org, cast(:path as ltree), :day, :time, :place, :tday, :tmonth, :by)
				on conflict (organization_id) do update set org_path = excluded.org_path, day_of_month = excluded.day_of_month,
				       start_time = excluded.start_time, place = excluded.place, thematic_day = excluded.thematic_day,
				       thematic_month = excluded.thematic_month, updated_by = excluded.updated_by, updated_at = now()
				""").param("org", s.organizationId()).param("path", path).param("day", s.dayOfMonth())
			.param("time", s.startTime()).param("place", s.place()).param("tday", s.thematicDay())
			.param("tmonth", s.thematicMonth()).param("by", by).update();
	}

	/** Generated meetings not yet announced, from a date: they follow the schedule when it changes. */
	int dropUnannouncedGenerated(long orgId, LocalDate from) {
		List<Long> ids = jdbc.sql("""
				select id from meetings.meeting m where organization_id = :org and generated and status = 'PLANNED'
				  and meeting_date >= :from
				  and not exists (select 1 from meetings.agenda_item i where i.meeting_id = m.id)
				  and not exists (select 1 from meetings.material x where x.meeting_id = m.id)
				  and not exists (select 1 from meetings.attendance a where a.meeting_id = m.id)
				  and not exists (select 1 from meetings.guest g where g.meeting_id = m.id)
				""").param("org", orgId).param("from", from).query(Long.class).list();
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.sql("delete from meetings.meeting where id in (:ids)").param("ids", ids).update();
	}

	// --- assignments

	private static final String ASSIGNMENT = """
			select a.id, a.committee_id, a.committee_level, a.member_id, a.member_name, a.cell_id, a.cell_name, a.year,
			       a.quarter, a.planned,
			       (select count(*) from meetings.visit v join meetings.meeting m on m.id = v.meeting_id
			        where v.assignment_id = a.id) as attended
			from meetings.assignment a
			""";

	List<Assignment> assignmentsOfCommittee(String committeePath, int year) {
		return jdbc.sql(ASSIGNMENT + """
				 where a.committee_path <@ cast(:path as ltree) and a.year = :year and not a.ended
				 order by a.member_name, a.cell_name, a.quarter nulls first
				""").param("path", committeePath).param("year", year).query(this::mapAssignment).list();
	}

	List<Assignment> assignmentsOfMember(long memberId, int year) {
		return jdbc.sql(ASSIGNMENT + " where a.member_id = :member and a.year = :year and not a.ended order by a.cell_name")
			.param("member", memberId).param("year", year).query(this::mapAssignment).list();
	}

	List<Assignment> assignmentsOfCell(long cellId, int year) {
		return jdbc.sql(ASSIGNMENT + " where a.cell_id = :cell and a.year = :year and not a.ended order by a.member_name")
			.param("cell", cellId).param("year", year).query(this::mapAssignment).list();
	}

	boolean isAssigned(long memberId, long cellId) {
		return jdbc.sql("select exists (select 1 from meetings.assignment where member_id = :m and cell_id = :c and not ended)")
			.param("m", memberId).param("c", cellId).query(Boolean.class).single();
	}

	Optional<Assignment> assignment(long id) {
		return jdbc.sql(ASSIGNMENT + " where a.id = :id").param("id", id).query(this::mapAssignment).optional();
	}

	Optional<String> assignmentCommitteePath(long id) {
		return jdbc.sql("select committee_path::text from meetings.assignment where id = :id").param("id", id)
			.query(String.class).optional();
	}

	long insertAssignment(long committeeId, String committeePath, String level, long memberId, String memberName,
			long cellId, String cellPath, String cellName, int year, @Nullable Integer quarter, int planned, String by) {
		return jdbc.sql("""
				insert into meetings.assignment (committee_id, committee_path, committee_level, member_id, member_name,
				       cell_id, cell_path, cell_name, year, quarter, planned, created_by)
				values (:c, cast(:cp as ltree), :level, :member, :name, :cell, cast(:cellPath as ltree), :cellName, :year,
				        :quarter, :planned, :by)
				on conflict do nothing
				returning id
				""").param("c", committeeId).param("cp", committeePath).param("level", level).param("member", memberId)
			.param("name", memberName).param("cell", cellId).param("cellPath", cellPath).param("cellName", cellName)
			.param("year", year).param("quarter", quarter).param("planned", planned).param("by", by)
			.query(Long.class).optional().orElse(-1L);
	}

	void endAssignment(long id) {
		jdbc.sql("update meetings.assignment set ended = true where id = :id").param("id", id).update();
	}


	private final OneTrip.Read<MeetingDetails.Visit> visitsRead = OneTrip.read("""
			select v.assignment_id, v.meeting_id, a.member_name, v.report, v.recorded_at
			from meetings.visit v join meetings.assignment a on a.id = v.assignment_id
			where v.meeting_id = :id order by v.recorded_at
			""", (rs, i) -> new MeetingDetails.Visit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getTimestamp(5).toInstant()));

	/** What a meeting's page shows beside the meeting itself. */
	record PageParts(List<String> agenda, List<MeetingDetails.Material> materials, List<Attendee> attendees,
			List<MeetingDetails.Guest> guests, List<Minutes> revisions, List<MeetingTask> tasks, List<MeetingTask> followUps,
			List<MeetingDetails.Visit> visits) {
	}

	/**
	 * The lists of a meeting's page in one round trip (eight reads; see {@link OneTrip}); the cell's open tasks from
	 * earlier meetings only when {@code followUps}.
	 */
	PageParts pageParts(long meetingId, long orgId, LocalDate date, boolean followUps) {
		List<OneTrip.Read<?>> reads = new ArrayList<>(List.of(agendaRead, materialsRead, attendeesRead, guestsRead,
				revisionsRead, tasksRead, visitsRead));
		if (followUps) {
			reads.add(openTasksRead);
		}
		var r = OneTrip.run(named, Map.of("id", meetingId, "org", orgId, "before", date), reads);
		return new PageParts(r.of(agendaRead), r.of(materialsRead), r.of(attendeesRead), r.of(guestsRead),
				r.of(revisionsRead), r.of(tasksRead), followUps ? r.of(openTasksRead) : List.of(), r.of(visitsRead));
	}

	boolean insertVisit(long assignmentId, long meetingId, String report, String by) {
		int n = jdbc.sql("""
				insert into meetings.visit (assignment_id, meeting_id, report, recorded_by) values (:a, :m, :r, :by)
				on conflict do nothing
				""").param("a", assignmentId).param("m", meetingId).param("r", report).param("by", by).update();
		if (n > 0) {
			jdbc.sql("update meetings.meeting set visits = visits + 1 where id = :m").param("m", meetingId).update();
		}
		return n > 0;
	}

	// --- statistics

	/** An organization's months of a year and its children's totals over the months before {@code until}. */
	record StatsRows(List<MeetingStats.Month> months, Map<Long, MeetingStats.Row> children) {
	}

	private static final String COUNTER_COLUMNS = """
			due, held, cancelled, thematic_held, expected, present, excused, unexcused, quality_met, good, fair, average,
			poor, visits, planned""";

	private static final String NEGATED_COLUMNS = """
			-due, -held, -cancelled, -thematic_held, -expected, -present, -excused, -unexcused, -quality_met, -good, -fair,
			-average, -poor, -visits, -planned""";

	// The statistics' reads give the kept rows and the deltas not yet folded as they are; they are added up here
	// (summing in SQL made numerics of every column, half the cost of the read).

	// The organization's months (see V40).
	private final OneTrip.Read<MeetingStats.Month> monthsRead = OneTrip.read("""
			select month, %1$s from meetings.meeting_counter
			where organization_id = :org and month >= make_date(:year, 1, 1) and month < make_date(:year + 1, 1, 1)
			union all
			select month, %1$s from meetings.meeting_counter_delta
			where organization_id = :org and month >= make_date(:year, 1, 1) and month < make_date(:year + 1, 1, 1)
			""".formatted(COUNTER_COLUMNS), (rs, i) -> new MeetingStats.Month(rs.getObject(1, LocalDate.class), row(rs, 2)));

	// The children's years under this parent (one index range, see V44), less the months not yet reached, plus the
	// deltas not yet folded. Rows of children that moved away are zeros; the caller keeps only its children.
	private final OneTrip.Read<Map.Entry<Long, MeetingStats.Row>> childrenRead = OneTrip.read("""
			select organization_id, %1$s from meetings.meeting_year_counter
			where parent_id = :org and year = :year
			union all
			select organization_id, %2$s from meetings.meeting_later_counter
			where parent_id = :org and month >= :until and month >= make_date(:year, 1, 1) and month < make_date(:year + 1, 1, 1)
			union all
			select organization_id, %1$s from meetings.meeting_counter_delta
			where parent_id = :org and month >= make_date(:year, 1, 1) and month < make_date(:year + 1, 1, 1) and month < :until
			""".formatted(COUNTER_COLUMNS, NEGATED_COLUMNS), (rs, i) -> Map.entry(rs.getLong(1), row(rs, 2)));

	/** The months of the organization (in order) and the totals of its children, in one round trip. */
	StatsRows stats(long orgId, int year, LocalDate until) {
		var r = OneTrip.run(named, Map.of("org", orgId, "year", year, "until", until), List.of(monthsRead, childrenRead));
		Map<LocalDate, MeetingStats.Row> months = new TreeMap<>();
		r.of(monthsRead).forEach(m -> months.merge(m.month(), m.row(), MeetingStats.Row::plus));
		Map<Long, MeetingStats.Row> children = new HashMap<>();
		r.of(childrenRead).forEach(e -> children.merge(e.getKey(), e.getValue(), MeetingStats.Row::plus));
		return new StatsRows(months.entrySet().stream().map(e -> new MeetingStats.Month(e.getKey(), e.getValue())).toList(),
				children);
	}

	private static MeetingStats.Row row(ResultSet rs, int from) throws SQLException {
		long[] v = new long[15];
		for (int i = 0; i < 15; i++) {
			v[i] = rs.getLong(from + i);
		}
		return new MeetingStats.Row(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14]);
	}

	/** A path under the moved node, rewritten: the new parent's path, then the path from the moved node down. */
	/** Rewrites the copied paths of a moved subtree; the counters follow through the trigger. */
	void movePaths(String oldPath, String newPath) {
		for (String table : List.of("meetings.meeting", "meetings.task", "meetings.schedule", "meetings.remediation",
				"meetings.study", "meetings.study_completion")) {
			jdbc.sql("update " + table + " set org_path = " + MovedPath.of("org_path") + " where org_path <@ cast(:old as ltree)").param("old", oldPath).param("new", newPath).update();
		}
		jdbc.sql("""
				update meetings.assignment set cell_path = %s where cell_path <@ cast(:old as ltree)
				""".formatted(MovedPath.of("cell_path"))).param("old", oldPath).param("new", newPath).update();
		jdbc.sql("""
				update meetings.assignment set committee_path = %s where committee_path <@ cast(:old as ltree)
				""".formatted(MovedPath.of("committee_path"))).param("old", oldPath).param("new", newPath).update();
	}

	// --- mapping

	private static @Nullable Instant instant(ResultSet rs, int col) throws SQLException {
		Timestamp t = rs.getTimestamp(col);
		return t == null ? null : t.toInstant();
	}

	private static @Nullable Instant instant(ResultSet rs, String col) throws SQLException {
		Timestamp t = rs.getTimestamp(col);
		return t == null ? null : t.toInstant();
	}

	private static @Nullable Boolean bool(ResultSet rs, String col) throws SQLException {
		boolean b = rs.getBoolean(col);
		return rs.wasNull() ? null : b;
	}

	private Meeting mapMeeting(ResultSet rs, int i) throws SQLException {
		return new Meeting(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("org_path"), rs.getString("org_name"),
				MeetingKind.valueOf(rs.getString("kind")), rs.getObject("meeting_date", LocalDate.class),
				rs.getObject("start_time", LocalTime.class), rs.getString("place"), rs.getBoolean("online"),
				rs.getString("topic"), rs.getString("status"), rs.getObject("publish_by", LocalDate.class),
				instant(rs, "published_at"), rs.getString("cancel_reason"), rs.getInt("expected"), rs.getInt("present"),
				rs.getInt("excused"), rs.getInt("unexcused"), rs.getInt("exempt"), rs.getInt("guests"),
				instant(rs, "recorded_at"), bool(rs, "quorum_met"), bool(rs, "quality_attendance"),
				bool(rs, "quality_no_unexcused"), bool(rs, "quality_excused_streak"), (Integer) rs.getObject("quality_score"),
				rs.getString("quality_band"), rs.getInt("visits"), rs.getInt("version"), rs.getString("campaign"),
				(Long) rs.getObject("study_id"), rs.getBoolean("makeup"));
	}

	private Minutes mapMinutes(ResultSet rs, int i) throws SQLException {
		return new Minutes(rs.getLong("meeting_id"), rs.getInt("revision"),
				JSON.readValue(rs.getString("content"), Minutes.Content.class), rs.getString("reason"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("chair_signed_by"),
				instant(rs, "chair_signed_at"), rs.getString("secretary_signed_by"), instant(rs, "secretary_signed_at"),
				instant(rs, "locked_at"));
	}

	private MeetingTask mapTask(ResultSet rs, int i) throws SQLException {
		return new MeetingTask(rs.getLong("id"), rs.getLong("meeting_id"), rs.getObject("meeting_date", LocalDate.class),
				rs.getLong("organization_id"), rs.getLong("member_id"), rs.getString("member_name"), rs.getString("content"),
				rs.getObject("due_on", LocalDate.class), rs.getString("status"), instant(rs, "closed_at"),
				(Long) rs.getObject("closed_in_meeting_id"), rs.getString("note"));
	}

	private Schedule mapSchedule(ResultSet rs, int i) throws SQLException {
		return new Schedule(rs.getLong("organization_id"), rs.getInt("day_of_month"),
				rs.getObject("start_time", LocalTime.class), rs.getString("place"), (Integer) rs.getObject("thematic_day"),
				rs.getInt("thematic_month"));
	}

	private Assignment mapAssignment(ResultSet rs, int i) throws SQLException {
		return new Assignment(rs.getLong("id"), rs.getLong("committee_id"), rs.getString("committee_level"),
				rs.getLong("member_id"), rs.getString("member_name"), rs.getLong("cell_id"), rs.getString("cell_name"),
				rs.getInt("year"), (Integer) rs.getObject("quarter"), rs.getInt("planned"), rs.getInt("attended"), null);
	}

	MemberEvidence evidence(long memberId, int year, Who who) {
		boolean self = who.self() == memberId;
		var counts = jdbc.sql("""
				select count(*) filter (where a.status is not null),
				       count(*) filter (where a.status = 'PRESENT'),
				       count(*) filter (where a.status = 'EXCUSED'),
				       count(*) filter (where a.status = 'UNEXCUSED'),
				       (select count(*) from meetings.task t where t.member_id = :m and t.status = 'DONE'
				          and (:self or t.org_path <@ any(cast(:read as ltree[])))
				          and t.closed_at >= make_date(:year, 1, 1) and t.closed_at < make_date(:year + 1, 1, 1)),
				       (select count(*) from meetings.task t where t.member_id = :m and t.status = 'OPEN'
				          and (:self or t.org_path <@ any(cast(:read as ltree[])))),
				       (select count(*) from meetings.study_completion c where c.member_id = :m
				          and (:self or c.org_path <@ any(cast(:read as ltree[])))
				          and c.completed_on >= make_date(:year, 1, 1) and c.completed_on < make_date(:year + 1, 1, 1))
				from meetings.attendance a join meetings.meeting m on m.id = a.meeting_id
				where a.member_id = :m and m.status = 'HELD' and m.kind <> 'COMMITTEE'
				  and m.meeting_date >= make_date(:year, 1, 1) and m.meeting_date < make_date(:year + 1, 1, 1)
				  and (:self or m.org_path <@ any(cast(:read as ltree[])))
				""").param("m", memberId).param("year", year).param("self", self).param("read", who.read())
			.query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
					rs.getInt(7) }).single();
		List<MemberEvidence.OpenItem> open = jdbc.sql("""
				select r.id, m.meeting_date, r.shortcoming, r.measure, r.due_on
				from meetings.remediation r join meetings.meeting m on m.id = r.meeting_id
				where r.member_id = :m and r.status = 'OPEN' and (:self or r.org_path <@ any(cast(:read as ltree[])))
				order by m.meeting_date, r.id
				""").param("m", memberId).param("self", self).param("read", who.read())
			.query((rs, i) -> new MemberEvidence.OpenItem(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					rs.getString(4), rs.getObject(5, LocalDate.class))).list();
		return new MemberEvidence(year, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], open);
	}

	int openShortcomings(long memberId, Who who) {
		return jdbc.sql("""
				select count(*) from meetings.remediation r where r.member_id = :m and r.status = 'OPEN'
				  and (:self or r.org_path <@ any(cast(:read as ltree[])))
				""").param("m", memberId).param("self", who.self() == memberId).param("read", who.read()).query(Integer.class).single();
	}
}

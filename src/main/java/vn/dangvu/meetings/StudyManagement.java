package vn.dangvu.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dangvu.organizations.MemberManagement;
import vn.dangvu.organizations.MemberRow;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.organizations.StatusCount;
import vn.dangvu.shared.Audited;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.Denied;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.InvalidInput.Problem;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/**
 * Studies of a document (học tập, quán triệt nghị quyết) organized by any level for its subtree. Sessions are
 * meetings of kind STUDY held by the organizing level or any organization below it; a member present at one has
 * completed the study; make-up sessions invite only those who have not. Completion is kept per organization's
 * subtree ({@code study_counter}) and compared with the members counted by the registry.
 */
@Service
public class StudyManagement {

	public record Study(long id, long organizationId, String orgName, String title, String documentRef,
			@Nullable LocalDate dueOn) {
	}

	/** Members expected to study (official and probationary, active) and those who completed, in a subtree. */
	public record Progress(long organizationId, String name, long members, long completed) {

		public double rate() {
			return members == 0 ? 0 : Math.round(Math.min(completed, members) * 1000.0 / members) / 10.0;
		}
	}

	public record StudyProgress(Study study, Progress progress) {
	}

	/** Completion in the organization's subtree of the most recent studies that apply to it (statistics page). */
	public List<StudyProgress> recent(Scope scope, long orgId, int limit) {
		OrganizationSummary org = meetings.organization(scope, orgId);
		return applying(scope, orgId).stream().limit(limit)
			.map(s -> new StudyProgress(s, progress(scope, s.id(), org))).toList();
	}

	public record StudyView(Study study, OrganizationSummary at, Progress here, List<Progress> children,
			List<Meeting> sessions, List<MemberRow> notCompleted, boolean canWrite) {
	}

	private final JdbcClient jdbc;
	private final MeetingManagement meetings;
	private final MeetingRepository repo;
	private final MeetingRules rules;
	private final OrganizationManagement orgs;
	private final MemberManagement members;
	private final ApplicationEventPublisher events;

	StudyManagement(JdbcClient jdbc, MeetingManagement meetings, MeetingRepository repo, MeetingRules rules,
			OrganizationManagement orgs, MemberManagement members, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.repo = repo;
		this.rules = rules;
		this.orgs = orgs;
		this.members = members;
		this.events = events;
	}

	private static final String STUDY = "select id, organization_id, org_name, title, document_ref, due_on, org_path::text from meetings.study";

	private Study map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Study(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, LocalDate.class));
	}

	@Transactional
	public long create(Scope scope, long orgId, @Nullable String title, @Nullable String documentRef, @Nullable String dueOn) {
		OrganizationSummary org = orgs.get(scope, orgId);
		if (!scope.covers(Capability.WRITE_MEMBERS, org.path())) {
			throw new Denied("Bạn không được tổ chức học tập cho " + org.name() + ".");
		}
		List<Problem> problems = new ArrayList<>();
		String t = title == null ? "" : title.trim();
		String d = documentRef == null ? "" : documentRef.trim();
		if (t.length() < 3 || t.length() > 500) {
			problems.add(new Problem("Tên đợt học tập", t.isEmpty() ? "chưa nhập" : "phải dài từ 3 đến 500 ký tự"));
		}
		if (d.length() < 2 || d.length() > 200) {
			problems.add(new Problem("Văn bản (số, ký hiệu)", d.isEmpty() ? "chưa nhập" : "phải dài từ 2 đến 200 ký tự"));
		}
		LocalDate due = VnText.dateField(dueOn, "Hạn hoàn thành", problems, false);
		if (!org.active()) {
			problems.add(new Problem("Tổ chức", org.name() + " không còn hoạt động"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long id = jdbc.sql("""
				insert into meetings.study (organization_id, org_path, org_name, title, document_ref, due_on, created_by)
				values (:org, cast(:path as ltree), :name, :t, :d, :due, :by) returning id
				""").param("org", orgId).param("path", org.path()).param("name", org.name()).param("t", t).param("d", d)
			.param("due", due).param("by", scope.username()).query(Long.class).single();
		events.publishEvent(new Audited(scope.username(), "STUDY_CREATE", "study", String.valueOf(id), org.path(),
				"Tổ chức học tập " + d + " — " + t, null, Map.of("title", t, "document", d)));
		return id;
	}

	/** Studies that apply to the organization: organized by it or by a level above it. */
	public List<Study> applying(Scope scope, long orgId) {
		OrganizationSummary org = meetings.organization(scope, orgId);
		return jdbc.sql(STUDY + " where org_path @> cast(:path as ltree) order by created_at desc, id desc limit 100")
			.param("path", org.path()).query(this::map).list();
	}

	public StudyView view(Scope scope, long studyId, long orgId) {
		OrganizationSummary org = meetings.organization(scope, orgId);
		Study study = jdbc.sql(STUDY + " where id = :id and org_path @> cast(:path as ltree)").param("id", studyId)
			.param("path", org.path()).query(this::map).optional().orElseThrow(() -> new NotFound("study " + studyId));
		boolean canRead = scope.covers(Capability.READ_MEMBERS, org.path());
		Progress here = progress(scope, studyId, org);
		List<Progress> children = new ArrayList<>();
		if (canRead && !org.level().holdsMembers()) {
			for (OrganizationSummary c : orgs.childrenUncounted(scope, org)) {
				children.add(progress(scope, studyId, c));
			}
		}
		List<Meeting> sessions = repo.studySessions(studyId, org.path(), MeetingRepository.Who.of(scope));
		List<MemberRow> notCompleted = List.of();
		if (canRead && org.level().holdsMembers()) {
			Set<Long> done = repo.completed(studyId);
			notCompleted = members.roster(scope, orgId, false).stream()
				.filter(r -> !done.contains(r.id()) && (r.status().name().equals("OFFICIAL") || r.status().name().equals("PROBATIONARY")))
				.toList();
		}
		return new StudyView(study, org, here, children, sessions, notCompleted,
				scope.covers(Capability.WRITE_MEMBERS, org.path()) && org.active());
	}

	private Progress progress(Scope scope, long studyId, OrganizationSummary org) {
		long expected = 0;
		if (scope.covers(Capability.READ_MEMBERS, org.path()) || scope.isMemberOf(org.id())) {
			for (StatusCount c : orgs.counts(scope, org.id())) {
				if ("OFFICIAL".equals(c.status()) || "PROBATIONARY".equals(c.status())) {
					expected += c.count();
				}
			}
		}
		long done = jdbc.sql("select coalesce(max(completed), 0) from meetings.study_counter where study_id = :s and organization_id = :o")
			.param("s", studyId).param("o", org.id()).query(Long.class).single();
		return new Progress(org.id(), org.name(), expected, done);
	}

	/** A study session at the organization (the organizing level or one below it); a make-up invites only those who missed. */
	@Transactional
	public long scheduleSession(Scope scope, long studyId, long orgId, @Nullable String date, @Nullable String time,
			@Nullable String place, boolean makeup) {
		OrganizationSummary org = orgs.get(scope, orgId);
		if (!scope.covers(Capability.WRITE_MEMBERS, org.path())) {
			throw new Denied("Bạn không được tổ chức buổi học cho " + org.name() + ".");
		}
		Study study = jdbc.sql(STUDY + " where id = :id and org_path @> cast(:path as ltree)").param("id", studyId)
			.param("path", org.path()).query(this::map).optional().orElseThrow(() -> new NotFound("study " + studyId));
		if (!org.active()) {
			throw new InvalidInput("Tổ chức", org.name() + " không còn hoạt động: không thể tổ chức buổi học");
		}
		var p = MeetingManagement.parse(new MeetingInput("STUDY", date, time, place, false, study.title(),
				List.of("Quán triệt " + study.documentRef()), null), org, true);
		long id = repo.insert(orgId, org.path(), org.name(), MeetingKind.STUDY, p.date(), p.time(), p.place(), false,
				(makeup ? "Học bù: " : "") + study.title(), rules.publishBy(org.path(), p.date()), false, scope.username(), null,
				studyId, makeup);
		repo.replaceAgenda(id, p.agenda());
		events.publishEvent(new Audited(scope.username(), "STUDY_SESSION", "meeting", String.valueOf(id), org.path(),
				(makeup ? "Buổi học bù " : "Buổi học tập ") + study.documentRef() + " ngày " + VnText.date(p.date()), null, null));
		return id;
	}
}

package vn.dangvu.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dangvu.shared.Audited;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.InvalidInput.Problem;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/**
 * Review sessions (kiểm điểm tự phê bình và phê bình): meetings of kind REVIEW tied to the document reviewed
 * against. Each invited member submits a self-review on the configured form; the session records comments,
 * criticisms and a conclusion per member; remediation items come out of it and stay open, shown at every later
 * review of the cell, until a meeting records them closed. What a member wrote is seen by them and by those who
 * keep the cell's records, not by other members.
 */
@Service
public class ReviewManagement {

	public record Field(String code, String label) {
	}

	public record SelfReview(long memberId, String fullName, Map<String, String> answers, Instant submittedAt) {
	}

	public record Comment(long id, long memberId, String kind, @Nullable String speaker, String content, Instant at) {
	}

	public record Remediation(long id, long meetingId, LocalDate meetingDate, @Nullable Long memberId, String ownerName,
			String shortcoming, String measure, @Nullable LocalDate dueOn, String status, @Nullable String closedNote) {

		public boolean open() {
			return "OPEN".equals(status);
		}
	}

	/** What a review page shows: the form, the self-reviews the user may read, comments, remediation items. */
	public record Review(List<Field> form, @Nullable SelfReview mine, List<SelfReview> all, List<Comment> comments,
			List<Remediation> fromThisSession, List<Remediation> openFromBefore, List<Remediation> myOpen,
			boolean canWrite, boolean canSubmit) {
	}

	private final JdbcClient jdbc;
	private final MeetingManagement meetings;
	private final ApplicationEventPublisher events;

	ReviewManagement(JdbcClient jdbc, MeetingManagement meetings, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.events = events;
	}

	List<Field> form(String orgPath, LocalDate on) {
		String json = jdbc.sql("""
				select fields::text from meetings.review_form
				where effective_from <= :on and (org_path is null or org_path @> cast(:path as ltree))
				order by coalesce(nlevel(org_path), 0) desc, effective_from desc limit 1
				""").param("on", on).param("path", orgPath).query(String.class).single();
		return List.of(MeetingRepository.JSON.readValue(json, Field[].class));
	}

	public Review review(Scope scope, long meetingId) {
		Meeting m = meetings.get(scope, meetingId);
		if (m.kind() != MeetingKind.REVIEW) {
			throw new NotFound("review " + meetingId);
		}
		boolean canWrite = scope.covers(Capability.WRITE_MEMBERS, m.orgPath());
		Long self = scope.memberId();
		List<SelfReview> all = canWrite ? selfReviews(meetingId, null) : List.of();
		SelfReview mine = self == null ? null : selfReviews(meetingId, self).stream().findFirst().orElse(null);
		boolean invited = self != null && jdbc.sql("select exists (select 1 from meetings.attendance where meeting_id = :m and member_id = :s)")
			.param("m", meetingId).param("s", self).query(Boolean.class).single();
		List<Comment> comments = canWrite ? comments(meetingId, null) : self == null ? List.of() : comments(meetingId, self);
		List<Remediation> before = remediations("""
				where r.organization_id = :org and r.status = 'OPEN' and r.meeting_id <> :m and mm.meeting_date <= :date
				""", Map.of("org", m.organizationId(), "m", meetingId, "date", m.date()));
		return new Review(form(m.orgPath(), m.date()), mine, all, comments,
				remediations("where r.meeting_id = :m", Map.of("m", meetingId)),
				canWrite ? before : List.of(),
				self == null ? List.of() : remediations("where r.member_id = :s and r.status = 'OPEN'", Map.of("s", self)),
				canWrite, invited && !m.cancelled() && !locked(meetingId));
	}

	private boolean locked(long meetingId) {
		return jdbc.sql("select coalesce(bool_or(locked_at is not null), false) from meetings.minutes where meeting_id = :m")
			.param("m", meetingId).query(Boolean.class).single();
	}

	private List<SelfReview> selfReviews(long meetingId, @Nullable Long memberId) {
		return jdbc.sql("""
				select s.member_id, a.full_name, s.answers::text, s.submitted_at
				from meetings.self_review s join meetings.attendance a on a.meeting_id = s.meeting_id and a.member_id = s.member_id
				where s.meeting_id = :m and (cast(:member as bigint) is null or s.member_id = :member)
				order by a.given_name collate "vi-x-icu", a.full_name collate "vi-x-icu"
				""").param("m", meetingId).param("member", memberId).query((rs, i) -> new SelfReview(rs.getLong(1), rs.getString(2),
					answers(rs.getString(3)), rs.getTimestamp(4).toInstant())).list();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> answers(String json) {
		return MeetingRepository.JSON.readValue(json, LinkedHashMap.class);
	}

	private List<Comment> comments(long meetingId, @Nullable Long memberId) {
		return jdbc.sql("""
				select id, member_id, kind, speaker, content, recorded_at from meetings.review_comment
				where meeting_id = :m and (cast(:member as bigint) is null or member_id = :member) order by id
				""").param("m", meetingId).param("member", memberId).query((rs, i) -> new Comment(rs.getLong(1), rs.getLong(2),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
	}

	private List<Remediation> remediations(String where, Map<String, ?> params) {
		var spec = jdbc.sql("""
				select r.id, r.meeting_id, mm.meeting_date, r.member_id, r.owner_name, r.shortcoming, r.measure, r.due_on,
				       r.status, r.closed_note
				from meetings.remediation r join meetings.meeting mm on mm.id = r.meeting_id
				""" + where + " order by r.due_on nulls last, r.id");
		for (var e : params.entrySet()) {
			spec = spec.param(e.getKey(), e.getValue());
		}
		return spec.query((rs, i) -> new Remediation(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
				(Long) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
				rs.getString(9), rs.getString(10))).list();
	}

	/** A member submits (or replaces) their self-review. */
	@Transactional
	public void submit(Scope scope, long meetingId, Map<String, String> answers) {
		Meeting m = meetings.get(scope, meetingId);
		Review r = review(scope, meetingId);
		if (!r.canSubmit()) {
			throw new InvalidInput("Bản tự kiểm điểm", scope.memberId() == null ? "tài khoản chưa gắn với hồ sơ đảng viên"
					: "chỉ đảng viên được mời gửi được, trước khi biên bản khóa");
		}
		List<Problem> problems = new ArrayList<>();
		Map<String, String> clean = new LinkedHashMap<>();
		for (Field f : r.form()) {
			String v = answers.getOrDefault(f.code(), "").trim();
			if (v.length() > 5000) {
				problems.add(new Problem(f.label(), "dài quá 5000 ký tự"));
			}
			if (v.isEmpty() && ("shortcomings".equals(f.code()) || "remedies".equals(f.code()))) {
				problems.add(new Problem(f.label(), "chưa viết"));
			}
			clean.put(f.code(), v);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		jdbc.sql("""
				insert into meetings.self_review (meeting_id, member_id, answers) values (:m, :s, cast(:a as jsonb))
				on conflict (meeting_id, member_id) do update set answers = excluded.answers, submitted_at = now()
				""").param("m", meetingId).param("s", scope.memberId()).param("a", MeetingRepository.JSON.writeValueAsString(clean))
			.update();
		audit(scope, "SELF_REVIEW_SUBMIT", meetingId, m.orgPath(), "Nộp bản tự kiểm điểm", null);
	}

	/** The session records a comment, a criticism or its conclusion about one member. */
	@Transactional
	public void comment(Scope scope, long meetingId, @Nullable Long memberId, @Nullable String kind, @Nullable String speaker,
			@Nullable String content) {
		Meeting m = meetings.writable(scope, meetingId);
		requireReview(m);
		List<Problem> problems = new ArrayList<>();
		String name = invitedName(meetingId, memberId);
		if (name == null) {
			problems.add(new Problem("Đảng viên được góp ý", memberId == null ? "chưa chọn" : "không có trong danh sách của buổi kiểm điểm"));
		}
		if (!List.of("COMMENT", "CRITICISM", "CONCLUSION").contains(kind)) {
			problems.add(new Problem("Loại ý kiến", "chọn góp ý, phê bình hoặc kết luận"));
		}
		String text = content == null ? "" : content.trim();
		if (text.length() < 2 || text.length() > 5000) {
			problems.add(new Problem("Nội dung", text.isEmpty() ? "chưa nhập" : "phải dài từ 2 đến 5000 ký tự"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		jdbc.sql("""
				insert into meetings.review_comment (meeting_id, member_id, kind, speaker, content, recorded_by)
				values (:m, :member, :kind, :speaker, :content, :by)
				""").param("m", meetingId).param("member", memberId).param("kind", kind)
			.param("speaker", speaker == null || speaker.isBlank() ? null : speaker.trim()).param("content", text)
			.param("by", scope.username()).update();
		audit(scope, "REVIEW_COMMENT", meetingId, m.orgPath(), ("CONCLUSION".equals(kind) ? "Kết luận về " : "Ý kiến về ") + name,
				Map.of("kind", kind, "content", text));
	}

	/** A remediation item out of the session's conclusions: of one member, or of the collective (member null). */
	@Transactional
	public long addRemediation(Scope scope, long meetingId, @Nullable Long memberId, @Nullable String shortcoming,
			@Nullable String measure, @Nullable String dueOn) {
		Meeting m = meetings.writable(scope, meetingId);
		requireReview(m);
		List<Problem> problems = new ArrayList<>();
		String owner = memberId == null ? "Tập thể " + m.orgName() : invitedName(meetingId, memberId);
		if (owner == null) {
			problems.add(new Problem("Người chịu trách nhiệm", "không có trong danh sách của buổi kiểm điểm"));
		}
		String s = shortcoming == null ? "" : shortcoming.trim();
		String me = measure == null ? "" : measure.trim();
		if (s.length() < 2) {
			problems.add(new Problem("Hạn chế, khuyết điểm", "chưa nhập"));
		}
		if (me.length() < 2) {
			problems.add(new Problem("Biện pháp khắc phục", "chưa nhập"));
		}
		LocalDate due = VnText.dateField(dueOn, "Thời hạn", problems, false);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long id = jdbc.sql("""
				insert into meetings.remediation (organization_id, org_path, meeting_id, member_id, owner_name, shortcoming,
				       measure, due_on)
				values (:org, cast(:path as ltree), :m, :member, :owner, :s, :me, :due) returning id
				""").param("org", m.organizationId()).param("path", m.orgPath()).param("m", meetingId).param("member", memberId)
			.param("owner", owner).param("s", s).param("me", me).param("due", due).query(Long.class).single();
		audit(scope, "REMEDIATION_ADD", meetingId, m.orgPath(), "Việc khắc phục của " + owner + ": " + s,
				Map.of("shortcoming", s, "measure", me));
		return id;
	}

	/** Records at a meeting of the cell that a remediation item is done. */
	@Transactional
	public void close(Scope scope, long meetingId, long remediationId, @Nullable String note) {
		Meeting m = meetings.writable(scope, meetingId);
		var r = remediations("where r.id = :id and r.organization_id = :org", Map.of("id", remediationId, "org", m.organizationId()))
			.stream().findFirst().orElseThrow(() -> new NotFound("remediation " + remediationId));
		if (!r.open()) {
			throw new InvalidInput("Việc khắc phục", "đã đóng");
		}
		String n = note == null || note.isBlank() ? null : note.trim();
		if (n == null) {
			throw new InvalidInput("Kết quả khắc phục", "chưa nhập");
		}
		jdbc.sql("""
				update meetings.remediation set status = 'CLOSED', closed_at = now(), closed_note = :n, closed_in_meeting_id = :m
				where id = :id
				""").param("id", remediationId).param("n", n).param("m", meetingId).update();
		audit(scope, "REMEDIATION_CLOSE", meetingId, m.orgPath(), "Đã khắc phục: " + r.shortcoming(), Map.of("note", n));
	}

	private static void requireReview(Meeting m) {
		if (m.kind() != MeetingKind.REVIEW) {
			throw new InvalidInput("Cuộc họp", "không phải buổi kiểm điểm");
		}
		if (m.cancelled()) {
			throw new InvalidInput("Cuộc họp", "đã hủy");
		}
	}

	private @Nullable String invitedName(long meetingId, @Nullable Long memberId) {
		if (memberId == null) {
			return null;
		}
		return jdbc.sql("select full_name from meetings.attendance where meeting_id = :m and member_id = :s")
			.param("m", meetingId).param("s", memberId).query(String.class).optional().orElse(null);
	}

	private void audit(Scope scope, String action, long meetingId, String path, String summary, @Nullable Map<String, ?> after) {
		events.publishEvent(new Audited(scope.username(), action, "meeting", String.valueOf(meetingId), path, summary, null, after));
	}
}

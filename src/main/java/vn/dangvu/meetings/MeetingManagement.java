package vn.dangvu.meetings;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dangvu.organizations.Level;
import vn.dangvu.organizations.MemberManagement;
import vn.dangvu.organizations.MemberRow;
import vn.dangvu.organizations.MemberStatus;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.organizations.WorkingDays;
import vn.dangvu.organizations.OrganizationMoved;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.shared.Audited;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.Denied;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.InvalidInput.Problem;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/**
 * Use cases of cell meetings. Reads check the scope in SQL (see {@link MeetingRepository}); changes need
 * {@link Capability#WRITE_MEMBERS} over the cell (its secretary, deputy, or committee staff above it), except a
 * member's own excuse and an assigned committee member's own visit report. Refused input changes nothing.
 */
@Service
public class MeetingManagement {

	/** How far ahead schedule rules create meetings. */
	static final int MONTHS_AHEAD = 3;

	private final MeetingRepository repo;
	private final MeetingRules rules;
	private final WorkingDays workingDays;
	private final OrganizationManagement orgs;
	private final MemberManagement members;
	private final ApplicationEventPublisher events;

	MeetingManagement(MeetingRepository repo, MeetingRules rules, OrganizationManagement orgs, MemberManagement members,
			WorkingDays workingDays, ApplicationEventPublisher events) {
		this.repo = repo;
		this.workingDays = workingDays;
		this.rules = rules;
		this.orgs = orgs;
		this.members = members;
		this.events = events;
	}

	// ------------------------------------------------------------------ reading

	/** The meeting, if the user may see it (404 otherwise, guessed ids included). */
	public Meeting get(Scope scope, long id) {
		return repo.find(id, MeetingRepository.Who.of(scope)).orElseThrow(() -> new NotFound("meeting " + id));
	}

	public MeetingDetails details(Scope scope, long id) {
		Meeting m = get(scope, id);
		boolean canWrite = scope.covers(Capability.WRITE_MEMBERS, m.orgPath());
		var parts = repo.pageParts(id, m.organizationId(), m.date(), m.held() || m.open());
		List<Attendee> attendees = parts.attendees();
		Attendee self = scope.memberId() == null ? null
				: attendees.stream().filter(a -> scope.isSelf(a.memberId())).findFirst().orElse(null);
		Assignment mine = scope.memberId() == null ? null
				: repo.assignmentsOfCell(m.organizationId(), m.date().getYear()).stream()
					.filter(a -> a.memberId() == scope.memberId()).findFirst().orElse(null);
		List<Minutes> revisions = parts.revisions();
		MeetingRules.Rubric rubric = rules.rubric(m.kind(), m.orgPath(), m.date());
		String warning = null;
		if (canWrite && "PLANNED".equals(m.status()) && m.publishBy() != null) {
			LocalDate today = VnText.today();
			warning = !today.isBefore(m.publishBy()) ? "Đã đến hạn công bố nội dung (" + VnText.date(m.publishBy())
					+ "): hãy nhập chủ đề, chương trình và thông báo cho đảng viên."
					: "Hạn công bố nội dung: " + VnText.date(m.publishBy()) + ".";
		}
		return new MeetingDetails(m, parts.agenda(), parts.materials(), attendees, parts.guests(),
				revisions.isEmpty() ? null : revisions.get(revisions.size() - 1), revisions, parts.tasks(), parts.followUps(),
				parts.visits(),
				rubric.criteria().stream().map(c -> new MeetingDetails.Criterion(c.code(), c.label(), c.max())).toList(),
				rubric.reference(), canWrite, self, mine, warning);
	}

	/** The organization, if the user may see its meetings: readers of its members, its own members, assigned followers. */
	public OrganizationSummary organization(Scope scope, long orgId) {
		OrganizationSummary org = null;
		try {
			org = orgs.get(scope, orgId);
			if (scope.covers(Capability.READ_MEMBERS, org.path()) || scope.isMemberOf(org.id())) {
				return org;
			}
		}
		catch (NotFound e) {
			// not within the user's grants: only an assignment to follow the cell lets them see its meetings
		}
		if (assigned(scope, orgId)) {
			return org != null ? org : orgs.find(orgId).orElseThrow(() -> new NotFound("organization " + orgId));
		}
		throw new NotFound("organization " + orgId);
	}

	/** A cell's meetings page: the organization read once, then its year of meetings and what needs attention. */
	public record CellMeetings(OrganizationSummary org, int year, List<Meeting> meetings, @Nullable Schedule schedule,
			List<Meeting> overdue, List<AbsencePrompt> prompts, List<MeetingTask> openTasks, boolean canRead,
			boolean canWrite) {
	}

	public CellMeetings cellPage(Scope scope, long orgId, int year) {
		OrganizationSummary org = organization(scope, orgId);
		var who = MeetingRepository.Who.of(scope);
		boolean canRead = scope.covers(Capability.READ_MEMBERS, org.path());
		boolean canWrite = scope.covers(Capability.WRITE_MEMBERS, org.path());
		LocalDate today = VnText.today();
		var parts = repo.cellParts(orgId, year, who, canRead ? today.plusDays(1) : null);
		List<Meeting> list = parts.meetings();
		List<Meeting> overdue = List.of();
		if (canWrite && year == today.getYear() && today.getMonthValue() < 12) {
			// every meeting to announce now lies in this year's list (next January's are due on 31/12 at the earliest)
			overdue = list.stream().filter(m -> "PLANNED".equals(m.status()) && m.publishBy() != null
					&& !m.publishBy().isAfter(today) && !m.date().isBefore(today))
				.sorted(java.util.Comparator.comparing(Meeting::date)).toList();
		}
		else if (canWrite) {
			overdue = repo.overdueAnnouncements(orgId, today, who);
		}
		List<AbsencePrompt> prompts = List.of();
		if (canRead) {
			int months = rules.integer("removal.unexcused_months", org.path(), LocalDate.of(year, 12, 31), 3);
			// the list holds all the cell's meetings of the year (a reader sees them all): without unexcused absences
			// in that many months there is nobody to prompt, and the rows need not be read
			if (list.stream().filter(m -> m.held() && m.unexcused() > 0).map(m -> m.date().getMonthValue()).distinct()
				.count() >= months) {
				prompts = repo.unexcusedAbsences(orgId, year, months);
			}
		}
		return new CellMeetings(org, year, list, parts.schedule().orElse(null), overdue, prompts, parts.openTasks(), canRead,
				canWrite);
	}

	/** The user is a committee member assigned to follow this cell (the same rule as the meetings' SQL). */
	private boolean assigned(Scope scope, long cellId) {
		return scope.memberId() != null && repo.isAssigned(scope.memberId(), cellId);
	}

	private boolean mayRead(Scope scope, OrganizationSummary org) {
		return scope.covers(Capability.READ_MEMBERS, org.path()) || scope.isMemberOf(org.id()) || assigned(scope, org.id());
	}

	/** A cell's meetings in a year, newest first. */
	public List<Meeting> list(Scope scope, long orgId, int year) {
		organization(scope, orgId);
		return repo.list(orgId, year, MeetingRepository.Who.of(scope));
	}

	/** Members to bring to the cell's attention for the removal procedure; for those who may read members only. */
	public List<AbsencePrompt> absencePrompts(Scope scope, long orgId, int year) {
		OrganizationSummary org = organization(scope, orgId);
		if (!scope.covers(Capability.READ_MEMBERS, org.path())) {
			return List.of();
		}
		return repo.unexcusedAbsences(orgId, year, rules.integer("removal.unexcused_months", org.path(),
				LocalDate.of(year, 12, 31), 3));
	}

	public MyMeetings mine(Scope scope) {
		LocalDate today = VnText.today();
		var who = MeetingRepository.Who.of(scope);
		List<Meeting> upcoming = scope.memberOrganizationId() == null ? List.of()
				: repo.upcoming(List.of(scope.memberOrganizationId()), today, 3, who);
		if (scope.memberId() == null) {
			return new MyMeetings(upcoming, List.of(), List.of(), List.of(), List.of());
		}
		List<Assignment> assignments = repo.assignmentsOfMember(scope.memberId(), today.getYear());
		return new MyMeetings(upcoming, repo.history(scope.memberId(), 24), repo.tasksOfMember(scope.memberId()),
				assignments, repo.upcoming(assignments.stream().map(Assignment::cellId).distinct().toList(), today, 20, who));
	}

	/**
	 * The year's evidence about a member, read by whoever may read the member's cell (or the member themself):
	 * attendance at held meetings, tasks, studies completed, open shortcomings from review sessions.
	 */
	public MemberEvidence evidence(Scope scope, long memberId, int year) {
		return repo.evidence(memberId, year, MeetingRepository.Who.of(scope));
	}

	/** How many shortcomings pointed out at review sessions the member still has open (self, or within the read scope). */
	public int openShortcomings(Scope scope, long memberId) {
		return repo.openShortcomings(memberId, MeetingRepository.Who.of(scope));
	}

	/** A material's file, if the user may see its meeting: {@code meta} gets name and type, then {@code out} the bytes. */
	public void material(Scope scope, long materialId, java.util.function.Consumer<byte[]> out,
			java.util.function.BiConsumer<String, String> meta) {
		var file = repo.material(materialId).orElseThrow(() -> new NotFound("material " + materialId));
		get(scope, file.meetingId());
		meta.accept(file.fileName(), file.contentType());
		out.accept(file.bytes());
	}

	// ------------------------------------------------------------------ schedules

	/** Saves the cell's schedule rule and creates its meetings for the coming months; returns how many were created. */
	@Transactional
	public int saveSchedule(Scope scope, long orgId, @Nullable String day, @Nullable String time, @Nullable String place,
			@Nullable String thematicDay, @Nullable String thematicMonth) {
		OrganizationSummary org = writableCell(scope, orgId);
		List<Problem> problems = new ArrayList<>();
		Integer d = intIn(day, 1, 28, "Ngày họp hằng tháng", "là một số từ 1 đến 28", problems, true);
		LocalTime t = time(time, "Giờ họp", problems);
		String p = text(place, "Địa điểm", 2, 300, problems, true);
		Integer td = intIn(thematicDay, 1, 28, "Ngày sinh hoạt chuyên đề", "là một số từ 1 đến 28", problems, false);
		Integer tm = intIn(thematicMonth, 1, 3, "Tháng sinh hoạt chuyên đề trong quý", "là 1, 2 hoặc 3", problems, false);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Schedule s = new Schedule(orgId, d, t, p, td, tm == null ? 3 : tm);
		Schedule before = repo.schedule(orgId).orElse(null);
		repo.saveSchedule(s, org.path(), scope.username());
		LocalDate today = VnText.today();
		repo.dropUnannouncedGenerated(orgId, today);
		int n = generate(s, org.path(), org.name(), today);
		audit(scope, "SCHEDULE_SAVE", "organization", orgId, org.path(), "Lịch sinh hoạt của " + org.name(),
				before == null ? null : Map.of("schedule", before.toString()), Map.of("schedule", s.toString()));
		return n;
	}

	/** The result of one batch of {@link #generateBatch}: meetings created, and the last organization done (or -1). */
	record Batch(int created, long last) {
	}

	/**
	 * Creates the coming months' meetings of the next {@code limit} schedules after organization {@code after}
	 * (idempotent: generated meetings are unique per cell, kind and date). Run batch after batch, each in its own
	 * transaction, so that the nightly run over the whole country holds no long transaction.
	 */
	@Transactional
	Batch generateBatch(LocalDate today, long after, int limit) {
		List<MeetingRepository.ScheduleRow> rows = repo.schedules(after, limit);
		if (rows.isEmpty()) {
			return new Batch(0, -1);
		}
		Map<Long, OrganizationSummary> byId = orgs.findAll(rows.stream().map(r -> r.schedule().organizationId()).toList());
		int n = 0;
		for (var row : rows) {
			OrganizationSummary org = byId.get(row.schedule().organizationId());
			if (org != null && org.active()) {
				n += generate(row.schedule(), row.path(), org.name(), today);
			}
		}
		return new Batch(n, rows.get(rows.size() - 1).schedule().organizationId());
	}

	int generate(Schedule s, String path, String orgName, LocalDate today) {
		YearMonth first = YearMonth.from(today);
		int n = 0;
		for (int i = 0; i < MONTHS_AHEAD; i++) {
			YearMonth ym = first.plusMonths(i);
			LocalDate regular = workingDays.onOrAfter(ym.atDay(s.dayOfMonth()));
			if (!regular.isBefore(today)) {
				n += repo.insert(s.organizationId(), path, orgName, MeetingKind.REGULAR, regular, s.startTime(), s.place(),
						false, null, rules.publishBy(path, regular), true, "lịch tự động") > 0 ? 1 : 0;
			}
			if (s.thematicDay() != null && (ym.getMonthValue() - 1) % 3 + 1 == s.thematicMonth()) {
				LocalDate thematic = workingDays.onOrAfter(ym.atDay(s.thematicDay()));
				if (!thematic.isBefore(today)) {
					n += repo.insert(s.organizationId(), path, orgName, MeetingKind.THEMATIC, thematic, s.startTime(),
							s.place(), false, null, rules.publishBy(path, thematic), true, "lịch tự động") > 0 ? 1 : 0;
				}
			}
		}
		return n;
	}

	// ------------------------------------------------------------------ meetings

	@Transactional
	public long create(Scope scope, long orgId, MeetingInput input) {
		OrganizationSummary org = orgs.get(scope, orgId);
		if (!scope.covers(Capability.WRITE_MEMBERS, org.path())) {
			throw deniedOrHidden(scope, org);
		}
		Parsed p = parse(input, org);
		requireActive(org, p.date());
		long id = repo.insert(orgId, org.path(), org.name(), p.kind(), p.date(), p.time(), p.place(), input.online(),
				p.topic(), rules.publishBy(org.path(), p.date()), false, scope.username(), p.campaign(), null, false);
		repo.replaceAgenda(id, p.agenda());
		audit(scope, "MEETING_CREATE", "meeting", id, org.path(), p.kind().vi() + " ngày " + VnText.date(p.date()) + " — "
				+ org.name(), null, Map.of("kind", p.kind().name(), "date", VnText.date(p.date()), "topic",
						String.valueOf(p.topic())));
		return id;
	}

	@Transactional
	public void update(Scope scope, long id, int version, MeetingInput input) {
		Meeting m = writable(scope, id);
		if (!m.open()) {
			throw new InvalidInput("Cuộc họp", "đã " + (m.held() ? "họp" : "hủy") + ", không sửa được thông tin (sửa biên bản nếu cần)");
		}
		OrganizationSummary org = orgs.get(scope, m.organizationId());
		Parsed p = parse(input, org);
		requireActive(org, p.date());
		if (m.kind() == MeetingKind.STUDY && p.kind() != MeetingKind.STUDY || m.kind() != MeetingKind.STUDY && p.kind() == MeetingKind.STUDY) {
			throw new InvalidInput("Loại cuộc họp", "buổi học tập nghị quyết không đổi sang loại khác được (và ngược lại)");
		}
		if (repo.update(id, version, p.date(), p.time(), p.place(), input.online(), p.topic(), p.kind(), p.campaign()) == 0) {
			throw new InvalidInput("Cuộc họp", "vừa được người khác sửa; hãy tải lại trang rồi sửa lại");
		}
		List<String> before = repo.agenda(id);
		repo.replaceAgenda(id, p.agenda());
		if ("PUBLISHED".equals(m.status())) {
			repo.setStatus(id, "PUBLISHED", null);
		}
		audit(scope, "MEETING_UPDATE", "meeting", id, m.orgPath(), "Sửa cuộc họp ngày " + VnText.date(m.date()),
				Map.of("date", VnText.date(m.date()), "topic", String.valueOf(m.topic()), "agenda", before),
				Map.of("date", VnText.date(p.date()), "topic", String.valueOf(p.topic()), "agenda", p.agenda()));
	}

	/** Announces topic and agenda and invites the roster (and the assigned committee members as guests). */
	@Transactional
	public int publish(Scope scope, long id) {
		Meeting m = writable(scope, id);
		if (!"PLANNED".equals(m.status())) {
			throw new InvalidInput("Thông báo", "cuộc họp đã " + Meeting.statusVi(m.status()).toLowerCase());
		}
		List<Problem> problems = new ArrayList<>();
		if (m.topic() == null || m.topic().isBlank()) {
			problems.add(new Problem("Chủ đề", "chưa nhập: cần có chủ đề trước khi thông báo"));
		}
		if (repo.agenda(id).isEmpty()) {
			problems.add(new Problem("Chương trình", "chưa có nội dung nào"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		OrganizationSummary org = orgs.get(scope, m.organizationId());
		requireActive(org, m.date());
		int n = invite(scope, m);
		repo.setStatus(id, "PUBLISHED", null);
		audit(scope, "MEETING_PUBLISH", "meeting", id, m.orgPath(), "Thông báo cuộc họp ngày " + VnText.date(m.date())
				+ " tới " + n + " đảng viên", null, null);
		return n;
	}

	int invite(Scope scope, Meeting m) {
		OrganizationSummary org = orgs.find(m.organizationId()).orElseThrow();
		boolean subtree = m.kind() == MeetingKind.PLENARY || m.kind() == MeetingKind.STUDY && !org.level().holdsMembers();
		List<MemberRow> roster = members.roster(scope, m.organizationId(), subtree);
		if (m.makeup() && m.studyId() != null) {
			Set<Long> done = repo.completed(m.studyId());
			roster = roster.stream().filter(r -> !done.contains(r.id())).toList();
		}
		Map<Long, String> paths = orgs.pathsOf(roster.stream().map(MemberRow::organizationId).distinct().toList());
		for (MemberRow r : roster) {
			String standing = r.status() == MemberStatus.EXEMPT || r.status() == MemberStatus.ON_LEAVE ? "EXEMPT"
					: r.temporary() ? "TEMPORARY" : r.status() == MemberStatus.PROBATIONARY ? "PROBATIONARY" : "OFFICIAL";
			repo.invite(m.id(), r.id(), r.fullName(), standing, paths.get(r.organizationId()));
		}
		for (Assignment a : repo.assignmentsOfCell(m.organizationId(), m.date().getYear())) {
			repo.addGuest(m.id(), a.memberName(), "Cấp ủy viên cấp trên được phân công theo dõi", a.id());
		}
		return roster.size();
	}

	@Transactional
	public void cancel(Scope scope, long id, @Nullable String reason) {
		Meeting m = writable(scope, id);
		if (!m.open()) {
			throw new InvalidInput("Hủy cuộc họp", "cuộc họp đã " + Meeting.statusVi(m.status()).toLowerCase());
		}
		String r = text(reason, "Lý do hủy", 3, 500, null, true);
		repo.setStatus(id, "CANCELLED", r);
		audit(scope, "MEETING_CANCEL", "meeting", id, m.orgPath(), "Hủy cuộc họp ngày " + VnText.date(m.date()),
				Map.of("status", m.status()), Map.of("status", "CANCELLED", "reason", r));
	}

	/** A material of agenda item {@code position} (1-based), or of the whole meeting when null. */
	@Transactional
	public long addMaterial(Scope scope, long id, @Nullable Integer position, String fileName, String contentType, byte[] bytes) {
		Meeting m = writable(scope, id);
		if (position != null && (position < 1 || position > repo.agenda(id).size())) {
			throw new InvalidInput("Thuộc nội dung", "chương trình không có mục số " + position);
		}
		if (bytes.length == 0) {
			throw new InvalidInput("Tài liệu", "tệp rỗng");
		}
		if (bytes.length > 10 * 1024 * 1024) {
			throw new InvalidInput("Tài liệu", "tệp lớn hơn 10 MB");
		}
		String name = fileName.isBlank() ? "tai-lieu" : fileName.replaceAll("[\\\\/\\r\\n\"]", "_");
		long mid = repo.addMaterial(id, position, name, contentType.isBlank() ? "application/octet-stream" : contentType, bytes,
				scope.username());
		audit(scope, "MEETING_MATERIAL", "meeting", id, m.orgPath(), "Thêm tài liệu “" + name + "”", null, null);
		return mid;
	}

	@Transactional
	public void addGuest(Scope scope, long id, @Nullable String name, @Nullable String role) {
		Meeting m = writable(scope, id);
		String n = text(name, "Tên khách mời", 2, 200, null, true);
		repo.addGuest(id, n, role == null || role.isBlank() ? null : role.trim(), null);
		audit(scope, "MEETING_GUEST", "meeting", id, m.orgPath(), "Thêm khách mời " + n, null, null);
	}

	/** A member sends an excuse in advance (or withdraws it with a blank reason). */
	@Transactional
	public void excuse(Scope scope, long id, @Nullable String reason) {
		Meeting m = get(scope, id);
		Attendee self = scope.memberId() == null ? null : repo.attendee(id, scope.memberId()).orElse(null);
		if (self == null) {
			throw new InvalidInput("Xin vắng", "bạn không có trong danh sách mời của cuộc họp này");
		}
		if (!m.open() || m.date().isBefore(VnText.today())) {
			throw new InvalidInput("Xin vắng", "chỉ gửi được trước cuộc họp");
		}
		if (self.exempt()) {
			throw new InvalidInput("Xin vắng", "bạn đang được miễn sinh hoạt, không cần xin vắng");
		}
		String r = reason == null || reason.isBlank() ? null : text(reason, "Lý do vắng", 3, 500, null, true);
		repo.excuse(id, scope.memberId(), r);
		audit(scope, "MEETING_EXCUSE", "meeting", id, m.orgPath(), r == null ? "Rút đơn xin vắng" : "Xin vắng: " + r,
				null, null);
	}

	/**
	 * Records attendance: a status for every invited member (PRESENT, EXCUSED, UNEXCUSED; EXEMPT for exempted
	 * members). Computes quorum and the HD 12 criteria, marks the meeting held. Changes after the first day are
	 * written to the audit trail with before and after.
	 */
	@Transactional
	public void recordAttendance(Scope scope, long id, Map<Long, String> statuses, Map<Long, String> reasons) {
		var who = MeetingRepository.Who.of(scope);
		// the meeting, its invited members and the minutes' lock in one round trip
		var recording = repo.forRecording(id, who).orElseThrow(() -> notWritable(id, who));
		Meeting m = recording.meeting();
		if (m.cancelled()) {
			throw new InvalidInput("Điểm danh", "cuộc họp đã hủy");
		}
		if (m.date().isAfter(VnText.today())) {
			throw new InvalidInput("Điểm danh", "chưa đến ngày họp (" + VnText.date(m.date()) + ")");
		}
		if (!m.held()) {
			requireActive(orgs.get(scope, m.organizationId()), m.date());
		}
		List<Attendee> invitedRows = recording.invited();
		if ("PLANNED".equals(m.status())) {
			invite(scope, m);
			invitedRows = repo.attendees(id, false);
		}
		boolean dayOld = m.recordedAt() != null
				&& m.recordedAt().isBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
		Map<Long, Attendee> invited = invitedRows.stream().collect(Collectors.toMap(Attendee::memberId, a -> a));
		List<Problem> problems = new ArrayList<>();
		Map<Long, String> clean = new LinkedHashMap<>();
		Map<Long, String> cleanReasons = new HashMap<>();
		for (var e : statuses.entrySet()) {
			Attendee a = invited.get(e.getKey());
			if (a == null) {
				problems.add(new Problem("Điểm danh", "đảng viên mã " + e.getKey() + " không có trong danh sách mời của cuộc họp"));
				continue;
			}
			String s = e.getValue() == null ? "" : e.getValue().trim();
			if (!Set.of("PRESENT", "EXCUSED", "UNEXCUSED", "EXEMPT").contains(s)) {
				problems.add(new Problem(a.fullName(), "chưa chọn có mặt hay vắng"));
				continue;
			}
			if ("EXEMPT".equals(s) && !a.exempt()) {
				problems.add(new Problem(a.fullName(), "không thuộc diện miễn sinh hoạt"));
				continue;
			}
			clean.put(a.memberId(), s);
			String r = reasons.get(a.memberId());
			if (r != null && !r.isBlank()) {
				if (r.length() > 500) {
					problems.add(new Problem(a.fullName() + " — lý do", "dài quá 500 ký tự"));
				}
				cleanReasons.put(a.memberId(), r.trim());
			}
			else if ("EXCUSED".equals(s) && a.reason() != null) {
				cleanReasons.put(a.memberId(), a.reason());
			}
		}
		for (Attendee a : invited.values()) {
			if (!clean.containsKey(a.memberId()) && a.status() == null && problems.stream().noneMatch(p -> p.field().equals(a.fullName()))) {
				problems.add(new Problem(a.fullName(), "chưa điểm danh"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		// within a day of the first recording a change is late only once the minutes are locked
		boolean late = m.recordedAt() != null && (dayOld || recording.minutesLocked());
		Map<String, Object> before = new LinkedHashMap<>();
		Map<String, Object> after = new LinkedHashMap<>();
		if (late) {
			for (var e : clean.entrySet()) {
				Attendee a = invited.get(e.getKey());
				if (!e.getValue().equals(a.status())) {
					before.put(a.fullName(), Attendee.statusVi(a.status()));
					after.put(a.fullName(), Attendee.statusVi(e.getValue()));
				}
			}
		}
		recordAndRecount(scope, m, invited.values(), clean, cleanReasons);
		if (m.studyId() != null) {
			repo.syncStudyCompletions(id);
		}
		if (late && !after.isEmpty()) {
			audit(scope, "ATTENDANCE_LATE_CHANGE", "meeting", id, m.orgPath(), "Sửa điểm danh muộn, cuộc họp ngày "
					+ VnText.date(m.date()), before, after);
		}
	}

	/**
	 * Writes the statuses, then one update of the meeting (so its counters change once): counts, quorum and the three
	 * HD 12 criteria, from the rows read under the meeting's lock and the statuses just written. One round trip (the
	 * statuses, then the meeting with the check of excused runs); the rules come from memory. With the read of the
	 * meeting, its members and its minutes' lock, a recording is three round trips, the commit included.
	 */
	private void recordAndRecount(Scope scope, Meeting m, Collection<Attendee> invited, Map<Long, String> recorded,
			Map<Long, String> reasons) {
		int expected = 0, present = 0, excused = 0, unexcused = 0, exempt = 0;
		List<Long> excusedNow = new ArrayList<>();
		for (Attendee a : invited) {
			String s = recorded.getOrDefault(a.memberId(), a.status());
			if ("EXCUSED".equals(s)) {
				excusedNow.add(a.memberId());
			}
			if (a.exempt()) {
				exempt++;
				continue;
			}
			expected++;
			if (s != null) {
				switch (s) {
					case "PRESENT" -> present++;
					case "EXCUSED" -> excused++;
					case "UNEXCUSED" -> unexcused++;
					default -> { }
				}
			}
		}
		// the run of excused absences can only break the criterion through someone excused at this meeting
		repo.recordAndRecount(m.id(), recorded, reasons, scope.username(), m.organizationId(), m.date(), excusedNow,
				rules.integer("quality.excused.max_consecutive", m.orgPath(), m.date(), 3),
				new MeetingRepository.Counts(expected, present, excused, unexcused, exempt),
				rules.integer("quorum.percent", m.orgPath(), m.date(), 50),
				rules.integer("quality.attendance.percent", m.orgPath(), m.date(), 85));
	}

	// ------------------------------------------------------------------ minutes

	@Transactional
	public void saveMinutes(Scope scope, long id, MinutesInput input) {
		Meeting m = writable(scope, id);
		if (!m.held()) {
			throw new InvalidInput("Biên bản", "cần điểm danh trước khi lập biên bản");
		}
		Minutes current = repo.minutes(id, null).orElse(null);
		if (current != null && current.locked()) {
			throw new InvalidInput("Biên bản", "đã được ký và khóa; muốn sửa, hãy lập bản sửa đổi có ghi lý do");
		}
		if (current != null && (current.chairSignedAt() != null || current.secretarySignedAt() != null)) {
			throw new InvalidInput("Biên bản", "đã có chữ ký; không sửa được nữa. Hãy ký nốt rồi lập bản sửa đổi nếu cần");
		}
		Minutes.Content content = check(m, input);
		if (current == null) {
			repo.insertMinutes(id, 1, content, null, scope.username());
		}
		else {
			repo.updateMinutes(id, current.revision(), content);
		}
		repo.replaceOpenTasks(id, m.organizationId(), m.orgPath(), content.tasks());
		repo.setQuality(id, content.qualityScore(), content.qualityBand());
		audit(scope, "MINUTES_SAVE", "meeting", id, m.orgPath(), "Biên bản cuộc họp ngày " + VnText.date(m.date()),
				current == null ? null : Map.of("content", current.content()), Map.of("content", content));
	}

	/** Signs the current revision as chair or secretary; the second signature locks it. */
	@Transactional
	public void sign(Scope scope, long id, String as) {
		Meeting m = get(scope, id);
		Minutes current = repo.minutes(id, null).orElseThrow(() -> new InvalidInput("Biên bản", "chưa lập biên bản"));
		boolean chair = "chair".equals(as);
		if (!chair && !"secretary".equals(as)) {
			throw new InvalidInput("Ký biên bản", "chỉ chủ trì hoặc thư ký ký biên bản");
		}
		Long signer = chair ? current.content().chairId() : current.content().secretaryId();
		boolean self = signer != null && scope.isSelf(signer);
		if (!self && !scope.covers(Capability.WRITE_MEMBERS, m.orgPath())) {
			throw new Denied("Chỉ " + (chair ? "người chủ trì" : "thư ký") + " hoặc bí thư, phó bí thư chi bộ ghi chữ ký.");
		}
		java.time.Instant signedAt = chair ? current.chairSignedAt() : current.secretarySignedAt();
		if (signedAt != null) {
			throw new InvalidInput("Ký biên bản", (chair ? "chủ trì" : "thư ký") + " đã ký lúc " + VnText.DATE_TIME.format(
					signedAt.atZone(VnText.ZONE)) + "; không ký lần hai");
		}
		repo.sign(id, current.revision(), chair, scope.username());
		audit(scope, "MINUTES_SIGN", "meeting", id, m.orgPath(), (chair ? "Chủ trì" : "Thư ký") + " ký biên bản (bản "
				+ current.revision() + ") cuộc họp ngày " + VnText.date(m.date()), null, null);
	}

	/** A correction of locked minutes: a new revision with its reason; the locked one stays as it was. */
	@Transactional
	public void amend(Scope scope, long id, MinutesInput input, @Nullable String reason) {
		Meeting m = writable(scope, id);
		Minutes current = repo.minutes(id, null).orElseThrow(() -> new InvalidInput("Biên bản", "chưa lập biên bản"));
		if (!current.locked()) {
			throw new InvalidInput("Bản sửa đổi", "biên bản chưa khóa: sửa trực tiếp, không cần bản sửa đổi");
		}
		List<Problem> problems = new ArrayList<>();
		String r = text(reason, "Lý do sửa đổi", 5, 1000, problems, true);
		Minutes.Content content;
		try {
			content = check(m, input);
		}
		catch (InvalidInput e) {
			problems.addAll(e.problems());
			throw new InvalidInput(problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		repo.insertMinutes(id, current.revision() + 1, content, r, scope.username());
		repo.replaceOpenTasks(id, m.organizationId(), m.orgPath(), content.tasks());
		repo.setQuality(id, content.qualityScore(), content.qualityBand());
		audit(scope, "MINUTES_AMEND", "meeting", id, m.orgPath(), "Sửa đổi biên bản (bản " + (current.revision() + 1)
				+ "): " + r, Map.of("content", current.content()), Map.of("content", content));
	}

	public @Nullable Minutes minutes(Scope scope, long id, @Nullable Integer revision) {
		get(scope, id);
		return repo.minutes(id, revision).orElse(null);
	}

	private Minutes.Content check(Meeting m, MinutesInput in) {
		List<Problem> problems = new ArrayList<>();
		Map<Long, Attendee> present = repo.attendees(m.id()).stream().filter(a -> "PRESENT".equals(a.status()))
			.collect(Collectors.toMap(Attendee::memberId, a -> a));
		Map<Long, Attendee> invited = repo.attendees(m.id()).stream().collect(Collectors.toMap(Attendee::memberId, a -> a));
		Attendee chair = in.chairId() == null ? null : present.get(in.chairId());
		Attendee secretary = in.secretaryId() == null ? null : present.get(in.secretaryId());
		if (chair == null) {
			problems.add(new Problem("Chủ trì", in.chairId() == null ? "chưa chọn" : "phải là đảng viên có mặt"));
		}
		if (secretary == null) {
			problems.add(new Problem("Thư ký", in.secretaryId() == null ? "chưa chọn" : "phải là đảng viên có mặt"));
		}
		String report = text(in.reportSummary(), "Tóm tắt báo cáo", 5, 20000, problems, true);
		String conclusions = text(in.conclusions(), "Kết luận / nghị quyết", 5, 20000, problems, true);
		List<Minutes.Speech> speeches = new ArrayList<>();
		for (int i = 0; i < in.discussion().size(); i++) {
			var s = in.discussion().get(i);
			boolean noSpeaker = s.speaker() == null || s.speaker().isBlank();
			boolean noContent = s.content() == null || s.content().isBlank();
			if (noSpeaker && noContent) {
				continue;
			}
			if (noSpeaker || noContent) {
				problems.add(new Problem("Ý kiến thảo luận " + (i + 1), noSpeaker ? "chưa ghi người phát biểu" : "chưa ghi nội dung"));
				continue;
			}
			speeches.add(new Minutes.Speech(s.speaker().trim(), s.content().trim()));
		}
		List<Minutes.Vote> votes = new ArrayList<>();
		for (int i = 0; i < in.votes().size(); i++) {
			var v = in.votes().get(i);
			if (v.blank()) {
				continue;
			}
			String label = "Biểu quyết " + (i + 1);
			String item = v.item() == null || v.item().isBlank() ? null : v.item().trim();
			if (item == null) {
				problems.add(new Problem(label, "chưa ghi nội dung biểu quyết"));
			}
			String method = "SECRET_BALLOT".equals(v.method()) ? "SECRET_BALLOT" : "SHOW_OF_HANDS";
			Integer yes = count(v.inFavour(), label + " — tán thành", problems);
			Integer no = count(v.against(), label + " — không tán thành", problems);
			Integer abst = count(v.abstain(), label + " — không biểu quyết", problems);
			if (item != null && yes != null && no != null && abst != null) {
				int total = yes + no + abst;
				if (total > m.present()) {
					problems.add(new Problem(label + " (" + item + ")", "tổng số phiếu " + total + " vượt số đảng viên có mặt ("
							+ m.present() + ")"));
				}
				else {
					votes.add(new Minutes.Vote(item, method, yes, no, abst));
				}
			}
		}
		List<Minutes.TaskLine> tasks = new ArrayList<>();
		for (int i = 0; i < in.tasks().size(); i++) {
			var t = in.tasks().get(i);
			if (t.blank()) {
				continue;
			}
			String label = "Nhiệm vụ " + (i + 1);
			Attendee who = t.memberId() == null ? null : invited.get(t.memberId());
			if (who == null) {
				problems.add(new Problem(label, t.memberId() == null ? "chưa chọn người thực hiện" : "người thực hiện không phải đảng viên của chi bộ"));
			}
			String content = text(t.content(), label + " — nội dung", 2, 1000, problems, true);
			LocalDate due = null;
			try {
				due = VnText.parseDate(t.dueOn());
			}
			catch (IllegalArgumentException e) {
				problems.add(new Problem(label + " — hạn", "“" + t.dueOn() + "” không phải ngày hợp lệ (dd/MM/yyyy)"));
			}
			if (due != null && due.isBefore(m.date())) {
				problems.add(new Problem(label + " — hạn", "trước ngày họp"));
			}
			if (who != null && content != null) {
				tasks.add(new Minutes.TaskLine(who.memberId(), who.fullName(), content, due == null ? null : VnText.date(due)));
			}
		}
		MeetingRules.Rubric rubric = rules.rubric(m.kind(), m.orgPath(), m.date());
		List<Minutes.Score> scores = new ArrayList<>();
		boolean anyScore = in.scores().values().stream().anyMatch(s -> s != null && !s.isBlank());
		int total = 0;
		if (anyScore) {
			for (var c : rubric.criteria()) {
				String raw = in.scores().get(c.code());
				Integer pts = count(raw, "Điểm: " + c.label(), problems);
				if (pts != null && pts > c.max()) {
					problems.add(new Problem("Điểm: " + c.label(), "tối đa " + c.max() + " điểm"));
				}
				else if (pts != null) {
					scores.add(new Minutes.Score(c.code(), c.label(), c.max(), pts));
					total += pts;
				}
			}
		}
		String closed = in.closedAt() == null || in.closedAt().isBlank() ? "" : in.closedAt().trim();
		if (!closed.isEmpty()) {
			try {
				LocalTime.parse(closed.length() == 4 ? "0" + closed : closed);
			}
			catch (DateTimeParseException e) {
				problems.add(new Problem("Giờ kết thúc", "“" + closed + "” không phải giờ hợp lệ (HH:mm)"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Integer score = anyScore ? total : null;
		return new Minutes.Content(chair.memberId(), chair.fullName(), secretary.memberId(), secretary.fullName(), report,
				speeches, conclusions, votes, tasks, scores, score, score == null ? null : rubric.band(score), closed);
	}

	/** Records at this meeting that an earlier task is done or dropped. */
	@Transactional
	public void closeTask(Scope scope, long meetingId, long taskId, @Nullable String status, @Nullable String note) {
		Meeting m = writable(scope, meetingId);
		MeetingTask t = repo.task(taskId).filter(x -> x.organizationId() == m.organizationId())
			.orElseThrow(() -> new NotFound("task " + taskId));
		if (!t.open()) {
			throw new InvalidInput("Nhiệm vụ", "đã " + MeetingTask.statusVi(t.status()).toLowerCase());
		}
		if (!"DONE".equals(status) && !"DROPPED".equals(status)) {
			throw new InvalidInput("Kết quả nhiệm vụ", "chọn đã hoàn thành hoặc không thực hiện");
		}
		repo.closeTask(taskId, status, meetingId, note == null || note.isBlank() ? null : note.trim());
		audit(scope, "TASK_CLOSE", "meeting", meetingId, m.orgPath(), "Nhiệm vụ của " + t.memberName() + ": "
				+ MeetingTask.statusVi(status), Map.of("status", t.status()), Map.of("status", status));
	}

	// ------------------------------------------------------------------ assigned committee members

	/** Assigns a member of the committee to follow a cell of its subtree, with a plan for the year or a quarter. */
	@Transactional
	public long assign(Scope scope, long committeeId, @Nullable Long memberId, @Nullable Long cellId, @Nullable String year,
			@Nullable String quarter, @Nullable String planned) {
		OrganizationSummary committee = orgs.get(scope, committeeId);
		if (!scope.covers(Capability.MANAGE_ORGANIZATIONS, committee.path())) {
			throw deniedOrHidden(scope, committee);
		}
		List<Problem> problems = new ArrayList<>();
		MemberRow member = memberId == null ? null : members.find(scope, memberId).orElse(null);
		if (member == null) {
			problems.add(new Problem("Cấp ủy viên", memberId == null ? "chưa nhập mã đảng viên" : "không tìm thấy đảng viên mã " + memberId));
		}
		OrganizationSummary cell = null;
		if (cellId == null) {
			problems.add(new Problem("Chi bộ", "chưa chọn"));
		}
		else {
			try {
				cell = orgs.get(scope, cellId);
			}
			catch (NotFound e) {
				cell = null;
			}
			if (cell == null || !Scope.isWithin(cell.path(), committee.path()) || !cell.level().holdsMembers()) {
				problems.add(new Problem("Chi bộ", "mã " + cellId + " không phải chi bộ thuộc " + committee.name()));
				cell = null;
			}
			else if (!cell.active()) {
				problems.add(new Problem("Chi bộ", cell.name() + " đã giải thể hoặc sáp nhập"));
			}
		}
		Integer y = intIn(year, 2000, 2100, "Năm", "không hợp lệ", problems, true);
		Integer q = intIn(quarter, 1, 4, "Quý", "là 1, 2, 3 hoặc 4 (bỏ trống: cả năm)", problems, false);
		Integer p = intIn(planned, 1, 52, "Số lần dự kiến dự họp", "là một số từ 1 đến 52", problems, true);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long id = repo.insertAssignment(committeeId, committee.path(), committee.level().name(), member.id(),
				member.fullName(), cell.id(), cell.path(), cell.name(), y, q, p, scope.username());
		if (id < 0) {
			throw new InvalidInput("Phân công", member.fullName() + " đã được phân công theo dõi " + cell.name() + " trong kỳ này");
		}
		audit(scope, "ASSIGNMENT_CREATE", "assignment", id, committee.path(), "Phân công " + member.fullName()
				+ " theo dõi " + cell.name() + " năm " + y + (q == null ? "" : " quý " + q), null,
				Map.of("member", member.fullName(), "cell", cell.name(), "planned", p));
		return id;
	}

	@Transactional
	public void endAssignment(Scope scope, long id) {
		String path = repo.assignmentCommitteePath(id).orElseThrow(() -> new NotFound("assignment " + id));
		if (!scope.covers(Capability.MANAGE_ORGANIZATIONS, path)) {
			throw new NotFound("assignment " + id);
		}
		Assignment a = repo.assignment(id).orElseThrow();
		repo.endAssignment(id);
		audit(scope, "ASSIGNMENT_END", "assignment", id, path, "Thôi phân công " + a.memberName() + " theo dõi "
				+ a.cellName(), null, null);
	}

	/** Plan against actual for every member the committee (and committees below it) assigned. */
	public List<Assignment> assignments(Scope scope, long committeeId, int year) {
		OrganizationSummary committee = orgs.get(scope, committeeId);
		if (!scope.covers(Capability.READ_MEMBERS, committee.path())) {
			throw new NotFound("organization " + committeeId);
		}
		return repo.assignmentsOfCommittee(committee.path(), year).stream().map(a -> withMinimum(a, committee.path())).toList();
	}

	private Assignment withMinimum(Assignment a, String path) {
		int min = rules.integer("assignment.min_per_year." + a.committeeLevel(), path, LocalDate.of(a.year(), 12, 31), -1);
		return new Assignment(a.id(), a.committeeId(), a.committeeLevel(), a.memberId(), a.memberName(), a.cellId(),
				a.cellName(), a.year(), a.quarter(), a.planned(), a.attended(), min < 0 ? null : min);
	}

	/** The assigned committee member records that they attended the meeting, with a short report back. */
	@Transactional
	public void recordVisit(Scope scope, long meetingId, @Nullable String report) {
		Meeting m = get(scope, meetingId);
		Assignment a = scope.memberId() == null ? null : repo.assignmentsOfCell(m.organizationId(), m.date().getYear())
			.stream().filter(x -> x.memberId() == scope.memberId()).findFirst().orElse(null);
		if (a == null) {
			throw new Denied("Bạn không được phân công theo dõi chi bộ này.");
		}
		if (!m.held()) {
			throw new InvalidInput("Dự họp", "cuộc họp chưa diễn ra hoặc chưa điểm danh");
		}
		String r = text(report, "Báo cáo sau dự họp", 5, 5000, null, true);
		if (!repo.insertVisit(a.id(), meetingId, r, scope.username())) {
			throw new InvalidInput("Dự họp", "bạn đã ghi nhận dự cuộc họp này rồi");
		}
		audit(scope, "VISIT_RECORD", "meeting", meetingId, m.orgPath(), a.memberName() + " dự họp " + m.orgName()
				+ " ngày " + VnText.date(m.date()), null, Map.of("report", r));
	}

	// ------------------------------------------------------------------ statistics

	/** Statistics of the subtree for a year, from the kept counters: the children's names, then the counters in one round trip. */
	public MeetingStats stats(Scope scope, long orgId, int year) {
		OrganizationSummary org = orgs.get(scope, orgId);
		if (!scope.covers(Capability.READ_MEMBERS, org.path())) {
			throw new NotFound("organization " + orgId);
		}
		// Meetings planned for later months are not yet due: totals run to the end of the current month.
		LocalDate until = VnText.today().withDayOfMonth(1).plusMonths(1);
		List<OrganizationSummary> children = orgs.childrenUncounted(scope, org);
		var stats = repo.stats(orgId, year, until);
		List<MeetingStats.Month> months = stats.months();
		MeetingStats.Row total = months.stream().filter(m -> m.month().isBefore(until)).map(MeetingStats.Month::row)
			.reduce(MeetingStats.Row.ZERO, MeetingStats.Row::plus);
		Map<Long, MeetingStats.Row> rows = stats.children();
		List<MeetingStats.Child> out = children.stream()
			.map(c -> new MeetingStats.Child(c.id(), c.name(), rows.getOrDefault(c.id(), MeetingStats.Row.ZERO))).toList();
		long planned = months.stream().mapToLong(m -> m.row().planned()).sum();
		return new MeetingStats(orgId, org.name(), year, total, months, out, planned);
	}

	// ------------------------------------------------------------------ events

	@EventListener
	void on(OrganizationMoved moved) {
		repo.movePaths(moved.oldPath(), moved.newPath());
	}

	// ------------------------------------------------------------------ helpers

	Meeting writable(Scope scope, long id) {
		var who = MeetingRepository.Who.of(scope);
		return repo.findWritable(id, who).orElseThrow(() -> notWritable(id, who));
	}

	private RuntimeException notWritable(long id, MeetingRepository.Who who) {
		if (repo.find(id, who).isPresent()) {
			return new Denied("Bạn chỉ được xem cuộc họp này; bí thư, phó bí thư chi bộ mới được ghi.");
		}
		return new NotFound("meeting " + id);
	}

	private OrganizationSummary writableCell(Scope scope, long orgId) {
		OrganizationSummary org = orgs.get(scope, orgId);
		if (!scope.covers(Capability.WRITE_MEMBERS, org.path())) {
			throw deniedOrHidden(scope, org);
		}
		if (!org.level().holdsMembers()) {
			throw new InvalidInput("Lịch sinh hoạt", "chỉ chi bộ mới có lịch sinh hoạt hằng tháng");
		}
		requireActive(org, VnText.today());
		return org;
	}

	private RuntimeException deniedOrHidden(Scope scope, OrganizationSummary org) {
		return mayRead(scope, org) ? new Denied("Bạn chỉ được xem, không được ghi cho " + org.name() + ".")
				: new NotFound("organization " + org.id());
	}

	private static void requireActive(OrganizationSummary org, LocalDate date) {
		if (!org.active()) {
			throw new InvalidInput("Tổ chức", org.name() + " đã " + switch (org.status()) {
				case "DISSOLVED" -> "giải thể";
				case "MERGED" -> "sáp nhập";
				case "SPLIT" -> "chia tách";
				default -> "ngừng hoạt động";
			} + (org.endedOn() == null ? "" : " từ " + VnText.date(org.endedOn())) + ": không thể họp hay điểm danh");
		}
		if (date.isBefore(org.establishedOn())) {
			throw new InvalidInput("Ngày họp", "trước ngày thành lập " + org.name() + " (" + VnText.date(org.establishedOn()) + ")");
		}
	}

	record Parsed(MeetingKind kind, LocalDate date, LocalTime time, String place, @Nullable String topic, List<String> agenda,
			@Nullable String campaign) {
	}

	private static Parsed parse(MeetingInput in, OrganizationSummary org) {
		return parse(in, org, false);
	}

	static Parsed parse(MeetingInput in, OrganizationSummary org, boolean study) {
		List<Problem> problems = new ArrayList<>();
		MeetingKind kind = null;
		try {
			kind = MeetingKind.valueOf(in.kind() == null ? "" : in.kind());
		}
		catch (IllegalArgumentException e) {
			problems.add(new Problem("Loại cuộc họp", "chưa chọn"));
		}
		if (kind == MeetingKind.PLENARY && !(org.level() == Level.GRASSROOTS || org.level() == Level.COMMUNE
				|| org.level() == Level.GRASSROOTS_CELL)) {
			problems.add(new Problem("Loại cuộc họp", "hội nghị đảng viên chỉ có ở đảng bộ cơ sở, đảng bộ xã"));
		}
		if (kind == MeetingKind.STUDY && !study) {
			problems.add(new Problem("Loại cuộc họp", "buổi học tập nghị quyết được tạo từ trang “Học tập nghị quyết”"));
		}
		if (kind != null && kind != MeetingKind.PLENARY && kind != MeetingKind.STUDY && !org.level().holdsMembers()) {
			problems.add(new Problem("Loại cuộc họp", org.level().vi() + " không họp chi bộ; chọn hội nghị đảng viên"));
		}
		LocalDate date = null;
		try {
			date = VnText.parseDate(in.date());
			if (date == null) {
				problems.add(new Problem("Ngày họp", "chưa nhập"));
			}
		}
		catch (IllegalArgumentException e) {
			problems.add(new Problem("Ngày họp", "“" + in.date() + "” không phải ngày hợp lệ (dd/MM/yyyy)"));
		}
		LocalTime time = time(in.time(), "Giờ họp", problems);
		String place = text(in.place(), "Địa điểm", 2, 300, problems, true);
		String topic = in.topic() == null || in.topic().isBlank() ? null : text(in.topic(), "Chủ đề", 3, 500, problems, false);
		List<String> agenda = new ArrayList<>();
		for (String line : in.agenda()) {
			if (line != null && !line.isBlank()) {
				String t = line.trim().replaceFirst("^\\d+[.)]\\s*", "");
				if (t.length() < 2 || t.length() > 500) {
					problems.add(new Problem("Chương trình", "mục “" + t + "” phải dài từ 2 đến 500 ký tự"));
				}
				agenda.add(t);
			}
		}
		String campaign = in.campaign() == null || in.campaign().isBlank() ? null : in.campaign().trim();
		if (kind == MeetingKind.REVIEW && campaign == null) {
			problems.add(new Problem("Văn bản kiểm điểm", "chưa nhập: kiểm điểm theo nghị quyết, kết luận hay chỉ thị nào"));
		}
		else if (campaign != null && campaign.length() > 300) {
			problems.add(new Problem("Văn bản kiểm điểm", "dài quá 300 ký tự"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Parsed(kind, date, time, place, topic, agenda, kind == MeetingKind.REVIEW ? campaign : null);
	}

	private static LocalTime time(@Nullable String raw, String field, List<Problem> problems) {
		if (raw == null || raw.isBlank()) {
			problems.add(new Problem(field, "chưa nhập"));
			return LocalTime.MIDNIGHT;
		}
		String t = raw.trim().replace('h', ':').replace('g', ':');
		if (t.endsWith(":")) {
			t = t + "00";
		}
		if (t.matches("\\d:\\d\\d")) {
			t = "0" + t;
		}
		try {
			return LocalTime.parse(t);
		}
		catch (DateTimeParseException e) {
			problems.add(new Problem(field, "“" + raw + "” không phải giờ hợp lệ (HH:mm, ví dụ 19:30)"));
			return LocalTime.MIDNIGHT;
		}
	}

	static @Nullable Integer intIn(@Nullable String raw, int min, int max, String field, String rule,
			List<Problem> problems, boolean required) {
		if (raw == null || raw.isBlank()) {
			if (required) {
				problems.add(new Problem(field, "chưa nhập"));
			}
			return null;
		}
		try {
			int v = Integer.parseInt(raw.trim());
			if (v < min || v > max) {
				problems.add(new Problem(field, rule));
				return null;
			}
			return v;
		}
		catch (NumberFormatException e) {
			problems.add(new Problem(field, "“" + raw + "” không phải số; " + rule));
			return null;
		}
	}

	private static @Nullable Integer count(@Nullable String raw, String field, List<Problem> problems) {
		if (raw == null || raw.isBlank()) {
			return 0;
		}
		try {
			int v = Integer.parseInt(raw.trim());
			if (v < 0) {
				problems.add(new Problem(field, "không được âm"));
				return null;
			}
			return v;
		}
		catch (NumberFormatException e) {
			problems.add(new Problem(field, "“" + raw + "” không phải số"));
			return null;
		}
	}

	/** Trimmed text within bounds; with {@code problems} null, throws at once. */
	static String text(@Nullable String raw, String field, int min, int max, @Nullable List<Problem> problems,
			boolean required) {
		String t = raw == null ? "" : raw.trim();
		String problem = t.isEmpty() ? (required ? "chưa nhập" : null)
				: t.length() < min ? "quá ngắn (ít nhất " + min + " ký tự)" : t.length() > max ? "dài quá " + max + " ký tự" : null;
		if (problem != null) {
			if (problems == null) {
				throw new InvalidInput(field, problem);
			}
			problems.add(new Problem(field, problem));
		}
		return t;
	}

	private void audit(Scope scope, String action, String type, long id, String path, String summary,
			@Nullable Map<String, ?> before, @Nullable Map<String, ?> after) {
		events.publishEvent(new Audited(scope.username(), action, type, String.valueOf(id), path, summary, before, after));
	}
}

package vn.dangvu.evaluations;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dangvu.organizations.Level;
import vn.dangvu.organizations.MemberManagement;
import vn.dangvu.organizations.MemberRow;
import vn.dangvu.organizations.MemberStatus;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.organizations.Position;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.Denied;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.InvalidInput.Problem;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

import static vn.dangvu.evaluations.Inputs.date;
import static vn.dangvu.evaluations.Inputs.integer;
import static vn.dangvu.evaluations.Inputs.text;

/**
 * Review cycles and the criteria sets they apply: a committee's staff ({@link Capability#MANAGE_ORGANIZATIONS})
 * creates a cycle with its deadlines, opens it — the criteria sets freeze and the subjects are listed — changes its
 * deadlines and closes it; a province or unit issues its own versions of the criteria sets.
 */
@Service
public class CycleManagement {

	static final Set<String> LEADER_TITLES = Set.of("BI_THU", "PHO_BI_THU", "PHO_BI_THU_THUONG_TRUC", "UY_VIEN_BTV",
			"CAP_UY_VIEN");
	static final Set<String> COMMITTEE_TITLES = Set.of("BI_THU", "PHO_BI_THU", "PHO_BI_THU_THUONG_TRUC", "UY_VIEN_BTV",
			"CAP_UY_VIEN", "CHI_UY_VIEN");
	static final Set<Level> GRASSROOTS = Set.of(Level.COMMUNE, Level.GRASSROOTS, Level.GRASSROOTS_CELL);
	private final EvaluationRepository repo;
	private final OrganizationManagement organizations;
	private final MemberManagement members;
	private final ApplicationEventPublisher events;
	private final long backgroundOver;

	CycleManagement(EvaluationRepository repo, OrganizationManagement organizations, MemberManagement members,
			ApplicationEventPublisher events,
			@org.springframework.beans.factory.annotation.Value("${dangvu.evaluations.open-in-background-over:50000}") long backgroundOver) {
		this.backgroundOver = backgroundOver;
		this.repo = repo;
		this.organizations = organizations;
		this.members = members;
		this.events = events;
	}

	private OrganizationSummary readable(Scope scope, long orgId) {
		return Inputs.readable(organizations, scope, orgId);
	}

	private void audit(Scope scope, String action, String type, long id, String path, String summary, @Nullable Map<String, ?> after) {
		Inputs.audit(events, scope, action, type, id, path, summary, after);
	}

	// ================================================================== cycles

	/** What a new cycle asks for; dates as the user typed them (dd/MM/yyyy). */
	public record CycleInput(@Nullable String kind, @Nullable String year, @Nullable String quarter, @Nullable String title,
			@Nullable String purpose, @Nullable String regulation, @Nullable String selfUntil, @Nullable String opinionUntil,
			@Nullable String stateUntil, @Nullable String appraisalUntil, @Nullable String decisionUntil,
			@Nullable String orderMode, @Nullable String quotaPercent, List<Long> subjectMembers) {
	}

	/** Cycles opened at, above or below the organization that the user may see. */
	public List<Cycle> cycles(Scope scope, long orgId) {
		OrganizationSummary org = readable(scope, orgId);
		return repo.cyclesAround(org.path()).stream()
			.filter(c -> Scope.isWithin(org.path(), c.orgPath()) || scope.covers(Capability.READ_MEMBERS, c.orgPath()))
			.toList();
	}

	public Cycle cycle(Scope scope, long id) {
		Cycle c = repo.cycle(id).orElseThrow(() -> new NotFound("cycle " + id));
		boolean visible = scope.grants().stream().anyMatch(g -> g.role().can(Capability.READ_MEMBERS)
				&& (Scope.isWithin(c.orgPath(), g.path()) || Scope.isWithin(g.path(), c.orgPath())));
		if (!visible && scope.memberId() == null) {
			throw new NotFound("cycle " + id);
		}
		if (!visible && repo.ofMember(scope.memberId(), EvaluationRepository.Who.of(scope)).stream().noneMatch(e -> e.cycleId() == id)) {
			throw new NotFound("cycle " + id);
		}
		return c;
	}

	public boolean canManage(Scope scope, Cycle c) {
		return scope.covers(Capability.MANAGE_ORGANIZATIONS, c.orgPath());
	}

	public List<String> regulations() {
		return repo.regulations();
	}

	@Transactional
	public long createCycle(Scope scope, long orgId, CycleInput in) {
		OrganizationSummary org = organizations.get(scope, orgId);
		if (!scope.covers(Capability.MANAGE_ORGANIZATIONS, org.path())) {
			throw new Denied("Chỉ cán bộ tổ chức của cấp ủy mở được đợt đánh giá");
		}
		List<Problem> problems = new ArrayList<>();
		String kind = in.kind() == null ? "" : in.kind();
		if (!Cycle.KINDS.containsKey(kind)) {
			problems.add(new Problem("Loại đợt", "chọn hằng năm, hằng quý, theo nhiệm kỳ hoặc đột xuất"));
		}
		Integer year = integer(in.year(), 2000, 2100, "Năm", problems);
		Integer quarter = null;
		if ("QUARTERLY".equals(kind)) {
			Integer q = integer(in.quarter(), 1, 4, "Quý", problems);
			if (q != null && q == 4) {
				problems.add(new Problem("Quý", "không đánh giá riêng quý IV: kết quả quý IV gộp vào đánh giá cả năm (HD 43-HD/BTCTW)"));
			}
			else {
				quarter = q;
			}
		}
		String title = text(in.title(), "Tên đợt", 4, 300, problems, true);
		String purpose = text(in.purpose(), "Mục đích", 2, 500, problems, "AD_HOC".equals(kind));
		String regulation = in.regulation() == null || in.regulation().isBlank() ? "366-QĐ/TW" : in.regulation().trim();
		if (!repo.regulations().contains(regulation)) {
			problems.add(new Problem("Quy định áp dụng", "“" + regulation + "” không có trong danh mục"));
		}
		LocalDate self = date(in.selfUntil(), "Hạn tự đánh giá", problems, true);
		LocalDate opinion = date(in.opinionUntil(), "Hạn chi bộ cho ý kiến", problems, true);
		LocalDate state = date(in.stateUntil(), "Hạn đánh giá công chức, viên chức", problems, false);
		LocalDate appraisal = date(in.appraisalUntil(), "Hạn thẩm định", problems, true);
		LocalDate decision = date(in.decisionUntil(), "Hạn quyết định xếp loại", problems, true);
		checkDeadlines(kind, year, self, opinion, state, appraisal, decision, problems);
		String order = in.orderMode() == null || in.orderMode().isBlank() ? "WARN" : in.orderMode();
		if (!Set.of("WARN", "REFUSE").contains(order)) {
			problems.add(new Problem("Thứ tự các bước", "chọn cảnh báo hoặc từ chối"));
		}
		Integer quota = in.quotaPercent() == null || in.quotaPercent().isBlank() ? Integer.valueOf(20)
				: integer(in.quotaPercent(), 0, 100, "Tỷ lệ Hoàn thành xuất sắc tối đa (% số Hoàn thành tốt)", problems);
		if ("AD_HOC".equals(kind) && in.subjectMembers().isEmpty()) {
			problems.add(new Problem("Người được đánh giá", "đợt đột xuất cần chọn ít nhất một đảng viên"));
		}
		for (Long m : in.subjectMembers()) {
			if (members.find(scope, m).filter(r -> Scope.isWithin(pathOf(r.organizationId()), org.path())).isEmpty()) {
				problems.add(new Problem("Người được đánh giá", "đảng viên mã " + m + " không thuộc " + org.name()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long id = repo.insertCycle(orgId, org.path(), org.name(), kind, year, quarter, title, purpose, regulation, self, opinion,
				state, appraisal, decision, order, quota, in.subjectMembers(), scope.username());
		audit(scope, "EVALUATION_CYCLE_CREATE", "cycle", id, org.path(), "Tạo đợt đánh giá: " + title, null);
		return id;
	}

	private String pathOf(long orgId) {
		return organizations.pathsOf(List.of(orgId)).getOrDefault(orgId, Scope.NOTHING);
	}

	private static void checkDeadlines(String kind, @Nullable Integer year, @Nullable LocalDate self, @Nullable LocalDate opinion,
			@Nullable LocalDate state, @Nullable LocalDate appraisal, @Nullable LocalDate decision, List<Problem> problems) {
		if (self != null && opinion != null && opinion.isBefore(self)) {
			problems.add(new Problem("Hạn chi bộ cho ý kiến", "phải sau hạn tự đánh giá"));
		}
		if (opinion != null && appraisal != null && appraisal.isBefore(opinion)) {
			problems.add(new Problem("Hạn thẩm định", "phải sau hạn chi bộ cho ý kiến"));
		}
		if (appraisal != null && decision != null && decision.isBefore(appraisal)) {
			problems.add(new Problem("Hạn quyết định xếp loại", "phải sau hạn thẩm định"));
		}
		if ("ANNUAL".equals(kind) && year != null) {
			LocalDate limit = LocalDate.of(year, 12, 15);
			if (state == null) {
				problems.add(new Problem("Hạn đánh giá công chức, viên chức", "chưa nhập (đợt hằng năm: trước ngày 15/12/" + year + ")"));
			}
			else if (state.isAfter(limit)) {
				problems.add(new Problem("Hạn đánh giá công chức, viên chức", "phải trước hoặc đúng ngày 15/12/" + year));
			}
		}
		if (state != null && decision != null && !state.isBefore(decision)) {
			problems.add(new Problem("Hạn đánh giá công chức, viên chức", "phải trước hạn quyết định xếp loại đảng viên"));
		}
	}

	/** Changes the deadlines (e.g. extends the self-assessment) and the order and quota settings of a cycle. */
	@Transactional
	public void updateCycle(Scope scope, long id, CycleInput in) {
		Cycle c = repo.cycleForUpdate(id).orElseThrow(() -> new NotFound("cycle " + id));
		requireManage(scope, c);
		List<Problem> problems = new ArrayList<>();
		LocalDate self = date(in.selfUntil(), "Hạn tự đánh giá", problems, true);
		LocalDate opinion = date(in.opinionUntil(), "Hạn chi bộ cho ý kiến", problems, true);
		LocalDate state = date(in.stateUntil(), "Hạn đánh giá công chức, viên chức", problems, false);
		LocalDate appraisal = date(in.appraisalUntil(), "Hạn thẩm định", problems, true);
		LocalDate decision = date(in.decisionUntil(), "Hạn quyết định xếp loại", problems, true);
		checkDeadlines(c.kind(), c.year(), self, opinion, state, appraisal, decision, problems);
		String order = in.orderMode() == null || in.orderMode().isBlank() ? c.orderMode() : in.orderMode();
		if (!Set.of("WARN", "REFUSE").contains(order)) {
			problems.add(new Problem("Thứ tự các bước", "chọn cảnh báo hoặc từ chối"));
		}
		Integer quota = in.quotaPercent() == null || in.quotaPercent().isBlank() ? Integer.valueOf(c.quotaPercent())
				: integer(in.quotaPercent(), 0, 100, "Tỷ lệ Hoàn thành xuất sắc tối đa (% số Hoàn thành tốt)", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		repo.updateDeadlines(id, self, opinion, state, appraisal, decision, order, quota);
		audit(scope, "EVALUATION_CYCLE_UPDATE", "cycle", id, c.orgPath(), "Đổi hạn, thứ tự, tỷ lệ của đợt: " + c.title(),
				Map.of("self", VnText.date(self), "decision", VnText.date(decision), "order", order, "quota", quota));
	}

	/** Sets each order rule of the cycle on its own: OFF, WARN or REFUSE (a rule left out follows the cycle's setting). */
	@Transactional
	public void setOrderRules(Scope scope, long id, Map<String, String> rules) {
		Cycle c = repo.cycleForUpdate(id).orElseThrow(() -> new NotFound("cycle " + id));
		requireManage(scope, c);
		List<Problem> problems = new ArrayList<>();
		Map<String, String> clean = new java.util.LinkedHashMap<>();
		rules.forEach((rule, mode) -> {
			if (!Cycle.ORDER_RULES.contains(rule)) {
				problems.add(new Problem("Thứ tự các bước", "không có quy tắc “" + rule + "”"));
			}
			else if (!Set.of("OFF", "WARN", "REFUSE").contains(mode)) {
				problems.add(new Problem(Cycle.ORDER_RULE_LABELS.get(rule), "chọn không áp dụng, cảnh báo hoặc từ chối"));
			}
			else {
				clean.put(rule, mode);
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		repo.setOrderRules(id, clean);
		audit(scope, "EVALUATION_CYCLE_ORDER", "cycle", id, c.orgPath(), "Đặt thứ tự các bước của đợt: " + c.title(), clean);
	}

	private void requireManage(Scope scope, Cycle c) {
		if (!scope.covers(Capability.MANAGE_ORGANIZATIONS, c.orgPath())) {
			cycle(scope, c.id());
			throw new Denied("Chỉ cán bộ tổ chức của cấp ủy mở đợt được thay đổi đợt đánh giá");
		}
	}


	/**
	 * Opens the cycle: freezes the criteria sets that apply, and lists its subjects — every active organization of the
	 * subtree (not party groups), its leadership collectives, and its members (exempted and suspended ones as not
	 * classified); an ad hoc cycle lists only the members it names, a quarterly one only leaders. Over
	 * {@code dangvu.evaluations.open-in-background-over} members the listing runs in the background (status OPENING,
	 * {@link CycleOpener}) and 0 is returned; otherwise it returns how many subjects were listed.
	 */
	@Transactional
	public int open(Scope scope, long id) {
		Cycle c = prepareOpen(scope, id);
		long size = organizations.counts(scope, c.organizationId()).stream()
			.filter(x -> !Set.of("REMOVED", "EXPELLED", "LEFT", "DECEASED").contains(x.status()))
			.mapToLong(vn.dangvu.organizations.StatusCount::count).sum();
		if (c.subjectMembers().isEmpty() && size > backgroundOver) {
			return startInBackground(scope, c);
		}
		int n = listSubjects(scope, c, c.organizationId(), true);
		if (n == 0) {
			throw new InvalidInput("Đợt đánh giá", "không có tổ chức hay đảng viên nào để đánh giá");
		}
		repo.openCycle(id);
		audit(scope, "EVALUATION_CYCLE_OPEN", "cycle", id, c.orgPath(), "Mở đợt đánh giá: " + c.title() + " (" + n + " đối tượng)",
				Map.of("subjects", n));
		return n;
	}

	/** Opens the cycle with its listing in the background, whatever its size. */
	@Transactional
	public int openInBackground(Scope scope, long id) {
		return startInBackground(scope, prepareOpen(scope, id));
	}

	private int startInBackground(Scope scope, Cycle c) {
		repo.setCycleStatus(c.id(), "OPENING");
		audit(scope, "EVALUATION_CYCLE_OPEN", "cycle", c.id(), c.orgPath(), "Mở đợt đánh giá: " + c.title()
				+ " (danh sách đối tượng đang được lập)", Map.of("background", true));
		return 0;
	}

	private Cycle prepareOpen(Scope scope, long id) {
		Cycle c = repo.cycleForUpdate(id).orElseThrow(() -> new NotFound("cycle " + id));
		requireManage(scope, c);
		if (!"DRAFT".equals(c.status())) {
			throw new InvalidInput("Đợt đánh giá", "OPENING".equals(c.status()) ? "đang lập danh sách đối tượng" : "đã mở từ trước");
		}
		if (!c.period().startsWith("C") && repo.overlappingOpen(id, c.orgPath(), c.period())) {
			throw new InvalidInput("Đợt đánh giá", "đã có đợt " + c.period() + " đang mở cho tổ chức cấp trên hoặc cấp dưới; mỗi người chỉ xếp loại một lần");
		}
		for (SubjectGroup g : SubjectGroup.values()) {
			CriteriaSet set = repo.applicableSet(c.orgPath(), g)
				.orElseThrow(() -> new InvalidInput("Bộ tiêu chí", "chưa có bộ tiêu chí cho nhóm " + g.vi()));
			repo.freezeSet(set.id());
			repo.linkCriteria(id, g, set.id());
		}
		return c;
	}

	/**
	 * Lists the subjects of the cycle in the subtree of {@code rootId} (or, without {@code subtree}, of that
	 * organization alone: itself, its collectives, the members registered there) and inserts them; those already
	 * listed are skipped, so it may run again. Returns how many were inserted.
	 */
	int listSubjects(Scope scope, Cycle c, long rootId, boolean subtree) {
		OrganizationSummary root = organizations.get(scope, rootId);
		List<OrganizationSummary> orgs = subtree ? organizations.subtree(scope, rootId) : root.active() ? List.of(root) : List.of();
		if (orgs.isEmpty()) {
			return 0;
		}
		Map<Long, OrganizationSummary> byId = new HashMap<>();
		List<OrganizationSummary> above = organizations.breadcrumb(scope, root);
		above.forEach(o -> byId.put(o.id(), o));
		orgs.forEach(o -> byId.put(o.id(), o));
		Map<Long, List<Position>> positions = new HashMap<>();
		for (Position p : members.currentPositions(scope, rootId, subtree)) {
			positions.computeIfAbsent(p.memberId(), k -> new ArrayList<>()).add(p);
		}
		// Posts in the organizations above the cycle's (a commune's cycle, a member who also sits on the province's
		// committee): those are review places too, kept by staff who see the member. Posts in other subtrees are not.
		for (OrganizationSummary a : above) {
			if (a.id() != rootId) {
				for (Position p : members.currentPositions(scope, a.id(), false)) {
					positions.computeIfAbsent(p.memberId(), k -> new ArrayList<>()).add(p);
				}
			}
		}
		List<EvaluationRepository.NewSubject> subjects = new ArrayList<>();
		boolean adHoc = !c.subjectMembers().isEmpty();
		// Quarterly reviews are of leaders and managers only (Kết luận 198-KL/TW); per term and annual ones of everyone.
		boolean leadersOnly = "QUARTERLY".equals(c.kind());
		if (!adHoc && !leadersOnly) {
			Map<Long, Integer> committee = new HashMap<>();
			Map<Long, Integer> standing = new HashMap<>();
			positions.values().forEach(list -> list.forEach(p -> {
				if (COMMITTEE_TITLES.contains(p.title())) {
					committee.merge(p.organizationId(), 1, Integer::sum);
				}
				if ("UY_VIEN_BTV".equals(p.title())) {
					standing.merge(p.organizationId(), 1, Integer::sum);
				}
			}));
			for (OrganizationSummary o : orgs) {
				if (o.level() == Level.GROUP) {
					continue;
				}
				long g = grassroots(o, byId);
				subjects.add(new EvaluationRepository.NewSubject("ORGANIZATION", o.id(), o.path(), o.name(), o.level().name(), g,
						null, null, o.name(), SubjectGroup.ORGANIZATION, List.of(), Step.SELF, null));
				if (committee.getOrDefault(o.id(), 0) >= 2) {
					String collective = o.level().holdsMembers() ? "CHI_UY" : "CAP_UY";
					subjects.add(new EvaluationRepository.NewSubject("COLLECTIVE", o.id(), o.path(), o.name(), o.level().name(), g,
							null, collective, Evaluation.COLLECTIVES.get(collective) + " " + o.name(), SubjectGroup.COLLECTIVE,
							List.of(), Step.SELF, null));
				}
				if (standing.getOrDefault(o.id(), 0) >= 2) {
					subjects.add(new EvaluationRepository.NewSubject("COLLECTIVE", o.id(), o.path(), o.name(), o.level().name(), g,
							null, "BAN_THUONG_VU", "Ban Thường vụ " + o.name(), SubjectGroup.COLLECTIVE, List.of(), Step.SELF, null));
				}
			}
		}
		List<MemberRow> roster = members.registered(scope, rootId, subtree).stream()
			.filter(r -> !adHoc || c.subjectMembers().contains(r.id())).toList();
		Set<Long> already = Set.copyOf(repo.alreadyInPeriod(c.period(), roster.stream().map(MemberRow::id).toList()));
		for (MemberRow r : roster) {
			OrganizationSummary cell = byId.get(r.organizationId());
			if (cell == null || already.contains(r.id())) {
				continue;
			}
			List<Position> held = positions.getOrDefault(r.id(), List.of());
			boolean leader = held.stream().anyMatch(p -> LEADER_TITLES.contains(p.title()));
			if (leadersOnly && !leader) {
				continue;
			}
			SubjectGroup group = leader ? SubjectGroup.LEADER
					: "WORKPLACE".equals(cell.kind()) ? SubjectGroup.INDIVIDUAL : SubjectGroup.NON_SYSTEM;
			List<Long> headOf = held.stream().filter(p -> "BI_THU".equals(p.title())).map(Position::organizationId).toList();
			boolean notClassified = r.status() == MemberStatus.EXEMPT || r.status() == MemberStatus.SUSPENDED;
			subjects.add(new EvaluationRepository.NewSubject("MEMBER", cell.id(), cell.path(), cell.name(), cell.level().name(),
					grassroots(cell, byId), r.id(), null, r.fullName(), group, headOf,
					notClassified ? Step.NOT_CLASSIFIED : Step.SELF,
					notClassified ? r.status().vi() + " (không xếp loại — HD 21-HD/BTCTW)" : null));
		}
		int n = repo.insertSubjects(c.id(), c.period(), subjects);
		repo.insertPlaces(c.id(), places(positions, byId));
		return n;
	}

	/**
	 * The organizations where each member holds a post, with the titles held there: a cadre with several posts is
	 * reviewed in each place (HD 43-HD/BTCTW). Members of other parts of the subtree already listed get theirs too, so
	 * the background listing's last pass over the root adds the root's posts of members listed before.
	 */
	private List<EvaluationRepository.NewPlace> places(Map<Long, List<Position>> positions, Map<Long, OrganizationSummary> byId) {
		List<EvaluationRepository.NewPlace> places = new ArrayList<>();
		positions.forEach((member, held) -> {
			Map<Long, List<Position>> byOrg = new java.util.LinkedHashMap<>();
			held.forEach(p -> byOrg.computeIfAbsent(p.organizationId(), k -> new ArrayList<>()).add(p));
			byOrg.forEach((org, list) -> {
				OrganizationSummary o = byId.get(org);
				if (o != null) {
					places.add(new EvaluationRepository.NewPlace(member, org, o.path(), o.name(),
							String.join("; ", list.stream().map(Position::titleVi).toList())));
				}
			});
		});
		return places;
	}

	private static long grassroots(OrganizationSummary o, Map<Long, OrganizationSummary> byId) {
		OrganizationSummary x = o;
		while (x != null) {
			if (GRASSROOTS.contains(x.level())) {
				return x.id();
			}
			x = x.parentId() == null ? null : byId.get(x.parentId());
		}
		return o.id();
	}

	@Transactional
	public void close(Scope scope, long id) {
		Cycle c = repo.cycleForUpdate(id).orElseThrow(() -> new NotFound("cycle " + id));
		requireManage(scope, c);
		if (!c.open()) {
			throw new InvalidInput("Đợt đánh giá", "không đang mở");
		}
		repo.setCycleStatus(id, "CLOSED");
		audit(scope, "EVALUATION_CYCLE_CLOSE", "cycle", id, c.orgPath(), "Kết thúc đợt đánh giá: " + c.title(), null);
	}

	// ================================================================== criteria sets

	/** The sets that apply at the organization (its own, its province's, the country's), newest version first. */
	public List<CriteriaSet> criteriaSets(Scope scope, long orgId) {
		return repo.setsFor(readable(scope, orgId).path());
	}

	/**
	 * Saves a new version of the organization's criteria set for a subject group, from lines
	 * "code;group;label;max;guidance" (group GENERAL/CHUNG or RESULTS/KET QUA). The general criteria must total 30
	 * points and the task results 70 (366-QĐ/TW). Cycles already open keep the version they froze.
	 */
	@Transactional
	public long saveCriteriaSet(Scope scope, long orgId, @Nullable String group, @Nullable String name, @Nullable String lines) {
		OrganizationSummary org = readable(scope, orgId);
		if (!scope.covers(Capability.MANAGE_ORGANIZATIONS, org.path())) {
			throw new Denied("Chỉ cán bộ tổ chức của cấp ủy ban hành được bộ tiêu chí");
		}
		List<Problem> problems = new ArrayList<>();
		SubjectGroup g = null;
		try {
			g = SubjectGroup.valueOf(group == null ? "" : group);
		}
		catch (IllegalArgumentException e) {
			problems.add(new Problem("Nhóm đối tượng", "chưa chọn"));
		}
		String n = text(name, "Tên bộ tiêu chí", 4, 300, problems, true);
		List<Criterion> criteria = new ArrayList<>();
		try (var parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setTrim(true)
			.setIgnoreEmptyLines(true).get().parse(new StringReader(lines == null ? "" : lines))) {
			Set<String> codes = new HashSet<>();
			for (var r : parser) {
				String where = "Dòng " + r.getRecordNumber();
				if (r.size() < 4) {
					problems.add(new Problem(where, "cần đủ: mã; nhóm; tên tiêu chí; điểm tối đa[; hướng dẫn]"));
					continue;
				}
				String code = r.get(0);
				String grp = VnText.fold(r.get(1)).toUpperCase().replace(" ", "");
				grp = switch (grp) {
					case "GENERAL", "CHUNG" -> "GENERAL";
					case "RESULTS", "KETQUA" -> "RESULTS";
					default -> null;
				};
				if (!code.matches("[A-Za-z0-9._-]{1,10}") || !codes.add(code)) {
					problems.add(new Problem(where, "mã “" + code + "” không hợp lệ hoặc bị trùng (chữ, số, tối đa 10 ký tự)"));
				}
				if (grp == null) {
					problems.add(new Problem(where, "nhóm “" + r.get(1) + "” phải là CHUNG hoặc KẾT QUẢ"));
				}
				if (r.get(2).length() < 3 || r.get(2).length() > 300) {
					problems.add(new Problem(where, "tên tiêu chí phải dài từ 3 đến 300 ký tự"));
				}
				BigDecimal max = null;
				try {
					max = new BigDecimal(r.get(3).replace(',', '.'));
					if (max.signum() <= 0 || max.compareTo(BigDecimal.valueOf(70)) > 0) {
						problems.add(new Problem(where, "điểm tối đa phải lớn hơn 0 và không quá 70"));
					}
				}
				catch (NumberFormatException e) {
					problems.add(new Problem(where, "điểm tối đa “" + r.get(3) + "” không phải một số"));
				}
				String guidance = r.size() > 4 && !r.get(4).isBlank() ? r.get(4) : null;
				if (grp != null && max != null) {
					criteria.add(new Criterion(code, grp, r.get(2), max, guidance));
				}
			}
		}
		catch (java.io.IOException | java.io.UncheckedIOException | IllegalStateException e) {
			problems.add(new Problem("Các tiêu chí", "không đọc được: " + e.getMessage()));
		}
		if (problems.isEmpty()) {
			CriteriaSet probe = new CriteriaSet(0, null, g, 0, "", criteria, null);
			if (probe.total("GENERAL").compareTo(BigDecimal.valueOf(30)) != 0) {
				problems.add(new Problem("Các tiêu chí", "nhóm tiêu chí chung phải cộng đủ 30 điểm (đang là "
						+ probe.total("GENERAL").stripTrailingZeros().toPlainString() + ")"));
			}
			if (probe.total("RESULTS").compareTo(BigDecimal.valueOf(70)) != 0) {
				problems.add(new Problem("Các tiêu chí", "nhóm kết quả thực hiện nhiệm vụ phải cộng đủ 70 điểm (đang là "
						+ probe.total("RESULTS").stripTrailingZeros().toPlainString() + ")"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long id = repo.insertSet(org.path(), g, n, criteria, scope.username());
		audit(scope, "EVALUATION_CRITERIA_SET", "criteria_set", id, org.path(), "Bộ tiêu chí mới cho " + g.vi() + ": " + n,
				Map.of("criteria", criteria.size()));
		return id;
	}

	/** A set's lines in the form {@link #saveCriteriaSet} reads, to start a new version from. */
	public static String lines(CriteriaSet set) {
		StringBuilder b = new StringBuilder();
		for (Criterion c : set.criteria()) {
			b.append(c.code()).append(';').append("GENERAL".equals(c.group()) ? "CHUNG" : "KẾT QUẢ").append(';')
				.append(c.label().replace(";", ",")).append(';').append(c.max().stripTrailingZeros().toPlainString());
			if (c.guidance() != null) {
				b.append(';').append(c.guidance().replace(";", ","));
			}
			b.append('\n');
		}
		return b.toString();
	}

}

package vn.dangvu.evaluations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dangvu.meetings.Meeting;
import vn.dangvu.meetings.MeetingManagement;
import vn.dangvu.meetings.MeetingStats;
import vn.dangvu.meetings.MemberEvidence;
import vn.dangvu.organizations.MemberManagement;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.organizations.Position;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.Denied;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.InvalidInput.Problem;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.PageOf;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

import static vn.dangvu.evaluations.Inputs.blankToNull;
import static vn.dangvu.evaluations.Inputs.date;
import static vn.dangvu.evaluations.Inputs.integer;
import static vn.dangvu.evaluations.Inputs.text;

/**
 * The use cases of review and classification. Who may do what:
 * <ul>
 * <li>a member writes their own self-assessment while that step is open;</li>
 * <li>those who keep a cell's records (secretary, deputy, committee staff above) write the self-assessment of the
 * organization and its collectives, record the cell's opinion by vote, the conclusions with their references and the
 * remediation items;</li>
 * <li>organization staff of the competent committee ({@link Capability#MANAGE_ORGANIZATIONS}) appraise and decide:
 * for a member the grassroots committee (or above), for an organization or collective the level directly above.</li>
 * </ul>
 * Every read is constrained by the scope in SQL; a subject outside it is not found.
 */
@Service
public class EvaluationManagement {

	static final List<String> TEXT_FIELDS = List.of("strengths", "shortcomings", "remedies", "previous");
	static final String Q4_FIELD = "q4";
	static final String Q4_LABEL = "Kết quả thực hiện nhiệm vụ quý IV";
	static final Map<String, String> TEXT_LABELS = Map.of("strengths", "Ưu điểm, kết quả đạt được", "shortcomings",
			"Hạn chế, khuyết điểm và nguyên nhân", "remedies", "Phương hướng, biện pháp khắc phục", "previous",
			"Kết quả khắc phục hạn chế, khuyết điểm đã được chỉ ra");

	private final EvaluationRepository repo;
	private final OrganizationManagement organizations;
	private final MemberManagement members;
	private final MeetingManagement meetings;
	private final ApplicationEventPublisher events;
	private final CycleManagement cycles;

	EvaluationManagement(EvaluationRepository repo, OrganizationManagement organizations, MemberManagement members,
			MeetingManagement meetings, ApplicationEventPublisher events, CycleManagement cycles) {
		this.cycles = cycles;
		this.repo = repo;
		this.organizations = organizations;
		this.members = members;
		this.meetings = meetings;
		this.events = events;
	}

	// ================================================================== reading

	/** Subjects of a cycle in the organization's subtree, filtered by kind, step and name (diacritics ignored). */
	public PageOf<Evaluation> list(Scope scope, long cycleId, long orgId, @Nullable String kind, @Nullable String step,
			@Nullable String query, int page, int size) {
		cycle(scope, cycleId);
		OrganizationSummary org = readable(scope, orgId);
		var who = EvaluationRepository.Who.of(scope);
		String k = kind == null || kind.isBlank() ? null : kind;
		String s = step == null || step.isBlank() ? null : step;
		String q = query == null || query.isBlank() ? null : VnText.fold(query.trim());
		int p = Math.max(1, page);
		long total = repo.count(cycleId, org.path(), true, k, s, q, who);
		return new PageOf<>(repo.list(cycleId, org.path(), true, k, s, q, size, (p - 1) * size, who), p, size, total);
	}

	/** The most rows one export holds. */
	public static final int EXPORT_LIMIT = 50_000;

	/** The filtered list for a spreadsheet (at most {@link #EXPORT_LIMIT} rows); the export goes to the audit trail. */
	@Transactional
	public List<Evaluation> export(Scope scope, long cycleId, long orgId, @Nullable String kind, @Nullable String step,
			@Nullable String query) {
		var page = list(scope, cycleId, orgId, kind, step, query, 1, EXPORT_LIMIT);
		OrganizationSummary org = readable(scope, orgId);
		audit(scope, "EVALUATION_EXPORT", "cycle", cycleId, org.path(), "Xuất danh sách đánh giá " + org.name() + " ("
				+ page.rows().size() + " dòng)", Map.of("kind", kind == null ? "" : kind, "step", step == null ? "" : step));
		return page.rows();
	}

	/** How many subjects of the cycle in the organization's subtree wait at each step: kind → step → n. */
	public Map<String, Map<String, Long>> stepCounts(Scope scope, long cycleId, long orgId) {
		Cycle c = cycle(scope, cycleId);
		readable(scope, orgId);
		// From the kept counters of the cycle's period: one cycle per period covers an organization (overlaps are
		// refused; per-term and ad hoc cycles have their own period), so they are the cycle's own counts.
		Map<String, Map<String, Long>> out = new LinkedHashMap<>();
		repo.counts(orgId, c.period()).forEach((kind, states) -> {
			if ("QUOTA".equals(kind)) {
				return;
			}
			Map<String, Long> steps = new LinkedHashMap<>();
			states.forEach((state, n) -> steps.merge(Grade.of(state) != null ? Step.DECIDED.name() : state, n, Long::sum));
			out.put(kind, steps);
		});
		return out;
	}

	public Evaluation get(Scope scope, long id) {
		return repo.find(id, EvaluationRepository.Who.of(scope)).orElseThrow(() -> new NotFound("evaluation " + id));
	}

	/** What a subject's page shows and who may do what on it. */
	public record View(Evaluation e, Cycle cycle, CriteriaSet criteria, List<Evaluation.Opinion> opinions, List<Evaluation.Place> places,
			Set<Long> canRecordPlaces,
			List<Evaluation.History> history, List<Evaluation.Remediation> remediation, int openFromBefore,
			@Nullable MemberEvidence evidence, MeetingStats.@Nullable Row meetingStats, List<Evaluation> earlier,
			@Nullable QuarterBasis quarters, List<Position> positions, Classification.Ceiling ceiling,
			@Nullable Quota quota, boolean canSelf, boolean canOpinion, boolean canConclude, boolean canAppraise,
			boolean canDecide, boolean canComplain) {

		public List<String> ceilingReasons() {
			return ceiling.reasons();
		}

		public Grade ceilingMax() {
			return ceiling.max();
		}
	}

	public View view(Scope scope, long id) {
		Evaluation e = get(scope, id);
		Cycle c = repo.cycle(e.cycleId()).orElseThrow();
		CriteriaSet set = criteriaOf(e);
		var who = EvaluationRepository.Who.of(scope);
		int before = repo.openFromBefore(e);
		MemberEvidence evidence = null;
		List<Evaluation> earlier = List.of();
		List<Position> positions = List.of();
		if (e.memberId() != null) {
			evidence = meetings.evidence(scope, e.memberId(), c.year());
			before += evidence.openRemediation().size();
			earlier = repo.ofMember(e.memberId(), who).stream().filter(x -> x.id() != e.id()).toList();
			positions = members.find(scope, e.memberId()).isPresent() ? members.positions(scope, e.memberId()) : List.of();
		}
		// An organization's or collective's own record of the year: its subtree's meetings, read by those who may.
		MeetingStats.Row stats = !e.member() && scope.covers(Capability.READ_MEMBERS, e.orgPath())
				? meetings.stats(scope, e.organizationId(), c.year()).total() : null;
		var ceiling = ceiling(e, before);
		Quota quota = e.member() && e.step() != Step.NOT_CLASSIFIED ? quota(c, e.grassrootsId(), e.peerGroup(), -1) : null;
		List<Evaluation.Place> places = e.member() ? repo.places(id) : List.of();
		Set<Long> canRecord = places.stream().filter(p -> !p.recorded() && canRecordPlace(scope, e, c, p)).map(Evaluation.Place::id)
			.collect(java.util.stream.Collectors.toSet());
		return new View(e, c, set, repo.opinions(id), places, canRecord, repo.history(id), repo.remediationsOf(e, false), before, evidence, stats, earlier,
				quarterBasis(c, e, earlier, null), positions, ceiling, quota, canSelf(scope, e, c), canKeep(scope, e, c) && e.step() == Step.OPINION,
				canKeep(scope, e, c) && e.step() != Step.DECIDED && e.step() != Step.NOT_CLASSIFIED,
				competent(scope, e) && c.open() && e.step() == Step.APPRAISAL,
				competent(scope, e) && c.open() && e.step() == Step.DECISION,
				competent(scope, e) && e.step() == Step.DECIDED);
	}

	/** The member's Q1–Q3 results beside an annual evaluation, where the regulation combines them into the year. */
	private @Nullable QuarterBasis quarterBasis(Cycle c, Evaluation e, List<Evaluation> ofMember, @Nullable BigDecimal yearTotal) {
		return repo.quarterBasis(c.regulation())
			.map(rule -> QuarterBasis.of(c, e, ofMember, repo.bands(c.regulation()), rule.getValue(), yearTotal)).orElse(null);
	}

	/** The same, reading the member's evaluations only for an annual cycle's member. */
	private @Nullable QuarterBasis quarterBasis(Scope scope, Cycle c, Evaluation e, @Nullable BigDecimal yearTotal) {
		if (!"ANNUAL".equals(c.kind()) || !e.member()) {
			return null;
		}
		return quarterBasis(c, e, repo.ofMember(e.memberId(), EvaluationRepository.Who.of(scope)), yearTotal);
	}

	private CriteriaSet criteriaOf(Evaluation e) {
		Long setId = repo.cycleCriteria(e.cycleId()).get(e.group());
		return setId == null ? repo.applicableSet(e.orgPath(), e.group()).orElseThrow() : repo.set(setId).orElseThrow();
	}

	/** A level above what the recorded conditions allow (or other than KHTNV when one forces it) is refused. */
	private static void checkCeiling(Classification.Ceiling ceiling, Grade level, String field, List<Problem> problems) {
		if (ceiling.forced() && level != Grade.KHTNV || level.above(ceiling.max())) {
			problems.add(new Problem(field, "vượt mức cho phép (" + ceiling.max().vi() + "): " + String.join("; ", ceiling.reasons())));
		}
	}

	private Classification.Ceiling ceiling(Evaluation e, int openFromBefore) {
		return Classification.ceiling(e.tasksOnTime(), e.tasksExceeded(), e.tasksDone(), e.disciplineRef(), e.degradationRef(),
				e.civilServant(), e.stateLevel(), openFromBefore);
	}

	private int openFromBefore(Scope scope, Evaluation e) {
		int n = repo.openFromBefore(e);
		if (e.memberId() != null) {
			n += meetings.openShortcomings(scope, e.memberId());
		}
		return n;
	}

	/** The member's own evaluations, newest first: what to fill in now, and their history of levels. */
	public List<Evaluation> mine(Scope scope) {
		if (scope.memberId() == null) {
			return List.of();
		}
		return repo.ofMember(scope.memberId(), EvaluationRepository.Who.of(scope));
	}

	/** The levels of one member across periods, for those who may read the member's record. */
	public List<Evaluation> historyOf(Scope scope, long memberId) {
		members.find(scope, memberId).orElseThrow(() -> new NotFound("member " + memberId));
		return repo.ofMember(memberId, EvaluationRepository.Who.of(scope));
	}

	// ================================================================== permissions

	private boolean canSelf(Scope scope, Evaluation e, Cycle c) {
		if (!c.open() || (e.step() != Step.SELF && e.step() != Step.OPINION) || e.opinionLevel() != null
				|| VnText.today().isAfter(c.selfUntil())) {
			return false;
		}
		return e.member() ? scope.isSelf(e.memberId()) : scope.covers(Capability.WRITE_MEMBERS, e.orgPath());
	}

	private static boolean canKeep(Scope scope, Evaluation e, Cycle c) {
		return c.open() && scope.covers(Capability.WRITE_MEMBERS, e.orgPath());
	}

	/** The competent level: the grassroots committee (or above) for a member; the level above for an organization. */
	private static boolean competent(Scope scope, Evaluation e) {
		String path = e.member() ? e.grassrootsPath() : e.parentPath();
		if (!e.member() && path.equals(e.orgPath())) {
			return false;
		}
		return scope.covers(Capability.MANAGE_ORGANIZATIONS, path);
	}

	private Evaluation forUpdate(Scope scope, long id) {
		return repo.findForUpdate(id, EvaluationRepository.Who.of(scope)).orElseThrow(() -> new NotFound("evaluation " + id));
	}

	private Cycle openCycle(Evaluation e) {
		return requireOpen(repo.cycle(e.cycleId()).orElseThrow());
	}

	private static Cycle requireOpen(Cycle c) {
		if (!c.open()) {
			throw new InvalidInput("Đợt đánh giá", "không đang mở (" + c.statusVi().toLowerCase() + ")");
		}
		return c;
	}

	// ================================================================== step 1: self-assessment

	/** A self-assessment as typed: a score per criterion code, the tasks figures, the level proposed, the texts. */
	public record SelfInput(Map<String, String> scores, @Nullable String tasksDone, @Nullable String tasksOnTime,
			@Nullable String tasksExceeded, @Nullable String level, Map<String, String> texts, @Nullable Integer version) {
	}

	/** Saves (and submits) the self-assessment; returns the evaluation as saved (its total computed). */
	@Transactional
	public Evaluation selfAssess(Scope scope, long id, SelfInput in) {
		Evaluation e = forUpdate(scope, id);
		var context = repo.selfContext(e);
		Cycle c = requireOpen(context.cycle());
		if (e.member() ? !scope.isSelf(e.memberId()) : !scope.covers(Capability.WRITE_MEMBERS, e.orgPath())) {
			throw new Denied(e.member() ? "Chỉ chính đảng viên tự đánh giá được" : "Chỉ người giữ hồ sơ của tổ chức tự đánh giá được");
		}
		if (e.step() == Step.NOT_CLASSIFIED) {
			throw new InvalidInput("Tự đánh giá", "đối tượng không xếp loại: " + e.notClassifiedReason());
		}
		if ((e.step() != Step.SELF && e.step() != Step.OPINION) || e.opinionLevel() != null) {
			throw new InvalidInput("Tự đánh giá", "bước tự đánh giá đã qua (" + e.step().vi().toLowerCase() + ")");
		}
		if (VnText.today().isAfter(c.selfUntil())) {
			throw new InvalidInput("Tự đánh giá", "đã hết hạn ngày " + VnText.date(c.selfUntil()) + "; đề nghị cấp ủy gia hạn");
		}
		if (in.version() != null && in.version() != e.version()) {
			throw stale();
		}
		CriteriaSet set = criteriaOf(e);
		List<Problem> problems = new ArrayList<>();
		Map<String, BigDecimal> scores = new LinkedHashMap<>();
		BigDecimal total = BigDecimal.ZERO;
		for (Criterion cr : set.criteria()) {
			String raw = in.scores().getOrDefault(cr.code(), "").trim().replace(',', '.');
			String field = "Điểm “" + cr.label() + "”";
			if (raw.isEmpty()) {
				problems.add(new Problem(field, "chưa chấm"));
				continue;
			}
			BigDecimal v;
			try {
				v = new BigDecimal(raw);
			}
			catch (NumberFormatException x) {
				problems.add(new Problem(field, "“" + raw + "” không phải một số"));
				continue;
			}
			if (v.signum() < 0 || v.compareTo(cr.max()) > 0) {
				problems.add(new Problem(field, "phải từ 0 đến " + cr.max().stripTrailingZeros().toPlainString() + " (đã nhập " + raw + ")"));
				continue;
			}
			if (v.scale() > 2) {
				problems.add(new Problem(field, "lấy tối đa hai chữ số thập phân"));
				continue;
			}
			scores.put(cr.code(), v);
			total = total.add(v);
		}
		for (String code : in.scores().keySet()) {
			if (set.criteria().stream().noneMatch(cr -> cr.code().equals(code))) {
				problems.add(new Problem("Điểm", "tiêu chí “" + code + "” không có trong bộ tiêu chí"));
			}
		}
		Integer done = integer(in.tasksDone(), 0, 100, "Tỷ lệ nhiệm vụ hoàn thành (%)", problems);
		Integer onTime = integer(in.tasksOnTime(), 0, 100, "Tỷ lệ nhiệm vụ đúng hạn (%)", problems);
		Integer exceeded = integer(in.tasksExceeded(), 0, 100, "Tỷ lệ nhiệm vụ vượt yêu cầu (%)", problems);
		if (done != null && onTime != null && onTime > done) {
			problems.add(new Problem("Tỷ lệ nhiệm vụ đúng hạn (%)", "không thể lớn hơn tỷ lệ hoàn thành"));
		}
		Map<String, String> texts = new LinkedHashMap<>();
		int before = context.openFromBefore() + (e.memberId() != null ? meetings.openShortcomings(scope, e.memberId()) : 0);
		for (String f : TEXT_FIELDS) {
			String v = in.texts().getOrDefault(f, "").trim();
			boolean required = !"previous".equals(f) || before > 0;
			if (v.isEmpty() && required) {
				problems.add(new Problem(TEXT_LABELS.get(f), "previous".equals(f)
						? "chưa viết (còn " + before + " hạn chế đã chỉ ra chưa khắc phục xong)" : "chưa viết"));
			}
			if (v.length() > 10000) {
				problems.add(new Problem(TEXT_LABELS.get(f), "dài quá 10.000 ký tự"));
			}
			texts.put(f, v);
		}
		if ("ANNUAL".equals(c.kind()) && e.member() && context.quarterly()) {
			String v = in.texts().getOrDefault(Q4_FIELD, "").trim();
			if (v.isEmpty()) {
				problems.add(new Problem(Q4_LABEL, "chưa viết (không đánh giá riêng quý IV: kết quả quý IV cùng kết quả các quý I–III là cơ sở xếp loại cả năm — HD 43-HD/BTCTW)"));
			}
			else if (v.length() > 10000) {
				problems.add(new Problem(Q4_LABEL, "dài quá 10.000 ký tự"));
			}
			texts.put(Q4_FIELD, v);
		}
		Grade proposed = Grade.of(in.level());
		if (proposed == null) {
			problems.add(new Problem("Mức tự xếp loại", "chưa chọn"));
		}
		if (problems.isEmpty()) {
			var ceiling = Classification.ceiling(onTime, exceeded, done, e.disciplineRef(), e.degradationRef(), e.civilServant(),
					e.stateLevel(), before);
			Grade expected = ceiling.apply(Classification.band(total, repo.bands(c.regulation())));
			if (proposed != expected) {
				problems.add(new Problem("Mức tự xếp loại", "“" + proposed.vi() + "” không khớp với " + total.stripTrailingZeros().toPlainString()
						+ " điểm" + (ceiling.reasons().isEmpty() ? "" : " và điều kiện: " + String.join("; ", ceiling.reasons()))
						+ " — mức đúng là “" + expected.vi() + "”"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Map<String, Object> params = new HashMap<>();
		params.put("scores", EvaluationRepository.JSON.writeValueAsString(scores));
		params.put("total", total);
		params.put("level", proposed.name());
		params.put("done", done);
		params.put("onTime", onTime);
		params.put("exceeded", exceeded);
		params.put("text", EvaluationRepository.JSON.writeValueAsString(texts));
		params.put("by", scope.username());
		Evaluation saved = repo.updateAndRecord(id, e.version(), """
				scores = cast(:scores as jsonb), self_total = :total, self_level = :level, tasks_done = :done,
				tasks_on_time = :onTime, tasks_exceeded = :exceeded, self_text = cast(:text as jsonb), self_by = :by,
				self_at = now(), step = 'OPINION'""", params, e.selfAt() == null ? "SELF_SUBMIT" : "SELF_UPDATE", e.step(),
				Step.OPINION, proposed, Map.of("total", total), scope.username()).orElseThrow(EvaluationManagement::stale);
		if (!e.member()) {
			audit(scope, "EVALUATION_SELF", "evaluation", id, e.orgPath(), "Tự đánh giá của " + e.subjectName() + ": " + proposed.vi(), null);
		}
		return saved;
	}

	// ================================================================== conclusions recorded with references

	/** What a competent body concluded, with its reference: they cap or force the level. Null or blank clears it. */
	public record Conclusions(boolean civilServant, @Nullable String stateLevel, @Nullable String stateRef,
			@Nullable String disciplineRef, @Nullable String degradationRef, @Nullable String peerGroup,
			@Nullable String subjectGroup) {
	}

	@Transactional
	public void recordConclusions(Scope scope, long id, Conclusions in) {
		Evaluation e = forUpdate(scope, id);
		Cycle c = openCycle(e);
		if (!canKeep(scope, e, c)) {
			throw new Denied("Chỉ người giữ hồ sơ của chi bộ, tổ chức ghi được");
		}
		if (e.step() == Step.DECIDED || e.step() == Step.NOT_CLASSIFIED) {
			throw new InvalidInput("Kết luận", "kết quả đã quyết định và khóa; muốn sửa phải có khiếu nại");
		}
		List<Problem> problems = new ArrayList<>();
		Grade state = Grade.of(in.stateLevel());
		if (in.stateLevel() != null && !in.stateLevel().isBlank() && state == null) {
			problems.add(new Problem("Kết quả đánh giá công chức, viên chức", "mức không hợp lệ"));
		}
		String stateRef = blankToNull(in.stateRef());
		if (state != null && stateRef == null) {
			problems.add(new Problem("Văn bản đánh giá công chức, viên chức", "ghi số, ký hiệu hoặc ngày của kết quả đánh giá"));
		}
		if (state != null && !e.member()) {
			problems.add(new Problem("Kết quả đánh giá công chức, viên chức", "chỉ dành cho đảng viên"));
		}
		if (state != null && !in.civilServant()) {
			problems.add(new Problem("Là công chức, viên chức", "đánh dấu khi ghi kết quả đánh giá công chức, viên chức"));
		}
		SubjectGroup group = e.group();
		if (in.subjectGroup() != null && !in.subjectGroup().isBlank()) {
			try {
				group = SubjectGroup.valueOf(in.subjectGroup());
			}
			catch (IllegalArgumentException x) {
				problems.add(new Problem("Nhóm đối tượng", "không hợp lệ"));
			}
			if (group.individual() != e.member()) {
				problems.add(new Problem("Nhóm đối tượng", "không hợp với loại đối tượng"));
			}
			if (group != e.group() && e.selfAt() != null) {
				problems.add(new Problem("Nhóm đối tượng", "đã tự đánh giá theo mẫu " + e.group().form() + "; không đổi được nữa"));
			}
		}
		String peer = in.peerGroup() == null || in.peerGroup().isBlank() ? group.name() : in.peerGroup().trim();
		if (peer.length() > 100) {
			problems.add(new Problem("Nhóm chức danh tương đồng", "dài quá 100 ký tự"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Map<String, Object> params = new HashMap<>();
		params.put("cs", in.civilServant());
		params.put("state", state == null ? null : state.name());
		params.put("stateRef", stateRef);
		params.put("disc", blankToNull(in.disciplineRef()));
		params.put("degr", blankToNull(in.degradationRef()));
		params.put("peer", peer);
		params.put("group", group.name());
		if (repo.update(id, e.version(), """
				civil_servant = :cs, state_level = :state, state_ref = :stateRef, discipline_ref = :disc,
				degradation_ref = :degr, peer_group = :peer, subject_group = :group""", params) == 0) {
			throw stale();
		}
		Map<String, Object> details = new LinkedHashMap<>(params);
		details.values().removeIf(java.util.Objects::isNull);
		repo.history(id, "CONCLUSIONS", e.step(), e.step(), null, details, scope.username());
		audit(scope, "EVALUATION_CONCLUSIONS", "evaluation", id, e.orgPath(), "Ghi kết luận, căn cứ của " + e.subjectName(), details);
	}

	// ================================================================== step 2: opinions

	/** The cell's (or collective's) proposal by vote. */
	public record OpinionInput(@Nullable String level, @Nullable String present, @Nullable String votesFor,
			@Nullable String votesAgainst, @Nullable String abstain, @Nullable String meetingId, @Nullable String note) {
	}

	@Transactional
	public void recordOpinion(Scope scope, long id, OpinionInput in) {
		Evaluation e = forUpdate(scope, id);
		Cycle c = openCycle(e);
		if (!canKeep(scope, e, c)) {
			throw new Denied("Chỉ người giữ hồ sơ của chi bộ ghi được ý kiến của chi bộ");
		}
		if (e.step() != Step.OPINION) {
			throw new InvalidInput("Ý kiến của chi bộ", e.step() == Step.SELF ? "chưa có bản tự đánh giá"
					: "bước này đã qua (" + e.step().vi().toLowerCase() + ")");
		}
		List<Problem> problems = new ArrayList<>();
		Grade level = Grade.of(in.level());
		if (level == null) {
			problems.add(new Problem("Mức chi bộ đề xuất", "chưa chọn"));
		}
		Integer present = integer(in.present(), 1, 100000, "Số có mặt", problems);
		Integer yes = integer(in.votesFor(), 0, 100000, "Số tán thành", problems);
		Integer no = integer(in.votesAgainst(), 0, 100000, "Số không tán thành", problems);
		Integer abstain = in.abstain() == null || in.abstain().isBlank() ? Integer.valueOf(0)
				: integer(in.abstain(), 0, 100000, "Số không biểu quyết", problems);
		Long meetingId = null;
		if (in.meetingId() != null && !in.meetingId().isBlank()) {
			try {
				meetingId = Long.parseLong(in.meetingId().trim());
				Meeting m = meetings.get(scope, meetingId);
				if (m.organizationId() != e.organizationId()) {
					problems.add(new Problem("Buổi sinh hoạt", "không phải của " + e.orgName()));
				}
				else if (!"HELD".equals(m.status())) {
					problems.add(new Problem("Buổi sinh hoạt", "chưa ghi điểm danh"));
				}
				else if (present != null && present != m.present()) {
					problems.add(new Problem("Số có mặt", "buổi sinh hoạt ngày " + VnText.date(m.date()) + " có " + m.present()
							+ " người có mặt theo điểm danh, không phải " + present));
				}
			}
			catch (NumberFormatException | NotFound x) {
				problems.add(new Problem("Buổi sinh hoạt", "không tìm thấy"));
			}
		}
		long members = organizations.counts(scope, e.organizationId()).stream()
			.filter(x -> Set.of("OFFICIAL", "PROBATIONARY").contains(x.status())).mapToLong(vn.dangvu.organizations.StatusCount::count).sum();
		if (present != null && present > members) {
			problems.add(new Problem("Số có mặt", present + " vượt số đảng viên của " + e.orgName() + " (" + members + ")"));
		}
		if (present != null && yes != null && no != null && abstain != null) {
			if (yes + no + abstain > present) {
				problems.add(new Problem("Kết quả biểu quyết", "tổng " + (yes + no + abstain) + " phiếu vượt số có mặt (" + present + ")"));
			}
			else if (yes * 2 <= present) {
				problems.add(new Problem("Số tán thành", yes + "/" + present + " chưa quá một nửa số có mặt: đề xuất chưa được thông qua"));
			}
		}
		if (level != null) {
			var ceiling = ceiling(e, openFromBefore(scope, e));
			checkCeiling(ceiling, level, "Mức chi bộ đề xuất", problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Map<String, Object> params = new HashMap<>();
		params.put("level", level.name());
		params.put("present", present);
		params.put("yes", yes);
		params.put("no", no);
		params.put("abstain", abstain);
		params.put("meeting", meetingId);
		params.put("note", blankToNull(in.note()));
		params.put("by", scope.username());
		if (repo.update(id, e.version(), """
				opinion_level = :level, opinion_present = :present, opinion_for = :yes, opinion_against = :no,
				opinion_abstain = :abstain, opinion_meeting_id = :meeting, opinion_note = :note, opinion_by = :by,
				opinion_at = now(), step = 'APPRAISAL'""", params) == 0) {
			throw stale();
		}
		repo.history(id, "OPINION", e.step(), Step.APPRAISAL, level,
				Map.of("present", present, "for", yes, "against", no, "abstain", abstain), scope.username());
		audit(scope, "EVALUATION_OPINION", "evaluation", id, e.orgPath(), "Chi bộ đề xuất " + e.subjectName() + ": " + level.vi(),
				Map.of("present", present, "for", yes));
	}

	/** An opinion of another participating body (workplace collective, residence cell) or a comment. */
	@Transactional
	public void addOpinion(Scope scope, long id, @Nullable String source, @Nullable String body, @Nullable String content,
			@Nullable String proposed) {
		Evaluation e = forUpdate(scope, id);
		Cycle c = openCycle(e);
		if (!canKeep(scope, e, c)) {
			throw new Denied("Chỉ người giữ hồ sơ của chi bộ ghi được ý kiến");
		}
		List<Problem> problems = new ArrayList<>();
		if (!Set.of("CELL", "WORKPLACE", "RESIDENCE", "OTHER").contains(source == null ? "" : source)) {
			problems.add(new Problem("Nơi cho ý kiến", "chọn chi bộ, nơi công tác, nơi cư trú hoặc khác"));
		}
		String b = text(body, "Tên tập thể, tổ chức cho ý kiến", 2, 300, problems, true);
		String t = text(content, "Nội dung ý kiến", 2, 5000, problems, true);
		Grade p = Grade.of(proposed);
		if (e.step() == Step.DECIDED || e.step() == Step.NOT_CLASSIFIED) {
			problems.add(new Problem("Ý kiến", "kết quả đã quyết định"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		repo.addOpinion(id, source, b, t, p, scope.username());
		audit(scope, "EVALUATION_OPINION_ADD", "evaluation", id, e.orgPath(), "Ý kiến về " + e.subjectName() + " của " + b, null);
	}

	/** The committee of the place (or the competent committee for it) records the place's review while the cycle runs. */
	private static boolean canRecordPlace(Scope scope, Evaluation e, Cycle c, Evaluation.Place p) {
		return c.open() && e.step() != Step.DECIDED && e.step() != Step.NOT_CLASSIFIED && mayRecordPlace(scope, e, p);
	}

	private static boolean mayRecordPlace(Scope scope, Evaluation e, Evaluation.Place p) {
		return scope.covers(Capability.WRITE_MEMBERS, p.orgPath()) || competent(scope, e);
	}

	/**
	 * Records the review of a cadre at another organization where they hold a post (HD 43-HD/BTCTW: a cadre with
	 * several posts is reviewed in each place): its comments and the level it proposes. Recorded once; a correction
	 * goes through a complaint like any other step.
	 */
	@Transactional
	public void recordPlace(Scope scope, long id, long placeId, @Nullable String content, @Nullable String proposed) {
		Evaluation e = forUpdate(scope, id);
		openCycle(e);
		Evaluation.Place place = repo.places(id).stream().filter(p -> p.id() == placeId).findFirst()
			.orElseThrow(() -> new NotFound("review place " + placeId));
		if (!mayRecordPlace(scope, e, place)) {
			throw new Denied("Chỉ cấp ủy nơi " + e.subjectName() + " giữ chức vụ (hoặc cấp ủy có thẩm quyền) ghi được ý kiến kiểm điểm ở nơi đó");
		}
		List<Problem> problems = new ArrayList<>();
		String t = text(content, "Nội dung kiểm điểm ở " + place.orgName(), 2, 5000, problems, true);
		Grade g = Grade.of(proposed);
		if (proposed != null && !proposed.isBlank() && g == null) {
			problems.add(new Problem("Mức đề xuất", "“" + proposed + "” không phải một mức xếp loại"));
		}
		if (e.step() == Step.DECIDED) {
			problems.add(new Problem("Kiểm điểm ở nơi giữ chức vụ", "kết quả đã quyết định"));
		}
		if (place.recorded()) {
			problems.add(new Problem("Kiểm điểm ở " + place.orgName(), "đã ghi trước đó (" + place.recordedBy() + ")"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (!repo.recordPlace(id, placeId, t, g, scope.username())) {
			throw stale();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("place", place.orgName());
		if (g != null) {
			details.put("proposed", g.name());
		}
		repo.history(id, "PLACE_REVIEW", e.step(), e.step(), g, details, scope.username());
		audit(scope, "EVALUATION_PLACE_REVIEW", "evaluation", id, e.orgPath(), "Kiểm điểm " + e.subjectName() + " ở " + place.orgName(),
				details);
	}

	// ================================================================== step 3: appraisal

	@Transactional
	public void appraise(Scope scope, long id, @Nullable String level, @Nullable String total, @Nullable String reason) {
		Evaluation e = forUpdate(scope, id);
		Cycle c = openCycle(e);
		if (!competent(scope, e)) {
			throw new Denied("Chỉ cơ quan tổ chức của cấp ủy có thẩm quyền thẩm định được");
		}
		if (e.step() != Step.APPRAISAL) {
			throw new InvalidInput("Thẩm định", "chưa đến bước này hoặc đã qua (" + e.step().vi().toLowerCase() + ")");
		}
		List<Problem> problems = new ArrayList<>();
		Grade g = Grade.of(level);
		if (g == null) {
			problems.add(new Problem("Mức đề xuất sau thẩm định", "chưa chọn"));
		}
		BigDecimal t = null;
		if (total != null && !total.isBlank()) {
			try {
				t = new BigDecimal(total.trim().replace(',', '.'));
				if (t.signum() < 0 || t.compareTo(BigDecimal.valueOf(100)) > 0) {
					problems.add(new Problem("Điểm sau thẩm định", "phải từ 0 đến 100"));
				}
			}
			catch (NumberFormatException x) {
				problems.add(new Problem("Điểm sau thẩm định", "“" + total + "” không phải một số"));
			}
		}
		String why = blankToNull(reason);
		if (g != null && (g != e.opinionLevel() || g != e.selfLevel()) && why == null) {
			problems.add(new Problem("Lý do", "mức thẩm định khác mức tự đánh giá hoặc chi bộ đề xuất: phải ghi lý do"));
		}
		QuarterBasis quarters = g == null ? null : quarterBasis(scope, c, e, t);
		if (quarters != null && quarters.referenceLevel() != null && g.above(quarters.referenceLevel()) && why == null) {
			problems.add(new Problem("Lý do", "mức thẩm định cao hơn mức tham chiếu “" + quarters.referenceLevel().vi()
					+ "” từ kết quả các quý và cả năm (bình quân " + quarters.reference().stripTrailingZeros().toPlainString()
					+ " điểm — " + quarters.rule() + "): phải ghi lý do"));
		}
		if (g != null) {
			var ceiling = ceiling(e, openFromBefore(scope, e));
			checkCeiling(ceiling, g, "Mức đề xuất sau thẩm định", problems);
			if (t != null && problems.isEmpty()) {
				Grade expected = ceiling.apply(Classification.band(t, repo.bands(c.regulation())));
				if (expected != g) {
					problems.add(new Problem("Mức đề xuất sau thẩm định", "không khớp với " + t.stripTrailingZeros().toPlainString()
							+ " điểm — mức đúng là “" + expected.vi() + "”"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Map<String, Object> params = new HashMap<>();
		params.put("level", g.name());
		params.put("total", t);
		params.put("reason", why);
		params.put("by", scope.username());
		if (repo.update(id, e.version(), """
				appraisal_level = :level, appraisal_total = :total, appraisal_reason = :reason, appraisal_by = :by,
				appraisal_at = now(), step = 'DECISION'""", params) == 0) {
			throw stale();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		if (why != null) {
			details.put("reason", why);
		}
		if (quarters != null && quarters.reference() != null) {
			details.put("quarterReference", quarters.reference());
		}
		repo.history(id, "APPRAISAL", e.step(), Step.DECISION, g, details, scope.username());
		audit(scope, "EVALUATION_APPRAISAL", "evaluation", id, e.orgPath(), "Thẩm định " + e.subjectName() + ": " + g.vi(), details);
	}

	// ================================================================== step 4: decision, quota, order

	/** The HTXSNV quota of one grassroots organization and peer group, live. */
	public record Quota(long grassrootsId, String grassrootsName, String peerGroup, int percent, Map<Grade, Integer> decided,
			Map<Grade, Integer> current, String reference) {

		/** The ceiling on HTXSNV: the percent of HTTNV (decided or currently proposed), rounded down. */
		public int ceiling() {
			return current.getOrDefault(Grade.HTTNV, 0) * percent / 100;
		}

		public int roomLeft() {
			return ceiling() - decided.getOrDefault(Grade.HTXSNV, 0);
		}

		public boolean proposedOver() {
			return current.getOrDefault(Grade.HTXSNV, 0) > ceiling();
		}
	}

	public Quota quota(Scope scope, long cycleId, long grassrootsId, String peerGroup) {
		Cycle c = cycle(scope, cycleId);
		String path = organizations.get(scope, grassrootsId).path();
		if (!scope.covers(Capability.READ_MEMBERS, path)) {
			throw new NotFound("organization " + grassrootsId);
		}
		return quota(c, grassrootsId, peerGroup, -1);
	}

	/** The live quota of every grassroots organization and peer group of the cycle in the organization's subtree. */
	public List<Quota> quotas(Scope scope, long cycleId, long orgId) {
		Cycle c = cycle(scope, cycleId);
		OrganizationSummary org = readable(scope, orgId);
		return repo.quotaGroups(cycleId, org.path(), EvaluationRepository.Who.of(scope)).stream()
			.map(g -> quota(c, g.getKey(), g.getValue(), -1)).toList();
	}

	private Quota quota(Cycle c, long grassrootsId, String peerGroup, long exceptId) {
		var counts = repo.quotaCounts(c.id(), grassrootsId, peerGroup, exceptId);
		String name = organizations.find(grassrootsId).map(OrganizationSummary::name).orElse(String.valueOf(grassrootsId));
		return new Quota(grassrootsId, name, peerGroup, c.quotaPercent(), counts.decided(), counts.current(), c.quotaRef());
	}

	public record DecisionInput(@Nullable String level, @Nullable String decisionRef, @Nullable String decidedOn,
			@Nullable String quotaException) {
	}

	/** Decides one subject; returns the warnings about order the cycle only warns about. */
	@Transactional
	public List<String> decide(Scope scope, long id, DecisionInput in) {
		Evaluation e = forUpdate(scope, id);
		Cycle c = openCycle(e);
		return decide(scope, e, c, Grade.of(in.level()), in.decisionRef(), in.decidedOn(), in.quotaException());
	}

	/**
	 * Null if deciding {@code level} keeps the group within the quota, or does not take it further over it; else
	 * what is wrong. Decided HTXSNV are counted against the percent of HTTNV decided or currently proposed.
	 */
	private @Nullable String overQuota(Cycle c, Evaluation e, Grade level) {
		// Only the counts: the decision needs no name of the grassroots organization (one query less per decision).
		var others = repo.quotaCounts(c.id(), e.grassrootsId(), e.peerGroup(), e.id());
		Grade now = e.current();
		int excellentBefore = others.decided().getOrDefault(Grade.HTXSNV, 0);
		int goodBefore = others.current().getOrDefault(Grade.HTTNV, 0) + (now == Grade.HTTNV ? 1 : 0);
		int excellent = excellentBefore + (level == Grade.HTXSNV ? 1 : 0);
		int good = others.current().getOrDefault(Grade.HTTNV, 0) + (level == Grade.HTTNV ? 1 : 0);
		int ceiling = good * c.quotaPercent() / 100;
		int overBefore = excellentBefore - goodBefore * c.quotaPercent() / 100;
		int over = excellent - ceiling;
		if (over <= 0 || (level != Grade.HTXSNV && over <= overBefore)) {
			return null;
		}
		return "vượt trần: " + excellent + " người Hoàn thành xuất sắc, trần là " + c.quotaPercent() + "% của " + good
				+ " người Hoàn thành tốt = " + ceiling + " (tổ chức cơ sở mã " + e.grassrootsId() + ", nhóm " + e.peerGroup() + ")";
	}

	private List<String> decide(Scope scope, Evaluation e, Cycle c, @Nullable Grade level, @Nullable String ref,
			@Nullable String on, @Nullable String exception) {
		if (!competent(scope, e)) {
			throw new Denied(e.member() ? "Chỉ cấp ủy cơ sở (hoặc cấp trên) quyết định xếp loại đảng viên"
					: "Chỉ ban thường vụ cấp ủy cấp trên trực tiếp quyết định xếp loại tổ chức");
		}
		if (e.step() != Step.DECISION) {
			throw new InvalidInput("Quyết định xếp loại", e.step() == Step.DECIDED ? "đã quyết định và khóa; muốn sửa phải có khiếu nại"
					: "chưa qua thẩm định (" + e.step().vi().toLowerCase() + ")");
		}
		List<Problem> problems = new ArrayList<>();
		if (level == null) {
			problems.add(new Problem("Mức xếp loại", "chưa chọn"));
		}
		String decisionRef = text(ref, "Số, ký hiệu quyết định", 3, 100, problems, true);
		if (decisionRef != null && !decisionRef.contains("/")) {
			problems.add(new Problem("Số, ký hiệu quyết định", "viết theo dạng số-ký hiệu, ví dụ 125-QĐ/ĐU"));
		}
		LocalDate decidedOn = date(on, "Ngày quyết định", problems, true);
		if (decidedOn != null && decidedOn.isAfter(VnText.today())) {
			problems.add(new Problem("Ngày quyết định", "không được sau hôm nay"));
		}
		if (e.member() && e.civilServant() && e.stateLevel() == null) {
			problems.add(new Problem("Kết quả đánh giá công chức, viên chức", "chưa có: đảng viên là công chức, viên chức được đánh giá công chức trước (hạn "
					+ VnText.date(c.stateUntil()) + ") rồi mới xếp loại đảng viên"));
		}
		if (level != null) {
			var ceiling = ceiling(e, openFromBefore(scope, e));
			checkCeiling(ceiling, level, "Mức xếp loại", problems);
		}
		String why = blankToNull(exception);
		if (level != null && e.member() && problems.isEmpty()) {
			String over = overQuota(c, e, level);
			if (over == null) {
				why = null;
			}
			else if (why == null) {
				problems.add(new Problem("Tỷ lệ Hoàn thành xuất sắc", over + "; chỉ quyết định được khi ghi là trường hợp ngoại lệ, có lý do ("
						+ c.quotaRef() + ")"));
			}
		}
		List<String> warnings = new ArrayList<>();
		for (var broken : orderProblems(e, c)) {
			switch (c.orderFor(broken.getKey())) {
				case "REFUSE" -> problems.add(new Problem("Thứ tự các bước", broken.getValue()));
				case "WARN" -> warnings.add(broken.getValue());
				default -> {
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Map<String, Object> params = new HashMap<>();
		params.put("level", level.name());
		params.put("ref", decisionRef);
		params.put("on", decidedOn);
		params.put("by", scope.username());
		params.put("exception", why);
		if (repo.update(e.id(), e.version(), """
				level = :level, decision_ref = :ref, decided_on = :on, decided_by = :by, quota_exception = :exception,
				step = 'DECIDED'""", params) == 0) {
			throw stale();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("decision", decisionRef);
		if (why != null) {
			details.put("quotaException", why);
		}
		if (!warnings.isEmpty()) {
			details.put("orderWarnings", warnings);
		}
		repo.history(e.id(), "DECISION", e.step(), Step.DECIDED, level, details, scope.username());
		audit(scope, "EVALUATION_DECISION", "evaluation", e.id(), e.orgPath(), "Quyết định xếp loại " + e.subjectName() + ": "
				+ level.vi() + " (" + decisionRef + ")", details);
		return warnings;
	}

	/** Lower levels before higher, collectives before their members, heads after their units: (rule, what is wrong). */
	private List<Map.Entry<String, String>> orderProblems(Evaluation e, Cycle c) {
		List<Map.Entry<String, String>> out = new ArrayList<>();
		if (!e.member()) {
			if ("ORGANIZATION".equals(e.subjectKind())) {
				long n = repo.undecidedChildren(c.id(), e.orgPath());
				if (n > 0) {
					out.add(Map.entry("LOWER_FIRST", n + " tổ chức đảng trực thuộc " + e.orgName()
							+ " chưa được quyết định xếp loại (cấp dưới trước, cấp trên sau)"));
				}
			}
			return out;
		}
		List<String> pending = repo.places(e.id()).stream().filter(p -> !p.recorded()).map(Evaluation.Place::orgName).toList();
		if (!pending.isEmpty()) {
			out.add(Map.entry("PLACES_FIRST", "chưa có kết quả kiểm điểm của " + e.subjectName() + " ở nơi giữ chức vụ: "
					+ String.join(", ", pending)));
		}
		List<Long> orgs = new ArrayList<>(e.headOf());
		orgs.add(e.organizationId());
		for (Evaluation o : repo.ofOrganizations(c.id(), orgs)) {
			if (o.step() == Step.DECIDED || o.step() == Step.NOT_CLASSIFIED) {
				continue;
			}
			if (e.headOf().contains(o.organizationId())) {
				out.add(Map.entry("HEADS_LAST", o.subjectName() + " chưa được quyết định xếp loại (người đứng đầu sau tổ chức mình phụ trách)"));
			}
			else {
				out.add(Map.entry("COLLECTIVE_FIRST", o.subjectName() + " chưa được quyết định xếp loại (tập thể trước, cá nhân sau)"));
			}
		}
		return out;
	}

	/**
	 * Decides every member of a grassroots organization waiting for decision at their appraised level under one
	 * decision, the quota checked on the whole list. Returns how many were decided and the order warnings.
	 */
	@Transactional
	public List<String> decideAll(Scope scope, long cycleId, long grassrootsId, @Nullable String ref, @Nullable String on,
			@Nullable String exception) {
		Cycle c = repo.cycle(cycleId).orElseThrow(() -> new NotFound("cycle " + cycleId));
		OrganizationSummary g = organizations.get(scope, grassrootsId);
		if (!scope.covers(Capability.MANAGE_ORGANIZATIONS, g.path())) {
			throw new Denied("Chỉ cấp ủy cơ sở (hoặc cấp trên) quyết định xếp loại đảng viên");
		}
		if (!c.open()) {
			throw new InvalidInput("Đợt đánh giá", "không đang mở");
		}
		var who = EvaluationRepository.Who.of(scope);
		List<Evaluation> waiting = repo.list(cycleId, g.path(), true, "MEMBER", "DECISION", null, 100000, 0, who).stream()
			.filter(e -> e.grassrootsId() == grassrootsId).toList();
		if (waiting.isEmpty()) {
			throw new InvalidInput("Quyết định xếp loại", "không có đảng viên nào đang chờ quyết định ở " + g.name());
		}
		// Quota on the whole list first: HTXSNV of the list plus those decided, against the ceiling of each peer group.
		List<Problem> problems = new ArrayList<>();
		Map<String, List<Evaluation>> byPeer = new LinkedHashMap<>();
		waiting.forEach(e -> byPeer.computeIfAbsent(e.peerGroup(), k -> new ArrayList<>()).add(e));
		for (var entry : byPeer.entrySet()) {
			Quota q = quota(c, grassrootsId, entry.getKey(), -1);
			int listed = (int) entry.getValue().stream().filter(e -> e.appraisalLevel() == Grade.HTXSNV).count();
			int excellent = q.decided().getOrDefault(Grade.HTXSNV, 0) + listed;
			if (listed > 0 && excellent > q.ceiling() && blankToNull(exception) == null) {
				problems.add(new Problem("Tỷ lệ Hoàn thành xuất sắc", "nhóm " + entry.getKey() + ": " + excellent
						+ " người Hoàn thành xuất sắc, trần là " + q.ceiling() + " (" + c.quotaPercent() + "% của "
						+ q.current().getOrDefault(Grade.HTTNV, 0) + " người Hoàn thành tốt); ghi trường hợp ngoại lệ có lý do, hoặc thẩm định lại"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		List<String> warnings = new ArrayList<>();
		for (Evaluation e : waiting) {
			Evaluation locked = forUpdate(scope, e.id());
			warnings.addAll(decide(scope, locked, c, locked.appraisalLevel(), ref, on, exception));
		}
		return warnings;
	}

	/** A complaint reopens a decided result for re-appraisal; the decision stays in the history. */
	@Transactional
	public void complain(Scope scope, long id, @Nullable String reason, @Nullable String ref) {
		Evaluation e = forUpdate(scope, id);
		openCycle(e);
		if (!competent(scope, e)) {
			throw new Denied("Chỉ cấp có thẩm quyền mở lại kết quả theo khiếu nại");
		}
		if (e.step() != Step.DECIDED) {
			throw new InvalidInput("Khiếu nại", "kết quả chưa được quyết định");
		}
		List<Problem> problems = new ArrayList<>();
		String why = text(reason, "Nội dung khiếu nại", 5, 5000, problems, true);
		String r = text(ref, "Số, ngày đơn khiếu nại", 2, 100, problems, true);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Map<String, Object> params = new HashMap<>();
		if (repo.update(id, e.version(), """
				level = null, decision_ref = null, decided_on = null, decided_by = null, quota_exception = null,
				appraisal_level = null, appraisal_total = null, appraisal_reason = null, step = 'APPRAISAL',
				reopened = reopened + 1""", params) == 0) {
			throw stale();
		}
		repo.history(id, "COMPLAINT", Step.DECIDED, Step.APPRAISAL, e.level(),
				Map.of("reason", why, "complaint", r, "previousDecision", e.decisionRef(), "previousLevel", e.level().name()),
				scope.username());
		audit(scope, "EVALUATION_COMPLAINT", "evaluation", id, e.orgPath(), "Mở lại kết quả của " + e.subjectName() + " theo khiếu nại " + r,
				Map.of("reason", why));
	}

	// ================================================================== remediation

	@Transactional
	public long addRemediation(Scope scope, long id, @Nullable String shortcoming, @Nullable String measure,
			@Nullable String dueOn) {
		Evaluation e = forUpdate(scope, id);
		if (!scope.covers(Capability.WRITE_MEMBERS, e.orgPath())) {
			throw new Denied("Chỉ người giữ hồ sơ của chi bộ, tổ chức ghi được việc khắc phục");
		}
		if (e.step() == Step.SELF || e.step() == Step.NOT_CLASSIFIED) {
			throw new InvalidInput("Việc khắc phục", "ghi sau khi có bản tự đánh giá");
		}
		List<Problem> problems = new ArrayList<>();
		String s = text(shortcoming, "Hạn chế, khuyết điểm", 2, 2000, problems, true);
		String m = text(measure, "Biện pháp khắc phục", 2, 2000, problems, true);
		LocalDate due = date(dueOn, "Thời hạn", problems, false);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long rid = repo.addRemediation(e, e.subjectName(), s, m, due, scope.username());
		audit(scope, "EVALUATION_REMEDIATION_ADD", "evaluation", id, e.orgPath(), "Việc khắc phục của " + e.subjectName() + ": " + s,
				Map.of("shortcoming", s, "measure", m));
		return rid;
	}

	@Transactional
	public void closeRemediation(Scope scope, long remediationId, @Nullable String note) {
		var r = repo.remediation(remediationId, EvaluationRepository.Who.of(scope))
			.orElseThrow(() -> new NotFound("remediation " + remediationId));
		String path = repo.remediationPath(remediationId);
		if (!scope.covers(Capability.WRITE_MEMBERS, path)) {
			throw new Denied("Chỉ người giữ hồ sơ của chi bộ, tổ chức xác nhận được việc khắc phục");
		}
		String n = blankToNull(note);
		if (n == null) {
			throw new InvalidInput("Kết quả khắc phục", "chưa nhập");
		}
		if (repo.closeRemediation(remediationId, n, scope.username()) == 0) {
			throw new InvalidInput("Việc khắc phục", "đã đóng");
		}
		audit(scope, "EVALUATION_REMEDIATION_CLOSE", "remediation", remediationId, path, "Đã khắc phục: " + r.shortcoming(),
				Map.of("note", n));
	}

	// ================================================================== two years KHTNV: the education list

	/** A member decided KHTNV two years running, with both decisions, and the cell's vote if recorded. */
	public record EducationCase(Evaluation thisYear, Evaluation lastYear,
			@Nullable EducationVote vote) {
	}

	public List<EducationCase> educationCases(Scope scope, long orgId, int year) {
		OrganizationSummary org = readable(scope, orgId);
		var who = EvaluationRepository.Who.of(scope);
		List<EducationCase> out = new ArrayList<>();
		for (long[] ids : repo.twoYearsKhtnv(org.path(), year, who)) {
			Evaluation now = repo.find(ids[0], who).orElseThrow();
			Evaluation before = repo.find(ids[1], who).orElse(null);
			if (before != null) {
				out.add(new EducationCase(now, before, repo.educationVote(ids[0]).orElse(null)));
			}
		}
		return out;
	}

	/**
	 * Records the cell's secret-ballot result: the member is placed on the list when at least two thirds of the
	 * cell's official members (exempted excluded) agree (HD 02-HD/BTCTW, DOMAIN §1.6 — verify).
	 */
	@Transactional
	public boolean recordEducationVote(Scope scope, long evaluationId, @Nullable String voters, @Nullable String agree,
			@Nullable String disagree, @Nullable String votedOn, @Nullable String note) {
		return recordEducationVote(scope, evaluationId, voters, agree, disagree, votedOn, note, null);
	}

	/** The same, held at a meeting of the cell: those voting cannot outnumber those present by its attendance. */
	@Transactional
	public boolean recordEducationVote(Scope scope, long evaluationId, @Nullable String voters, @Nullable String agree,
			@Nullable String disagree, @Nullable String votedOn, @Nullable String note, @Nullable String meetingId) {
		Evaluation e = forUpdate(scope, evaluationId);
		if (!e.member() || !scope.covers(Capability.WRITE_MEMBERS, e.orgPath())) {
			throw new Denied("Chỉ người giữ hồ sơ của chi bộ ghi được kết quả bỏ phiếu");
		}
		Cycle c = repo.cycle(e.cycleId()).orElseThrow();
		boolean eligible = educationCases(scope, e.organizationId(), c.year()).stream().anyMatch(x -> x.thisYear().id() == e.id());
		List<Problem> problems = new ArrayList<>();
		if (!eligible) {
			problems.add(new Problem("Đảng viên", "không thuộc diện hai năm liền không hoàn thành nhiệm vụ"));
		}
		if (repo.educationVote(evaluationId).isPresent()) {
			problems.add(new Problem("Kết quả bỏ phiếu", "đã ghi"));
		}
		int official = (int) organizations.counts(scope, e.organizationId()).stream().filter(s -> "OFFICIAL".equals(s.status()))
			.mapToLong(vn.dangvu.organizations.StatusCount::count).sum();
		Integer v = integer(voters, 1, 100000, "Số đảng viên bỏ phiếu", problems);
		Integer a = integer(agree, 0, 100000, "Số phiếu đồng ý", problems);
		Integer d = integer(disagree, 0, 100000, "Số phiếu không đồng ý", problems);
		LocalDate on = date(votedOn, "Ngày bỏ phiếu", problems, true);
		if (v != null && v > official) {
			problems.add(new Problem("Số đảng viên bỏ phiếu", v + " vượt số đảng viên chính thức của chi bộ (" + official + ")"));
		}
		Long meeting = null;
		if (meetingId != null && !meetingId.isBlank()) {
			try {
				Meeting m = meetings.get(scope, Long.parseLong(meetingId.trim()));
				meeting = m.id();
				if (m.organizationId() != e.organizationId() || !"HELD".equals(m.status())) {
					problems.add(new Problem("Buổi sinh hoạt", "không phải buổi sinh hoạt đã điểm danh của " + e.orgName()));
				}
				else if (v != null && v > m.present()) {
					problems.add(new Problem("Số đảng viên bỏ phiếu", v + " vượt số có mặt ở buổi sinh hoạt ngày " + VnText.date(m.date())
							+ " (" + m.present() + ")"));
				}
			}
			catch (NumberFormatException | NotFound x) {
				problems.add(new Problem("Buổi sinh hoạt", "không tìm thấy"));
			}
		}
		if (v != null && a != null && d != null && a + d > v) {
			problems.add(new Problem("Kết quả bỏ phiếu", "tổng " + (a + d) + " phiếu vượt số người bỏ phiếu (" + v + ")"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		boolean placed = a * 3 >= official * 2;
		repo.insertEducationVote(e, official, v, a, d, placed, meeting, on, blankToNull(note), scope.username());
		audit(scope, "EVALUATION_EDUCATION_VOTE", "evaluation", evaluationId, e.orgPath(), "Chi bộ bỏ phiếu kín về " + e.subjectName()
				+ ": " + a + "/" + official + " đồng ý — " + (placed ? "đưa vào danh sách giáo dục, giúp đỡ" : "không đủ hai phần ba"),
				Map.of("official", official, "agree", a, "placed", placed));
		return placed;
	}

	// ================================================================== roll-up

	/**
	 * Counts of one organization's subtree in a period: subject kind → state (step waited on, or level) → n; and of
	 * its (grassroots organization, peer group) groups with decisions, how many have more HTXSNV than the default
	 * ceiling ({@value #ROLL_UP_QUOTA} % of HTTNV decided).
	 */
	public record Counts(long organizationId, String name, String period, Map<String, Map<String, Long>> byKind) {

		/** Groups with decisions in the subtree (folded within a second of the decision). */
		public long quotaGroups() {
			return n("QUOTA", "GROUPS");
		}

		public long quotaOver() {
			return n("QUOTA", "OVER");
		}

		public long n(String kind, String state) {
			return byKind.getOrDefault(kind, Map.of()).getOrDefault(state, 0L);
		}

		public long total(String kind) {
			return byKind.getOrDefault(kind, Map.of()).values().stream().mapToLong(Long::longValue).sum();
		}

		public long classified(String kind) {
			long n = 0;
			for (Grade g : Grade.values()) {
				n += n(kind, g.name());
			}
			return n;
		}

		public String share(String kind, String state) {
			long all = classified(kind);
			return all == 0 ? "–" : BigDecimal.valueOf(100.0 * n(kind, state) / all).setScale(1, RoundingMode.HALF_UP) + "%";
		}
	}

	/** The ceiling the roll-up checks groups against; a cycle's own percent applies on its page and at its decisions. */
	public static final int ROLL_UP_QUOTA = 20;

	public Counts counts(Scope scope, long orgId, String period) {
		OrganizationSummary org = readable(scope, orgId);
		return new Counts(orgId, org.name(), period, repo.counts(orgId, period));
	}

	/** The roll-up table: the organization and each child, this period and the year before. */
	public record RollUp(Counts total, @Nullable Counts previous, List<Counts> children) {
	}

	public RollUp rollUp(Scope scope, long orgId, String period) {
		OrganizationSummary org = readable(scope, orgId);
		List<OrganizationSummary> kids = organizations.childrenUncounted(scope, org);
		var counts = repo.counts(kids.stream().map(OrganizationSummary::id).toList(), period);
		List<Counts> children = kids.stream().map(k -> new Counts(k.id(), k.name(), period, counts.getOrDefault(k.id(), Map.of())))
			.toList();
		String prev = previousPeriod(period);
		return new RollUp(new Counts(orgId, org.name(), period, repo.counts(orgId, period)),
				prev == null ? null : new Counts(orgId, org.name(), prev, repo.counts(orgId, prev)), children);
	}

	static @Nullable String previousPeriod(String period) {
		if (period.matches("\\d{4}")) {
			return String.valueOf(Integer.parseInt(period) - 1);
		}
		if (period.matches("\\d{4}-Q[1-3]")) {
			return (Integer.parseInt(period.substring(0, 4)) - 1) + period.substring(4);
		}
		return null;
	}

	// ================================================================== helpers

	private OrganizationSummary readable(Scope scope, long orgId) {
		return Inputs.readable(organizations, scope, orgId);
	}

	private Cycle cycle(Scope scope, long id) {
		return cycles.cycle(scope, id);
	}

	private void audit(Scope scope, String action, String type, long id, String path, String summary, @Nullable Map<String, ?> after) {
		Inputs.audit(events, scope, action, type, id, path, summary, after);
	}

	private static InvalidInput stale() {
		return new InvalidInput("Phiếu đánh giá", "vừa được người khác sửa; hãy tải lại trang rồi làm lại");
	}
}

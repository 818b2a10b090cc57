package vn.dangvu.evaluations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dangvu.organizations.Decision;
import vn.dangvu.organizations.DemoRegistry;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.shared.Denied;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Role;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;
import vn.dangvu.support.Fixtures;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The four steps for members and organizations in the second demo commune: self-assessment with the score and
 * the conditions checked, the cell's vote, appraisal with reasons, decision with its number, the quota, the
 * order of steps, complaints, remediation carried across cycles, two years of KHTNV, and the kept counters.
 */
@IntegrationTest
class EvaluationFlowTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistry demo;

	@Autowired
	EvaluationManagement evaluations;

	@Autowired
	CycleManagement cycles;

	@Autowired
	CycleOpener opener;

	@Autowired
	EvaluationRepository repo;

	@Autowired
	vn.dangvu.organizations.MemberManagement members;

	DemoRegistry.DemoIds ids;
	Scope province;
	Scope commune;
	LocalDate today = VnText.today();

	@BeforeEach
	void setUp() {
		ids = demo.ids().orElseThrow();
		province = Fixtures.scope(jdbc, Role.COMMITTEE_STAFF, ids.provinceId());
		commune = Fixtures.scope(jdbc, Role.COMMITTEE_STAFF, ids.otherCommuneId());
	}

	/** Cells of the second commune with their active, official members, largest first. */
	List<Long> cells() {
		return jdbc.sql("""
				select o.id from organizations.organization o join organizations.member m on m.organization_id = o.id
				where o.path <@ (select path from organizations.organization where id = :c) and o.level in ('CELL','GRASSROOTS_CELL')
				  and m.status = 'ACTIVE' and m.standing = 'OFFICIAL'
				group by o.id order by count(*) desc, o.id
				""").param("c", ids.otherCommuneId()).query(Long.class).list();
	}

	List<Long> officials(long cell, int n) {
		return jdbc.sql("""
				select m.id from organizations.member m where m.organization_id = :o and m.status = 'ACTIVE' and m.standing = 'OFFICIAL'
				  and not exists (select 1 from organizations.position p where p.member_id = m.id and p.ended_on is null)
				order by m.id limit :n
				""").param("o", cell).param("n", n).query(Long.class).list();
	}

	long adHoc(List<Long> members) {
		long id = cycles.createCycle(province, ids.otherCommuneId(), new CycleManagement.CycleInput("AD_HOC",
				String.valueOf(today.getYear()), null, "Đánh giá đột xuất (kiểm thử)", "Trước khi bổ nhiệm", "366-QĐ/TW",
				VnText.date(today.plusDays(5)), VnText.date(today.plusDays(6)), null, VnText.date(today.plusDays(7)),
				VnText.date(today.plusDays(8)), "WARN", "20", members));
		cycles.open(province, id);
		return id;
	}

	Evaluation of(long cycle, long member) {
		long id = jdbc.sql("select id from evaluations.evaluation where cycle_id = :c and member_id = :m").param("c", cycle)
			.param("m", member).query(Long.class).single();
		return repo.find(id, new EvaluationRepository.Who("{" + demo.pathOf(ids.centralId()) + "}", -1)).orElseThrow();
	}

	static Scope self(Evaluation e) {
		return new Scope(-1, "test-member", e.memberId(), e.organizationId(), List.of());
	}

	Scope secretary(Evaluation e) {
		return Fixtures.scope(jdbc, Role.CELL_SECRETARY, e.organizationId());
	}

	EvaluationManagement.SelfInput selfInput(Evaluation e, double share, String exceeded, Grade level) {
		CriteriaSet set = repo.set(repo.cycleCriteria(e.cycleId()).get(e.group())).orElseThrow();
		Map<String, String> scores = new HashMap<>();
		for (Criterion c : set.criteria()) {
			scores.put(c.code(), c.max().multiply(BigDecimal.valueOf(share)).setScale(0, RoundingMode.DOWN).toPlainString());
		}
		return new EvaluationManagement.SelfInput(scores, "100", "100", exceeded, level.name(), Map.of("strengths",
				"Gương mẫu, tham gia đầy đủ sinh hoạt.", "shortcomings", "Có lúc chưa chủ động.", "remedies", "Chủ động hơn.",
				"previous", "Đã khắc phục một phần."), null);
	}

	/** Takes a member to the decision step at {@code level}. */
	void toDecision(Evaluation e, Grade level) {
		double share = switch (level) {
			case HTXSNV -> 0.95;
			case HTTNV -> 0.8;
			case HTNV -> 0.6;
			case KHTNV -> 0.4;
		};
		evaluations.selfAssess(self(e), e.id(), selfInput(e, share, level == Grade.HTXSNV ? "40" : "10", level));
		evaluations.recordOpinion(secretary(e), e.id(), new EvaluationManagement.OpinionInput(level.name(), "3", "3", "0", "0", null, null));
		evaluations.appraise(commune, e.id(), level.name(), null, null);
	}

	String step(long id) {
		return jdbc.sql("select step from evaluations.evaluation where id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void memberGoesThroughTheFourStepsWithEveryRuleChecked() {
		long cell = cells().get(0);
		long m = officials(cell, 1).get(0);
		long cycle = adHoc(List.of(m));
		Evaluation e = of(cycle, m);
		assertThat(e.step()).isEqualTo(Step.SELF);
		assertThat(e.group()).isIn(SubjectGroup.NON_SYSTEM, SubjectGroup.INDIVIDUAL);
		// The criteria set in use is frozen: its content can no longer change.
		long setId = repo.cycleCriteria(cycle).get(e.group());
		assertThatThrownBy(() -> jdbc.sql("update evaluations.criteria_set set criteria = '[]' where id = :id").param("id", setId).update())
			.hasMessageContaining("frozen");

		// Step 1: a score over the criterion's maximum, a level that contradicts the score; nobody else may write it.
		var over = selfInput(e, 0.8, "10", Grade.HTTNV);
		Map<String, String> bad = new HashMap<>(over.scores());
		bad.put("G1", "12");
		assertThatThrownBy(() -> evaluations.selfAssess(self(e), e.id(), new EvaluationManagement.SelfInput(bad, "100", "100", "10",
				"HTTNV", over.texts(), null))).isInstanceOfSatisfying(InvalidInput.class, x -> assertThat(x.getMessage())
					.contains("Điểm “Phẩm chất chính trị, tư tưởng”").contains("phải từ 0 đến 8"));
		assertThatThrownBy(() -> evaluations.selfAssess(self(e), e.id(), selfInput(e, 0.8, "10", Grade.HTXSNV)))
			.isInstanceOfSatisfying(InvalidInput.class, x -> assertThat(x.getMessage()).contains("Mức tự xếp loại")
				.contains("mức đúng là “Hoàn thành tốt nhiệm vụ”"));
		// 95% of every maximum is over 90 points, but fewer than 30% of tasks exceeded caps the level at HTTNV.
		assertThatThrownBy(() -> evaluations.selfAssess(self(e), e.id(), selfInput(e, 0.95, "10", Grade.HTXSNV)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("Hoàn thành xuất sắc cần từ 30%");
		assertThatThrownBy(() -> evaluations.selfAssess(secretary(e), e.id(), selfInput(e, 0.8, "10", Grade.HTTNV)))
			.isInstanceOf(Denied.class);
		assertThat(step(e.id())).isEqualTo("SELF");
		assertThat(jdbc.sql("select scores is null from evaluations.evaluation where id = :id").param("id", e.id()).query(Boolean.class).single()).isTrue();
		Evaluation saved = evaluations.selfAssess(self(e), e.id(), selfInput(e, 0.95, "40", Grade.HTXSNV));
		assertThat(saved.selfTotal()).isGreaterThanOrEqualTo(BigDecimal.valueOf(90));
		assertThat(saved.step()).isEqualTo(Step.OPINION);
		assertThat(saved.version()).isEqualTo(e.version() + 1);
		assertThat(step(e.id())).isEqualTo("OPINION");
		assertThat(jdbc.sql("select action from evaluations.history where evaluation_id = :id order by id desc limit 1")
			.param("id", e.id()).query(String.class).single()).isEqualTo("SELF_SUBMIT");

		// Step 2: votes over those present, a proposal without a majority, more present than the cell has members.
		Scope sec = secretary(e);
		assertThatThrownBy(() -> evaluations.recordOpinion(sec, e.id(), new EvaluationManagement.OpinionInput("HTXSNV", "3", "3", "1", "0", null, null)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("vượt số có mặt");
		assertThatThrownBy(() -> evaluations.recordOpinion(sec, e.id(), new EvaluationManagement.OpinionInput("HTXSNV", "4", "2", "2", "0", null, null)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("chưa quá một nửa");
		assertThatThrownBy(() -> evaluations.recordOpinion(sec, e.id(), new EvaluationManagement.OpinionInput("HTXSNV", "100000", "100000", "0", "0", null, null)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("vượt số đảng viên");
		// Linked to the cell's review meeting, those present must be the meeting's present by its attendance.
		var held = jdbc.sql("select id, present from meetings.meeting where organization_id = :o and status = 'HELD' and present >= 3 order by meeting_date desc limit 1")
			.param("o", cell).query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		assertThatThrownBy(() -> evaluations.recordOpinion(sec, e.id(), new EvaluationManagement.OpinionInput("HTTNV",
				String.valueOf(held[1] - 1), String.valueOf(held[1] - 1), "0", "0", String.valueOf(held[0]), null)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("người có mặt theo điểm danh, không phải " + (held[1] - 1));
		long otherMeeting = jdbc.sql("select id from meetings.meeting where organization_id <> :o and status = 'HELD' limit 1")
			.param("o", cell).query(Long.class).single();
		assertThatThrownBy(() -> evaluations.recordOpinion(sec, e.id(), new EvaluationManagement.OpinionInput("HTTNV", "3", "3", "0", "0",
				String.valueOf(otherMeeting), null))).isInstanceOf(InvalidInput.class).hasMessageContaining("Buổi sinh hoạt");
		assertThat(step(e.id())).isEqualTo("OPINION");
		// The member may no longer change the self-assessment once the cell has spoken.
		evaluations.recordOpinion(sec, e.id(), new EvaluationManagement.OpinionInput("HTTNV", String.valueOf(held[1]),
				String.valueOf(held[1] - 1), "1", "0", String.valueOf(held[0]), "Chi bộ đề nghị Hoàn thành tốt."));
		assertThat(jdbc.sql("select opinion_meeting_id from evaluations.evaluation where id = :id").param("id", e.id())
			.query(Long.class).single()).isEqualTo(held[0]);
		assertThatThrownBy(() -> evaluations.selfAssess(self(e), e.id(), selfInput(e, 0.95, "40", Grade.HTXSNV)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("bước tự đánh giá đã qua");

		// Step 3: the cell's secretary cannot appraise; a level different from the proposals needs a reason.
		assertThatThrownBy(() -> evaluations.appraise(sec, e.id(), "HTTNV", null, null)).isInstanceOf(Denied.class);
		assertThatThrownBy(() -> evaluations.appraise(commune, e.id(), "HTTNV", null, null))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("phải ghi lý do");
		assertThatThrownBy(() -> evaluations.appraise(commune, e.id(), "HTTNV", "95", "Theo ý kiến chi bộ"))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("không khớp với 95 điểm");
		evaluations.appraise(commune, e.id(), "HTTNV", null, "Theo ý kiến chi bộ");

		// A discipline recorded with its reference forces KHTNV: HTTNV is now refused.
		evaluations.recordConclusions(sec, e.id(), new EvaluationManagement.Conclusions(false, null, null, "15-QĐ/UBKT khiển trách", null, null, null));
		assertThatThrownBy(() -> evaluations.decide(commune, e.id(), new EvaluationManagement.DecisionInput("HTTNV", "125-QĐ/ĐU", VnText.date(today), null)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("bị kỷ luật trong năm (15-QĐ/UBKT khiển trách)");
		evaluations.recordConclusions(sec, e.id(), new EvaluationManagement.Conclusions(false, null, null, null, null, null, null));
		// A civil servant needs the state evaluation first; HTTNV as a civil servant caps the party level at HTTNV.
		evaluations.recordConclusions(sec, e.id(), new EvaluationManagement.Conclusions(true, null, null, null, null, null, null));
		assertThatThrownBy(() -> evaluations.decide(commune, e.id(), new EvaluationManagement.DecisionInput("HTTNV", "125-QĐ/ĐU", VnText.date(today), null)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("đánh giá công chức trước");
		evaluations.recordConclusions(sec, e.id(), new EvaluationManagement.Conclusions(true, "HTTNV", "QĐ 88/QĐ-UBND ngày 10/12", null, null, null, null));

		// Step 4: the number-symbol is checked; the cell's secretary may not decide; the result locks.
		assertThatThrownBy(() -> evaluations.decide(commune, e.id(), new EvaluationManagement.DecisionInput("HTTNV", "125", VnText.date(today), null)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("số-ký hiệu");
		assertThatThrownBy(() -> evaluations.decide(commune, e.id(), new EvaluationManagement.DecisionInput("HTXSNV", "125-QĐ/ĐU", VnText.date(today), null)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("vượt mức cho phép");
		assertThatThrownBy(() -> evaluations.decide(sec, e.id(), new EvaluationManagement.DecisionInput("HTTNV", "125-QĐ/ĐU", VnText.date(today), null)))
			.isInstanceOf(Denied.class);
		evaluations.decide(commune, e.id(), new EvaluationManagement.DecisionInput("HTTNV", "125-QĐ/ĐU", VnText.date(today), null));
		assertThat(step(e.id())).isEqualTo("DECIDED");
		assertThatThrownBy(() -> jdbc.sql("update evaluations.evaluation set level = 'HTXSNV' where id = :id").param("id", e.id()).update())
			.hasMessageContaining("locked");
		assertThatThrownBy(() -> evaluations.decide(commune, e.id(), new EvaluationManagement.DecisionInput("HTNV", "126-QĐ/ĐU", VnText.date(today), null)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("khiếu nại");

		// A complaint reopens it for re-appraisal; the first decision stays in the history.
		evaluations.complain(commune, e.id(), "Đảng viên đề nghị xem xét lại mức xếp loại", "Đơn ngày 20/12");
		assertThat(step(e.id())).isEqualTo("APPRAISAL");
		assertThat(repo.history(e.id())).extracting(Evaluation.History::action)
			.containsSubsequence("SELF_SUBMIT", "OPINION", "APPRAISAL", "DECISION", "COMPLAINT");
		assertThat(repo.history(e.id()).stream().filter(h -> "COMPLAINT".equals(h.action())).findFirst().orElseThrow().details())
			.contains("125-QĐ/ĐU");
		evaluations.appraise(commune, e.id(), "HTTNV", null, "Giữ nguyên sau khi xem xét khiếu nại");
		evaluations.decide(commune, e.id(), new EvaluationManagement.DecisionInput("HTTNV", "130-QĐ/ĐU", VnText.date(today), null));
		assertThat(evaluations.historyOf(province, m)).anySatisfy(x -> assertThat(x.level()).isEqualTo(Grade.HTTNV));
		assertThat(Fixtures.evaluationCounterMismatches(jdbc)).isZero();
		repo.fold();
		assertThat(Fixtures.quotaCounterMismatches(jdbc)).isZero();
	}

	@Test
	void quotaCeilingRefusesAnExcellentOverTwentyPercentUnlessRecordedAsException() {
		long cell = cells().get(0);
		List<Long> people = officials(cell, 7);
		assertThat(people).hasSize(7);
		long cycle = adHoc(people);
		for (int i = 0; i < 7; i++) {
			toDecision(of(cycle, people.get(i)), i < 2 ? Grade.HTXSNV : Grade.HTTNV);
		}
		Evaluation first = of(cycle, people.get(0));
		var q = evaluations.quota(commune, cycle, first.grassrootsId(), first.peerGroup());
		assertThat(q.ceiling()).isEqualTo(1); // 20% of 5 HTTNV
		assertThat(q.proposedOver()).isTrue();
		evaluations.decide(commune, first.id(), new EvaluationManagement.DecisionInput("HTXSNV", "140-QĐ/ĐU", VnText.date(today), null));
		Evaluation second = of(cycle, people.get(1));
		assertThatThrownBy(() -> evaluations.decide(commune, second.id(), new EvaluationManagement.DecisionInput("HTXSNV", "140-QĐ/ĐU", VnText.date(today), null)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("vượt trần: 2 người Hoàn thành xuất sắc, trần là 20% của 5");
		assertThat(step(second.id())).isEqualTo("DECISION");
		// Deciding an HTTNV member lower would shrink the base: refused as well.
		Evaluation third = of(cycle, people.get(2));
		evaluations.decide(commune, third.id(), new EvaluationManagement.DecisionInput("HTTNV", "140-QĐ/ĐU", VnText.date(today), null));
		evaluations.decide(commune, second.id(), new EvaluationManagement.DecisionInput("HTXSNV", "140-QĐ/ĐU", VnText.date(today),
				"Đơn vị có thành tích đột phá được cấp có thẩm quyền công nhận"));
		assertThat(jdbc.sql("select quota_exception from evaluations.evaluation where id = :id").param("id", second.id())
			.query(String.class).single()).contains("đột phá");
		Evaluation fourth = of(cycle, people.get(3));
		assertThatThrownBy(() -> evaluations.decide(commune, fourth.id(), new EvaluationManagement.DecisionInput("HTNV", "140-QĐ/ĐU", VnText.date(today), null)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("vượt trần");
		// The remaining HTTNV ones decided together under one decision.
		var warnings = evaluations.decideAll(commune, cycle, first.grassrootsId(), "141-QĐ/ĐU", VnText.date(today), null);
		assertThat(warnings).isNotNull();
		assertThat(jdbc.sql("select count(*) from evaluations.evaluation where cycle_id = :c and step = 'DECIDED'").param("c", cycle)
			.query(Long.class).single()).isEqualTo(7);
		// The roll-up sees the group over the ceiling (2 HTXSNV against 20% of 5 HTTNV), from the kept counters.
		String period = jdbc.sql("select period from evaluations.cycle where id = :c").param("c", cycle).query(String.class).single();
		repo.fold();
		var counts = evaluations.counts(province, ids.otherCommuneId(), period);
		assertThat(counts.quotaGroups()).isEqualTo(1);
		assertThat(counts.quotaOver()).isEqualTo(1);
		assertThat(counts.n("MEMBER", "HTXSNV")).isEqualTo(2);
		assertThat(evaluations.counts(province, ids.provinceId(), period).quotaOver()).isEqualTo(1);
		assertThat(Fixtures.quotaCounterMismatches(jdbc)).isZero();
	}

	@Test
	void annualCycleListsEveryoneAndKeepsTheOrderOfStepsAndTheCounters() {
		int year = today.getYear();
		var bad = new CycleManagement.CycleInput("ANNUAL", String.valueOf(year), null, "Năm", null, "366-QĐ/TW",
				VnText.date(today.plusDays(9)), VnText.date(today.plusDays(3)), VnText.date(LocalDate.of(year, 12, 20)),
				VnText.date(today.plusDays(10)), VnText.date(today.plusDays(11)), "WARN", "20", List.of());
		assertThatThrownBy(() -> cycles.createCycle(province, ids.otherCommuneId(), bad)).isInstanceOfSatisfying(InvalidInput.class,
				x -> assertThat(x.getMessage()).contains("Tên đợt").contains("Hạn chi bộ cho ý kiến: phải sau hạn tự đánh giá")
					.contains("phải trước hoặc đúng ngày 15/12/" + year));
		assertThatThrownBy(() -> cycles.createCycle(province, ids.otherCommuneId(), new CycleManagement.CycleInput("QUARTERLY",
				String.valueOf(year), "4", "Quý IV", null, null, VnText.date(today.plusDays(1)), VnText.date(today.plusDays(2)), null,
				VnText.date(today.plusDays(3)), VnText.date(today.plusDays(4)), null, null, List.of())))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("quý IV gộp vào đánh giá cả năm");
		long before = jdbc.sql("select count(*) from evaluations.cycle").query(Long.class).single();
		assertThat(before).isPositive();

		long cycle = cycles.createCycle(province, ids.otherCommuneId(), new CycleManagement.CycleInput("ANNUAL",
				String.valueOf(year), null, "Kiểm điểm năm (kiểm thử)", null, "366-QĐ/TW", VnText.date(today.plusDays(3)),
				VnText.date(today.plusDays(4)), VnText.date(LocalDate.of(year, 12, 15).isAfter(today.plusDays(4)) ? LocalDate.of(year, 12, 15) : today.plusDays(4)),
				VnText.date(today.plusDays(10)), VnText.date(today.plusDays(20)), "REFUSE", "20", List.of()));
		assertThatThrownBy(() -> cycles.open(Fixtures.scope(jdbc, Role.COMMITTEE_MEMBER, ids.otherCommuneId()), cycle))
			.isInstanceOf(Denied.class);
		int n = cycles.open(province, cycle);
		long members = jdbc.sql("""
				select count(*) from organizations.member m join organizations.organization o on o.id = m.organization_id
				where o.path <@ (select path from organizations.organization where id = :c)
				  and m.status not in ('REMOVED','EXPELLED','LEFT','DECEASED')
				""").param("c", ids.otherCommuneId()).query(Long.class).single();
		long notClassified = jdbc.sql("select count(*) from evaluations.evaluation where cycle_id = :c and step = 'NOT_CLASSIFIED'")
			.param("c", cycle).query(Long.class).single();
		long exemptOrSuspended = jdbc.sql("""
				select count(*) from organizations.member m join organizations.organization o on o.id = m.organization_id
				where o.path <@ (select path from organizations.organization where id = :c) and m.status in ('EXEMPT','SUSPENDED')
				""").param("c", ids.otherCommuneId()).query(Long.class).single();
		assertThat(notClassified).isEqualTo(exemptOrSuspended);
		assertThat(jdbc.sql("select count(*) from evaluations.evaluation where cycle_id = :c and subject_kind = 'MEMBER'")
			.param("c", cycle).query(Long.class).single()).isEqualTo(members);
		assertThat(n).isGreaterThan((int) members);
		// A second annual cycle of the same year over the same people is refused.
		long again = cycles.createCycle(province, ids.otherCommuneId(), new CycleManagement.CycleInput("ANNUAL",
				String.valueOf(year), null, "Lần hai", null, null, VnText.date(today.plusDays(3)), VnText.date(today.plusDays(4)),
				VnText.date(today.plusDays(4)), VnText.date(today.plusDays(10)), VnText.date(today.plusDays(20)), null, null, List.of()));
		assertThatThrownBy(() -> cycles.open(province, again)).isInstanceOf(InvalidInput.class).hasMessageContaining("mỗi người chỉ xếp loại một lần");

		// Counters: the commune's counts equal a recount, and follow each step.
		var counts = evaluations.counts(province, ids.otherCommuneId(), String.valueOf(year));
		assertThat(counts.n("MEMBER", "SELF") + counts.n("MEMBER", "NOT_CLASSIFIED")).isGreaterThanOrEqualTo(members);
		assertThat(Fixtures.evaluationCounterMismatches(jdbc)).isZero();
		repo.fold();
		assertThat(Fixtures.evaluationCounterMismatches(jdbc)).isZero();

		// Order (REFUSE): a member's decision waits for the cell's; the commune's for its cells'.
		long cell = cells().get(0);
		long m = officials(cell, 1).get(0);
		Evaluation e = of(cycle, m);
		toDecision(e, Grade.HTTNV);
		assertThatThrownBy(() -> evaluations.decide(commune, e.id(), new EvaluationManagement.DecisionInput("HTTNV", "150-QĐ/ĐU", VnText.date(today), null)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("tập thể trước, cá nhân sau");
		assertThatThrownBy(() -> cycles.setOrderRules(province, cycle, Map.of("COLLECTIVE_FIRST", "MAYBE")))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("Tập thể trước, cá nhân sau: chọn không áp dụng, cảnh báo hoặc từ chối");
		// Set on its own to warn, the same rule lets the decision through and says what was out of order.
		cycles.setOrderRules(province, cycle, Map.of("COLLECTIVE_FIRST", "WARN"));
		var warned = evaluations.decide(commune, e.id(), new EvaluationManagement.DecisionInput("HTTNV", "150-QĐ/ĐU", VnText.date(today), null));
		assertThat(warned).anySatisfy(w -> assertThat(w).contains("tập thể trước, cá nhân sau"));
		assertThat(repo.history(e.id()).getLast().details()).contains("orderWarnings");
		Scope sec = secretary(e);
		for (Evaluation cellEval : repo.ofOrganizations(cycle, List.of(cell))) {
			// Beside the cell's own self-assessment: its meetings of the year, from the meetings module.
			var view = evaluations.view(sec, cellEval.id());
			assertThat(view.meetingStats()).isNotNull();
			assertThat(view.meetingStats().held()).isPositive();
			assertThat(view.evidence()).isNull();
			evaluations.selfAssess(sec, cellEval.id(), selfInput(cellEval, 0.8, "10", Grade.HTTNV));
			evaluations.recordOpinion(sec, cellEval.id(), new EvaluationManagement.OpinionInput("HTTNV", "3", "3", "0", "0", null, null));
			// The level above the cell is the commune: its staff appraise and decide the cell; the cell's own secretary cannot.
			assertThatThrownBy(() -> evaluations.appraise(sec, cellEval.id(), "HTTNV", null, null)).isInstanceOf(Denied.class);
			evaluations.appraise(commune, cellEval.id(), "HTTNV", null, null);
			evaluations.decide(commune, cellEval.id(), new EvaluationManagement.DecisionInput("HTTNV", "149-QĐ/ĐU", VnText.date(today), null));
		}
		Evaluation communeEval = repo.ofOrganizations(cycle, List.of(ids.otherCommuneId())).stream()
			.filter(x -> "ORGANIZATION".equals(x.subjectKind())).findFirst().orElseThrow();
		evaluations.selfAssess(commune, communeEval.id(), selfInput(communeEval, 0.8, "10", Grade.HTTNV));
		evaluations.recordOpinion(commune, communeEval.id(), new EvaluationManagement.OpinionInput("HTTNV", "3", "3", "0", "0", null, null));
		assertThatThrownBy(() -> evaluations.appraise(commune, communeEval.id(), "HTTNV", null, null)).isInstanceOf(Denied.class);
		evaluations.appraise(province, communeEval.id(), "HTTNV", null, null);
		assertThatThrownBy(() -> evaluations.decide(province, communeEval.id(), new EvaluationManagement.DecisionInput("HTTNV", "20-QĐ/TU", VnText.date(today), null)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("chưa được quyết định xếp loại (cấp dưới trước");

		var after = evaluations.counts(province, ids.otherCommuneId(), String.valueOf(year));
		assertThat(after.n("MEMBER", "HTTNV")).isEqualTo(counts.n("MEMBER", "HTTNV") + 1);
		assertThat(after.n("ORGANIZATION", "HTTNV")).isEqualTo(counts.n("ORGANIZATION", "HTTNV") + 1);
		var rollUp = evaluations.rollUp(province, ids.otherCommuneId(), String.valueOf(year));
		assertThat(rollUp.children().stream().mapToLong(c -> c.total("MEMBER")).sum()).isEqualTo(rollUp.total().total("MEMBER"));
		assertThat(Fixtures.evaluationCounterMismatches(jdbc)).isZero();
	}

	@Test
	void remediationCarriesOverAndHoldsBackExcellentThenTwoYearsOfKhtnvComeToTheCell() {
		long cell = cells().get(1);
		long m = officials(cell, 1).get(0);
		// Two earlier years entered late (the current year belongs to the other tests): the first decided KHTNV,
		// with a shortcoming to remedy.
		int year = today.getYear() - 1;
		long last = annual(cell, year - 1);
		Evaluation e1 = of(last, m);
		toDecision(e1, Grade.KHTNV);
		long item = evaluations.addRemediation(secretary(e1), e1.id(), "Chưa tham gia đầy đủ sinh hoạt", "Dự đủ các buổi sinh hoạt",
				VnText.date(today.plusDays(60)));
		evaluations.decide(commune, e1.id(), new EvaluationManagement.DecisionInput("KHTNV", "90-QĐ/ĐU", VnText.date(today), null));

		// This year: the open item is shown and holds back HTXSNV; the self-review must say what became of it.
		long now = annual(cell, year);
		Evaluation e2 = of(now, m);
		var view = evaluations.view(self(e2), e2.id());
		assertThat(view.openFromBefore()).isGreaterThanOrEqualTo(1);
		assertThat(view.remediation()).anySatisfy(r -> assertThat(r.id()).isEqualTo(item));
		var excellent = selfInput(e2, 0.95, "40", Grade.HTXSNV);
		Map<String, String> noWord = new HashMap<>(excellent.texts());
		noWord.remove("previous");
		assertThatThrownBy(() -> evaluations.selfAssess(self(e2), e2.id(), new EvaluationManagement.SelfInput(excellent.scores(),
				"100", "100", "40", "HTXSNV", noWord, null))).isInstanceOfSatisfying(InvalidInput.class,
				x -> assertThat(x.getMessage()).contains("Kết quả khắc phục hạn chế, khuyết điểm đã được chỉ ra: chưa viết"));
		assertThatThrownBy(() -> evaluations.selfAssess(self(e2), e2.id(), excellent)).isInstanceOfSatisfying(InvalidInput.class,
				x -> assertThat(x.getMessage()).contains("chưa khắc phục xong: không xếp Hoàn thành xuất sắc"));
		// A member cannot close their own item; the cell's secretary can.
		assertThatThrownBy(() -> evaluations.closeRemediation(self(e2), item, "Đã dự đủ")).isInstanceOf(Denied.class);
		toDecision(e2, Grade.KHTNV);
		evaluations.decide(commune, e2.id(), new EvaluationManagement.DecisionInput("KHTNV", "91-QĐ/ĐU", VnText.date(today), null));

		// Two years of KHTNV: shown to the cell with both decisions; the secret ballot is recorded, nothing automatic.
		Scope sec = secretary(e2);
		var cases = evaluations.educationCases(sec, cell, year);
		assertThat(cases).anySatisfy(c -> {
			assertThat(c.thisYear().id()).isEqualTo(e2.id());
			assertThat(c.lastYear().decisionRef()).isEqualTo("90-QĐ/ĐU");
			assertThat(c.vote()).isNull();
		});
		assertThat(jdbc.sql("select status from organizations.member where id = :m").param("m", m).query(String.class).single()).isEqualTo("ACTIVE");
		long official = jdbc.sql("select count(*) from organizations.member where organization_id = :o and status = 'ACTIVE' and standing = 'OFFICIAL'")
			.param("o", cell).query(Long.class).single();
		assertThatThrownBy(() -> evaluations.recordEducationVote(sec, e2.id(), String.valueOf(official + 1), "1", "0", VnText.date(today), null))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("vượt số đảng viên chính thức");
		assertThatThrownBy(() -> evaluations.recordEducationVote(sec, e2.id(), "3", "3", "1", VnText.date(today), null))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("vượt số người bỏ phiếu");
		var held = jdbc.sql("select id, present from meetings.meeting where organization_id = :o and status = 'HELD' order by meeting_date desc limit 1")
			.param("o", cell).query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		// Held at a meeting of the cell: no more voters than were present.
		assertThatThrownBy(() -> evaluations.recordEducationVote(sec, e2.id(), String.valueOf(held[1] + 1), "1", "0", VnText.date(today),
				null, String.valueOf(held[0]))).isInstanceOf(InvalidInput.class).hasMessageContaining("vượt số có mặt ở buổi sinh hoạt");
		long agree = (official * 2 + 2) / 3;
		boolean placed = evaluations.recordEducationVote(sec, e2.id(), String.valueOf(official), String.valueOf(agree),
				String.valueOf(official - agree), VnText.date(today), null);
		assertThat(placed).isEqualTo(agree * 3 >= official * 2);
		assertThatThrownBy(() -> evaluations.recordEducationVote(sec, e2.id(), "1", "1", "0", VnText.date(today), null))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("đã ghi");

		evaluations.closeRemediation(sec, item, "Đã dự đủ 6 buổi sinh hoạt liên tiếp");
		assertThat(repo.openFromBefore(of(now, m))).isZero();
	}

	@Test
	void aUnitIssuesItsOwnCriteriaSetWithinTheHundredPointFrame() {
		long cell = cells().get(2);
		long setsBefore = jdbc.sql("select count(*) from evaluations.criteria_set").query(Long.class).single();
		assertThatThrownBy(() -> cycles.saveCriteriaSet(province, cell, "NON_SYSTEM", "Bộ tiêu chí của chi bộ", """
				G1;CHUNG;Chính trị tư tưởng;10
				G2;CHUNG;Đạo đức lối sống;19
				G2;KẾT QUẢ;Nhiệm vụ được giao;mười
				R1;KHAC;Sinh hoạt;10
				R2;KẾT QUẢ;Phong trào nơi cư trú;60
				""")).isInstanceOfSatisfying(InvalidInput.class, x -> assertThat(x.getMessage())
					.contains("Dòng 3: mã “G2” không hợp lệ hoặc bị trùng").contains("điểm tối đa “mười” không phải một số")
					.contains("Dòng 4: nhóm “KHAC” phải là CHUNG hoặc KẾT QUẢ"));
		assertThatThrownBy(() -> cycles.saveCriteriaSet(province, cell, "NON_SYSTEM", "Bộ tiêu chí của chi bộ", """
				G1;CHUNG;Chính trị tư tưởng;10
				G2;CHUNG;Đạo đức lối sống;19
				R1;KẾT QUẢ;Nhiệm vụ được giao;70
				""")).isInstanceOf(InvalidInput.class).hasMessageContaining("phải cộng đủ 30 điểm (đang là 29)");
		assertThatThrownBy(() -> cycles.saveCriteriaSet(secretary(of(adHoc(officials(cell, 1)), officials(cell, 1).get(0))), cell,
				"NON_SYSTEM", "Bộ", "G1;CHUNG;A;30\nR1;KẾT QUẢ;B;70")).isInstanceOf(Denied.class);
		assertThat(jdbc.sql("select count(*) from evaluations.criteria_set").query(Long.class).single()).isEqualTo(setsBefore);

		long open = adHoc(officials(cell, 1));
		long frozen = repo.cycleCriteria(open).get(SubjectGroup.NON_SYSTEM);
		long id = cycles.saveCriteriaSet(province, cell, "NON_SYSTEM", "Bộ tiêu chí của chi bộ (kiểm thử)", """
				G1;CHUNG;Chính trị tư tưởng;10;Chấp hành nghị quyết
				G2;CHUNG;Đạo đức, lối sống;20
				R1;KẾT QUẢ;Nhiệm vụ chi bộ giao;40,5
				R2;KẾT QUẢ;Phong trào nơi cư trú;29,5
				""");
		CriteriaSet saved = repo.set(id).orElseThrow();
		assertThat(saved.version()).isEqualTo(1);
		assertThat(saved.total("RESULTS")).isEqualByComparingTo("70");
		assertThat(saved.criteria().get(0).guidance()).isEqualTo("Chấp hành nghị quyết");
		// The cycle already open keeps its frozen version; a cycle opened now takes the unit's set and freezes it.
		assertThat(repo.cycleCriteria(open).get(SubjectGroup.NON_SYSTEM)).isEqualTo(frozen);
		long next = cycles.createCycle(province, cell, new CycleManagement.CycleInput("AD_HOC", String.valueOf(today.getYear()),
				null, "Đánh giá đột xuất theo bộ của chi bộ", "Trước khi điều động", null, VnText.date(today.plusDays(5)),
				VnText.date(today.plusDays(6)), null, VnText.date(today.plusDays(7)), VnText.date(today.plusDays(8)), null, null,
				officials(cell, 1)));
		cycles.open(province, next);
		assertThat(repo.cycleCriteria(next).get(SubjectGroup.NON_SYSTEM)).isEqualTo(id);
		assertThat(repo.set(id).orElseThrow().frozen()).isTrue();
		assertThat(CycleManagement.lines(saved)).contains("R1;KẾT QUẢ;Nhiệm vụ chi bộ giao;40.5");
		long v2 = cycles.saveCriteriaSet(province, cell, "NON_SYSTEM", "Bộ tiêu chí của chi bộ, bản 2", CycleManagement.lines(saved));
		assertThat(repo.set(v2).orElseThrow().version()).isEqualTo(2);
	}

	@Test
	void aLargeSubtreeIsListedInTheBackgroundWithTheSameSubjects() {
		// The same commune, per term, listed by the request (small) and by the background worker (forced): same subjects.
		long direct = cycles.createCycle(province, ids.otherCommuneId(), new CycleManagement.CycleInput("TERM", String.valueOf(today.getYear()),
				null, "Nhiệm kỳ (trực tiếp)", null, null, VnText.date(today.plusDays(5)), VnText.date(today.plusDays(6)), null,
				VnText.date(today.plusDays(7)), VnText.date(today.plusDays(8)), null, null, List.of()));
		int n = cycles.open(province, direct);
		long background = cycles.createCycle(province, ids.otherCommuneId(), new CycleManagement.CycleInput("TERM", String.valueOf(today.getYear()),
				null, "Nhiệm kỳ (lập trong nền)", null, null, VnText.date(today.plusDays(5)), VnText.date(today.plusDays(6)), null,
				VnText.date(today.plusDays(7)), VnText.date(today.plusDays(8)), null, null, List.of()));
		assertThat(cycles.openInBackground(province, background)).isZero();
		assertThatThrownBy(() -> cycles.open(province, background)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("đang lập danh sách");
		opener.continueOpening(true);
		assertThat(jdbc.sql("select status from evaluations.cycle where id = :c").param("c", background).query(String.class).single())
			.isEqualTo("OPEN");
		String subjects = """
				select string_agg(subject_kind || ':' || organization_id || ':' || coalesce(member_id, 0) || ':' || coalesce(collective, '')
				       || ':' || grassroots_id || ':' || subject_group || ':' || step, ',' order by subject_kind, organization_id, member_id, collective)
				from evaluations.evaluation where cycle_id = :c
				""";
		String a = jdbc.sql(subjects).param("c", direct).query(String.class).single();
		assertThat(jdbc.sql(subjects).param("c", background).query(String.class).single()).isEqualTo(a);
		assertThat(jdbc.sql("select count(*) from evaluations.evaluation where cycle_id = :c").param("c", background)
			.query(Long.class).single()).isEqualTo(n);
		assertThat(Fixtures.evaluationCounterMismatches(jdbc)).isZero();
	}

	@Test
	void theQuartersOfALeaderAreTheBasisOfTheYear() {
		long cell = cells().get(2);
		int year = today.getYear() - 1;
		long leader = jdbc.sql("""
				select m.id from organizations.member m join organizations.position p on p.member_id = m.id and p.ended_on is null
				where m.organization_id = :o and m.status = 'ACTIVE' and p.title in ('BI_THU','PHO_BI_THU') order by m.id limit 1
				""").param("o", cell).query(Long.class).single();
		// Q1 and Q2 decided at HTNV (58 points each); no Q3 cycle was held.
		for (int q = 1; q <= 2; q++) {
			long cycle = cycles.createCycle(province, cell, new CycleManagement.CycleInput("QUARTERLY", String.valueOf(year),
					String.valueOf(q), "Đánh giá quý " + q + " (kiểm thử)", null, "366-QĐ/TW", VnText.date(today.plusDays(2)),
					VnText.date(today.plusDays(3)), null, VnText.date(today.plusDays(4)), VnText.date(today.plusDays(5)), "WARN", "20",
					List.of()));
			cycles.open(province, cycle);
			assertThat(jdbc.sql("select count(*) from evaluations.evaluation where cycle_id = :c and subject_group <> 'LEADER'")
				.param("c", cycle).query(Long.class).single()).isZero();
			Evaluation e = of(cycle, leader);
			toDecision(e, Grade.HTNV);
			evaluations.decide(commune, e.id(), new EvaluationManagement.DecisionInput("HTNV", (40 + q) + "-QĐ/ĐU", VnText.date(today), null));
		}
		long annual = annual(cell, year);
		Evaluation e = of(annual, leader);
		var before = evaluations.view(self(e), e.id()).quarters();
		assertThat(before).isNotNull();
		assertThat(before.quarters()).extracting(QuarterBasis.Quarter::decided).containsExactly(true, true, false);
		assertThat(before.missing()).containsExactly(3);
		assertThat(before.reference()).isNull();

		// The year-end self-assessment must say what the fourth quarter achieved.
		var good = selfInput(e, 0.8, "10", Grade.HTTNV);
		assertThatThrownBy(() -> evaluations.selfAssess(self(e), e.id(), good)).isInstanceOfSatisfying(InvalidInput.class,
				x -> assertThat(x.getMessage()).contains("Kết quả thực hiện nhiệm vụ quý IV: chưa viết"));
		assertThat(step(e.id())).isEqualTo("SELF");
		Map<String, String> texts = new HashMap<>(good.texts());
		texts.put("q4", "Hoàn thành 100% chỉ tiêu quý IV.");
		BigDecimal total = evaluations.selfAssess(self(e), e.id(), new EvaluationManagement.SelfInput(good.scores(), "100", "100",
				"10", "HTTNV", texts, null)).selfTotal();
		assertThat(total).isGreaterThanOrEqualTo(BigDecimal.valueOf(70));
		var basis = evaluations.view(self(e), e.id()).quarters();
		BigDecimal q1 = of(jdbc.sql("select id from evaluations.cycle where period = :p and organization_id = :o")
			.param("p", year + "-Q1").param("o", cell).query(Long.class).single(), leader).selfTotal();
		BigDecimal mean = q1.multiply(BigDecimal.TWO).add(total).divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
		assertThat(basis.reference()).isEqualByComparingTo(mean);
		assertThat(basis.referenceLevel()).isEqualTo(Classification.band(mean, repo.bands("366-QĐ/TW")));
		assertThat(basis.referenceLevel()).isEqualTo(Grade.HTNV);

		// Appraising the year above the reference level needs a reason, even when it agrees with the cell and the self.
		evaluations.recordOpinion(secretary(e), e.id(), new EvaluationManagement.OpinionInput("HTTNV", "3", "3", "0", "0", null, null));
		assertThatThrownBy(() -> evaluations.appraise(commune, e.id(), "HTTNV", null, null)).isInstanceOfSatisfying(InvalidInput.class,
				x -> assertThat(x.getMessage()).contains("Lý do: mức thẩm định cao hơn mức tham chiếu “Hoàn thành nhiệm vụ”"));
		assertThat(step(e.id())).isEqualTo("APPRAISAL");
		evaluations.appraise(commune, e.id(), "HTTNV", null, "Quý IV hoàn thành vượt chỉ tiêu, bù cho hai quý đầu");
		assertThat(jdbc.sql("select details->>'quarterReference' from evaluations.history where evaluation_id = :e and action = 'APPRAISAL'")
			.param("e", e.id()).query(String.class).single()).isEqualTo(mean.toPlainString());
		// A member without quarterly results has no such table.
		long other = officials(cell, 1).get(0);
		assertThat(evaluations.view(self(of(annual, other)), of(annual, other).id()).quarters()).isNull();
	}

	@Test
	void aCadreWithSeveralPostsIsReviewedInEachPlace() {
		long cell = cells().get(0);
		long m = officials(cell, 1).get(0);
		long post = members.addPosition(commune, m, ids.otherCommuneId(), "CAP_UY_VIEN", VnText.date(today.minusDays(30)), "12-NQ/ĐU");
		try {
			long cycle = adHoc(List.of(m));
			cycles.setOrderRules(province, cycle, Map.of("PLACES_FIRST", "REFUSE"));
			Evaluation e = of(cycle, m);
			assertThat(e.group()).isEqualTo(SubjectGroup.LEADER);
			var places = evaluations.view(self(e), e.id()).places();
			String communeName = jdbc.sql("select name from organizations.organization where id = :o").param("o", ids.otherCommuneId())
				.query(String.class).single();
			// The cell's own review is its vote; the commune's committee is the other place.
			assertThat(places).singleElement().satisfies(p -> {
				assertThat(p.organizationId()).isEqualTo(ids.otherCommuneId());
				assertThat(p.posts()).isEqualTo("Cấp ủy viên");
				assertThat(p.recorded()).isFalse();
			});
			long place = places.get(0).id();
			assertThat(evaluations.view(commune, e.id()).canRecordPlaces()).containsExactly(place);
			assertThat(evaluations.view(secretary(e), e.id()).canRecordPlaces()).isEmpty();

			toDecision(e, Grade.HTTNV);
			var decision = new EvaluationManagement.DecisionInput("HTTNV", "77-QĐ/ĐU", VnText.date(today), null);
			assertThatThrownBy(() -> evaluations.decide(commune, e.id(), decision)).isInstanceOfSatisfying(InvalidInput.class,
					x -> assertThat(x.getMessage()).contains("Thứ tự các bước").contains("ở nơi giữ chức vụ: " + communeName));
			assertThat(step(e.id())).isEqualTo("DECISION");

			// Only the place's committee (or the competent one) records it; bad input changes nothing; recorded once.
			assertThatThrownBy(() -> evaluations.recordPlace(secretary(e), e.id(), place, "Tốt", "HTTNV")).isInstanceOf(Denied.class);
			Scope otherCell = Fixtures.scope(jdbc, Role.CELL_SECRETARY, cells().get(1));
			assertThatThrownBy(() -> evaluations.recordPlace(otherCell, e.id(), place, "Tốt", "HTTNV"))
				.isInstanceOf(vn.dangvu.shared.NotFound.class);
			assertThatThrownBy(() -> evaluations.recordPlace(commune, e.id(), place + 100_000, "Tốt", "HTTNV"))
				.isInstanceOf(vn.dangvu.shared.NotFound.class);
			assertThatThrownBy(() -> evaluations.recordPlace(commune, e.id(), place, " ", "GIOI")).isInstanceOfSatisfying(InvalidInput.class,
					x -> assertThat(x.getMessage()).contains("Nội dung kiểm điểm ở " + communeName).contains("Mức đề xuất: “GIOI”"));
			assertThat(evaluations.view(commune, e.id()).places().get(0).recorded()).isFalse();
			evaluations.recordPlace(commune, e.id(), place, "Hoàn thành tốt nhiệm vụ cấp ủy viên phụ trách khối dân vận", "HTTNV");
			assertThatThrownBy(() -> evaluations.recordPlace(commune, e.id(), place, "Lần hai", null)).isInstanceOfSatisfying(
					InvalidInput.class, x -> assertThat(x.getMessage()).contains("đã ghi trước đó"));
			assertThat(evaluations.view(self(e), e.id()).places().get(0).proposed()).isEqualTo(Grade.HTTNV);

			evaluations.decide(commune, e.id(), decision);
			assertThat(step(e.id())).isEqualTo("DECIDED");
			assertThat(jdbc.sql("select count(*) from evaluations.history where evaluation_id = :e and action = 'PLACE_REVIEW'")
				.param("e", e.id()).query(Long.class).single()).isOne();
		}
		finally {
			members.endPosition(commune, m, post, VnText.date(today));
		}
	}

	@Test
	void aPostAboveTheCyclesOrganizationIsAReviewPlaceToo() {
		long cell = cells().get(1);
		long m = officials(cell, 1).get(0);
		long post = members.addPosition(province, m, ids.provinceId(), "CAP_UY_VIEN", VnText.date(today.minusDays(30)), "3-NQ/TU");
		try {
			long cycle = adHoc(List.of(m)); // opened for the commune: the province is above it
			Evaluation e = of(cycle, m);
			assertThat(e.group()).isEqualTo(SubjectGroup.LEADER);
			var places = evaluations.view(self(e), e.id()).places();
			assertThat(places).extracting(Evaluation.Place::organizationId).containsExactly(ids.provinceId());
			// the province's staff see the member and record the place; the cell's secretary does not
			assertThat(evaluations.view(province, e.id()).canRecordPlaces()).containsExactly(places.get(0).id());
			assertThat(evaluations.view(secretary(e), e.id()).canRecordPlaces()).isEmpty();
		}
		finally {
			members.endPosition(province, m, post, VnText.date(today));
		}
	}

	long annual(long cell, int year) {
		long id = cycles.createCycle(province, cell, new CycleManagement.CycleInput("ANNUAL", String.valueOf(year), null,
				"Kiểm điểm năm " + year + " (nhập bổ sung)", null, "366-QĐ/TW", VnText.date(today.plusDays(2)),
				VnText.date(today.plusDays(3)), VnText.date(LocalDate.of(year, 12, 15)), VnText.date(today.plusDays(4)),
				VnText.date(today.plusDays(5)), "WARN", "20", List.of()));
		cycles.open(province, id);
		return id;
	}

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	/**
	 * The counters' row trigger (V59) against a recount after each kind of change to a member's row: a step, a
	 * move to another organization (old and new paths), a decision at a top level (quota counters), a new peer group
	 * (the state unchanged), and a reopening. Done in a transaction that is rolled back.
	 */
	@Test
	void theKeptCountersFollowEveryKindOfChangeToAnEvaluation() {
		tx.executeWithoutResult(status -> {
			long id = jdbc.sql("""
					select e.id from evaluations.evaluation e where e.subject_kind = 'MEMBER' and e.step = 'SELF'
					order by e.id limit 1
					""").query(Long.class).single();
			String elsewhere = jdbc.sql("""
					select o.path::text from organizations.organization o
					where o.path::text <> (select org_path::text from evaluations.evaluation where id = :id) and o.level = 'CELL'
					order by o.id limit 1
					""").param("id", id).query(String.class).single();
			// (A raw change of path, without the move's handling of the quota groups — EvaluationMoves — so it comes
			// before the decision; evaluationsFollowTheirOrganizationWhenItMoves moves decided groups.)
			List<String> changes = List.of(
					"step = 'OPINION'",
					"org_path = cast('" + elsewhere + "' as ltree)",
					"step = 'DECIDED', level = 'HTXSNV'",
					"peer_group = coalesce(peer_group, '') || ' khác'",
					"step = 'APPRAISAL', level = null");
			for (String change : changes) {
				jdbc.sql("update evaluations.evaluation set " + change + " where id = :id").param("id", id).update();
				assertThat(Fixtures.evaluationCounterMismatches(jdbc)).as(change).isZero();
				repo.fold(); // the quota groups of the ancestors are counted as the deltas are folded
				assertThat(Fixtures.quotaCounterMismatches(jdbc)).as(change).isZero();
			}
			status.setRollbackOnly();
		});
	}

	@Autowired
	OrganizationManagement orgs;

	/**
	 * Evaluations follow a move (EvaluationMoves), done in a transaction that is rolled back. A cell of the first
	 * commune moves to a new grassroots organization of the same commune: its subjects in the commune's cycle take
	 * the new path and grassroots organization, with their counters and quota group; the old committee no longer sees
	 * them and the new one does. Then that grassroots organization moves to the second commune: the commune's cycle
	 * keeps its subjects where it listed them, while those of an ad hoc cycle of the province follow, their quota
	 * group with its path and its count of groups moved from the old commune to the new one.
	 */
	@Test
	void evaluationsFollowTheirOrganizationWhenItMoves() {
		Scope admin = Fixtures.admin(jdbc, demo);
		tx.executeWithoutResult(status -> {
			// A cell of the demo's first commune, whose annual cycle the demo opened, with two members not decided.
			long commune = ids.communeId();
			long cell = jdbc.sql("""
					select e.organization_id from evaluations.evaluation e join evaluations.cycle c on c.id = e.cycle_id
					where c.organization_id = :c and c.status = 'OPEN' and c.kind = 'ANNUAL' and e.subject_kind = 'MEMBER'
					  and e.step not in ('DECIDED', 'NOT_CLASSIFIED')
					group by 1 having count(*) >= 2 order by 1 limit 1
					""").param("c", commune).query(Long.class).single();
			long oldGrassroots = parentOf(cell);
			long target = orgs.create(admin, new OrganizationManagement.CreateOrganization(commune,
					vn.dangvu.organizations.Level.GRASSROOTS, "RESIDENTIAL", "Đảng bộ cơ sở Thôn Mới", null,
					Decision.of("01/09/2025", "30-QĐ/ĐU")));
			List<Long> subjects = jdbc.sql("""
					select e.id from evaluations.evaluation e join evaluations.cycle c on c.id = e.cycle_id
					where e.organization_id = :c and e.subject_kind = 'MEMBER' and c.status = 'OPEN' and c.kind = 'ANNUAL'
					  and e.step not in ('DECIDED', 'NOT_CLASSIFIED') order by e.id
					""").param("c", cell).query(Long.class).list();
			assertThat(subjects).hasSizeGreaterThanOrEqualTo(2);
			long first = subjects.getFirst();
			// Two decided members, so that the quota groups have counts to move.
			jdbc.sql("update evaluations.evaluation set step = 'DECIDED', level = 'HTXSNV' where id = :id").param("id", first).update();
			jdbc.sql("update evaluations.evaluation set step = 'DECIDED', level = 'HTTNV' where id = :id").param("id", subjects.get(1)).update();
			repo.fold();
			Evaluation before = evaluations.get(Fixtures.scope(jdbc, Role.COMMITTEE_STAFF, oldGrassroots), first);
			assertThat(before.grassrootsId()).isEqualTo(oldGrassroots);
			int excellentBefore = evaluations.quota(admin, before.cycleId(), oldGrassroots, before.peerGroup()).decided()
				.getOrDefault(Grade.HTXSNV, 0);

			orgs.move(admin, cell, target, Decision.of(VnText.date(today), "21-QĐ/TU"));
			String cellPath = pathOf(cell);
			assertThat(jdbc.sql("""
					select count(*) from evaluations.evaluation
					where organization_id = :c and (org_path <> cast(:p as ltree) or grassroots_id <> :g)
					""").param("c", cell).param("p", cellPath).param("g", target).query(Long.class).single()).isZero();
			assertThat(Fixtures.evaluationCounterMismatches(jdbc)).isZero();
			repo.fold();
			assertThat(Fixtures.evaluationCounterMismatches(jdbc)).isZero();
			assertThat(Fixtures.quotaCounterMismatches(jdbc)).isZero();
			Scope oldCommittee = Fixtures.scope(jdbc, Role.COMMITTEE_STAFF, oldGrassroots);
			assertThatThrownBy(() -> evaluations.get(oldCommittee, first)).isInstanceOf(NotFound.class);
			Scope newCommittee = Fixtures.scope(jdbc, Role.COMMITTEE_STAFF, target);
			assertThat(evaluations.get(newCommittee, first).orgPath()).isEqualTo(cellPath);
			assertThat(evaluations.quota(newCommittee, before.cycleId(), target, before.peerGroup()).decided())
				.containsEntry(Grade.HTXSNV, 1);
			assertThat(evaluations.quota(admin, before.cycleId(), oldGrassroots, before.peerGroup()).decided()
				.getOrDefault(Grade.HTXSNV, 0)).isEqualTo(excellentBefore - 1);

			// An ad hoc cycle of the province for the cell's members, one of them decided.
			List<Long> members = jdbc.sql("select member_id from evaluations.evaluation where id in (:ids)")
				.param("ids", subjects).query(Long.class).list();
			long adHoc = cycles.createCycle(admin, ids.provinceId(), new CycleManagement.CycleInput("AD_HOC",
					String.valueOf(today.getYear()), null, "Đánh giá trước khi điều động", "Điều động", null,
					VnText.date(today.plusDays(5)), VnText.date(today.plusDays(6)), null, VnText.date(today.plusDays(7)),
					VnText.date(today.plusDays(8)), null, null, members));
			cycles.open(admin, adHoc);
			long adHocSubject = jdbc.sql("select id from evaluations.evaluation where cycle_id = :c and member_id = :m")
				.param("c", adHoc).param("m", members.getFirst()).query(Long.class).single();
			jdbc.sql("update evaluations.evaluation set step = 'DECIDED', level = 'HTXSNV' where id = :id").param("id", adHocSubject).update();
			repo.fold();
			String adHocPeriod = evaluations.get(admin, adHocSubject).period();
			assertThat(groupsCounted(commune, adHocPeriod)).isEqualTo(1);

			long otherCommune = ids.otherCommuneId();
			orgs.move(admin, target, otherCommune, Decision.of(VnText.date(today), "22-QĐ/TU"));
			String newCellPath = pathOf(cell);
			assertThat(newCellPath).startsWith(pathOf(otherCommune) + ".");
			assertThat(evaluations.get(admin, first)).as("the commune's cycle keeps its subject")
				.extracting(Evaluation::orgPath, Evaluation::grassrootsId).containsExactly(cellPath, target);
			assertThat(evaluations.get(admin, adHocSubject)).as("the province's cycle follows")
				.extracting(Evaluation::orgPath, Evaluation::grassrootsId).containsExactly(newCellPath, target);
			for (boolean folded : List.of(false, true)) {
				if (folded) {
					repo.fold();
				}
				assertThat(Fixtures.evaluationCounterMismatches(jdbc)).as("folded %s", folded).isZero();
				assertThat(groupsCounted(commune, adHocPeriod)).as("folded %s", folded).isZero();
				assertThat(groupsCounted(otherCommune, adHocPeriod)).as("folded %s", folded).isEqualTo(1);
				assertThat(groupsCounted(ids.provinceId(), adHocPeriod)).as("folded %s", folded).isEqualTo(1);
			}
			assertThat(Fixtures.quotaCounterMismatches(jdbc)).isZero();
			status.setRollbackOnly();
		});
	}

	@Autowired
	vn.dangvu.organizations.MemberManagement memberManagement;

	/**
	 * A member transferred to another cell during the review takes their subject along when the cycle covers the new
	 * cell (new cell, path and grassroots organization; the new committee sees it, the old cell no longer does); a
	 * decided result stays with the cell that reviewed it; a cycle that does not cover the new cell keeps its subject.
	 * Done in a transaction that is rolled back.
	 */
	@Test
	void aTransferredMemberTakesTheSubjectAlongWithinTheCycle() {
		Scope admin = Fixtures.admin(jdbc, demo);
		tx.executeWithoutResult(status -> {
			long commune = ids.communeId();
			record Subject(long id, long memberId, long cell) {
			}
			List<Subject> subjects = jdbc.sql("""
					select e.id, e.member_id, e.organization_id from evaluations.evaluation e
					join evaluations.cycle c on c.id = e.cycle_id
					join organizations.member m on m.id = e.member_id
					where c.organization_id = :c and c.status = 'OPEN' and c.kind = 'ANNUAL' and e.subject_kind = 'MEMBER'
					  and e.step not in ('DECIDED', 'NOT_CLASSIFIED') and m.status = 'ACTIVE' and m.organization_id = e.organization_id
					order by e.id limit 3
					""").param("c", commune).query((rs, n) -> new Subject(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
			assertThat(subjects).hasSize(3);
			Subject moving = subjects.get(0);
			Subject decided = subjects.get(1);
			Subject leaving = subjects.get(2);
			// A cell of the same commune under another grassroots organization, and a cell of the other commune.
			long there = jdbc.sql("""
					select o.id from organizations.organization o
					where o.path <@ (select path from organizations.organization where id = :c) and o.level = 'CELL'
					  and o.status = 'ACTIVE' and o.parent_id <> (select parent_id from organizations.organization where id = :cell)
					order by o.id limit 1
					""").param("c", commune).param("cell", moving.cell()).query(Long.class).single();
			long elsewhere = jdbc.sql("""
					select o.id from organizations.organization o
					where o.path <@ (select path from organizations.organization where id = :c) and o.level = 'CELL' and o.status = 'ACTIVE'
					order by o.id limit 1
					""").param("c", ids.otherCommuneId()).query(Long.class).single();
			jdbc.sql("update evaluations.evaluation set step = 'DECIDED', level = 'HTTNV' where id = :id").param("id", decided.id()).update();
			for (Subject sub : subjects) {
				memberManagement.transition(admin, sub.memberId(), new vn.dangvu.organizations.MemberManagement.TransitionRequest(
						vn.dangvu.organizations.Transition.TRANSFER_OUT, VnText.date(today), "31-GGT/ĐU", null,
						sub == leaving ? elsewhere : there, null, null));
				memberManagement.transition(admin, sub.memberId(), new vn.dangvu.organizations.MemberManagement.TransitionRequest(
						vn.dangvu.organizations.Transition.RECEIVE_TRANSFER, "", null, null, null, null, null));
			}
			long thereGrassroots = parentOf(there);
			assertThat(evaluations.get(admin, moving.id())).extracting(Evaluation::organizationId, Evaluation::orgPath,
				Evaluation::grassrootsId).containsExactly(there, pathOf(there), thereGrassroots);
			assertThat(evaluations.get(admin, decided.id()).organizationId()).as("decided stays").isEqualTo(decided.cell());
			assertThat(evaluations.get(admin, leaving.id()).organizationId()).as("out of the cycle stays").isEqualTo(leaving.cell());
			Scope oldCell = Fixtures.scope(jdbc, Role.CELL_SECRETARY, moving.cell());
			assertThatThrownBy(() -> evaluations.get(oldCell, moving.id())).isInstanceOf(NotFound.class);
			assertThat(evaluations.get(Fixtures.scope(jdbc, Role.COMMITTEE_STAFF, thereGrassroots), moving.id()).id())
				.isEqualTo(moving.id());
			assertThat(Fixtures.evaluationCounterMismatches(jdbc)).isZero();
			repo.fold();
			assertThat(Fixtures.evaluationCounterMismatches(jdbc)).isZero();
			assertThat(Fixtures.quotaCounterMismatches(jdbc)).isZero();
			status.setRollbackOnly();
		});
	}

	/** The database keeps a decided result locked (V50's trigger, V59_4 fires it only for decided rows). */
	@Test
	void theDatabaseKeepsADecidedResultLocked() {
		tx.executeWithoutResult(status -> {
			long id = jdbc.sql("""
					select id from evaluations.evaluation where subject_kind = 'MEMBER' and step = 'SELF' order by id limit 1
					""").query(Long.class).single();
			jdbc.sql("update evaluations.evaluation set scores = '{}' where id = :id").param("id", id).update();
			jdbc.sql("update evaluations.evaluation set step = 'DECIDED', level = 'HTTNV' where id = :id").param("id", id).update();
			assertThat(jdbc.sql("update evaluations.evaluation set peer_group = peer_group || '' where id = :id").param("id", id).update())
				.isOne();
			assertThatThrownBy(() -> jdbc.sql("update evaluations.evaluation set level = 'HTXSNV' where id = :id").param("id", id).update())
				.hasMessageContaining("is decided and locked");
			status.setRollbackOnly();
		});
	}

	private long parentOf(long org) {
		return jdbc.sql("select parent_id from organizations.organization where id = :o").param("o", org).query(Long.class).single();
	}

	private String pathOf(long org) {
		return jdbc.sql("select path::text from organizations.organization where id = :o").param("o", org).query(String.class).single();
	}

	/** The kept count of quota groups with decided HTXSNV or HTTNV members under the organization. */
	private long groupsCounted(long org, String period) {
		return jdbc.sql("""
				select coalesce(sum(n), 0) from evaluations.counter
				where organization_id = :o and period = :p and subject_kind = 'QUOTA' and state = 'GROUPS'
				""").param("o", org).param("p", period).query(Long.class).single();
	}
}

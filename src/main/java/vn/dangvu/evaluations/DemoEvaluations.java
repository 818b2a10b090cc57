package vn.dangvu.evaluations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dangvu.organizations.DemoRegistry;
import vn.dangvu.shared.Role;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/**
 * A demo annual review for the demo commune: the cycle of the current year opened with deadlines in December, a few
 * members of the demo cell self-assessed and some discussed by the cell; the demo member's own self-assessment is
 * left for them. Goes through {@link EvaluationManagement}, so the demo follows the same rules as real use.
 */
@Component
@Order(200)
class DemoEvaluations implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoEvaluations.class);

	private final DemoRegistry registry;
	private final EvaluationManagement evaluations;
	private final CycleManagement cycles;
	private final EvaluationRepository repo;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final boolean enabled;

	DemoEvaluations(DemoRegistry registry, EvaluationManagement evaluations, CycleManagement cycles, EvaluationRepository repo,
			JdbcClient jdbc, TransactionTemplate tx, @Value("${dangvu.demo.enabled:true}") boolean enabled) {
		this.registry = registry;
		this.cycles = cycles;
		this.evaluations = evaluations;
		this.repo = repo;
		this.jdbc = jdbc;
		this.tx = tx;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		var ids = registry.ids().orElse(null);
		if (ids == null || jdbc.sql("select exists (select 1 from evaluations.cycle)").query(Boolean.class).single()) {
			return;
		}
		Scope admin = new Scope(-1, "dữ liệu mẫu", null, null,
				List.of(new Scope.Grant(ids.provinceId(), registry.pathOf(ids.provinceId()), Role.ADMIN)));
		LocalDate today = VnText.today();
		int year = today.getYear();
		LocalDate self = today.plusDays(12);
		LocalDate state = LocalDate.of(year, 12, 15).isAfter(self) ? LocalDate.of(year, 12, 15) : self;
		long cycle = tx.execute(s -> {
			long id = cycles.createCycle(admin, ids.communeId(), new CycleManagement.CycleInput("ANNUAL",
					String.valueOf(year), null, "Kiểm điểm, đánh giá, xếp loại chất lượng năm " + year + " (dữ liệu mẫu)", null,
					"366-QĐ/TW", VnText.date(self), VnText.date(self.plusDays(3)), VnText.date(state),
					VnText.date(state.plusDays(5)), VnText.date(state.plusDays(12)), "WARN", "20", List.of()));
			cycles.open(admin, id);
			return id;
		});
		var who = new EvaluationRepository.Who("{" + registry.pathOf(ids.provinceId()) + "}", -1);
		List<Evaluation> cell = repo.list(cycle, registry.pathOf(ids.cellId()), false, "MEMBER", "SELF", null, 8, 0, who);
		int n = 0;
		for (Evaluation e : cell) {
			if (e.memberId() == ids.memberId()) {
				continue;
			}
			boolean top = n % 4 == 0;
			Scope member = new Scope(-1, "dữ liệu mẫu", e.memberId(), e.organizationId(), List.of());
			CriteriaSet set = repo.set(repo.cycleCriteria(cycle).get(e.group())).orElseThrow();
			Map<String, String> scores = new HashMap<>();
			for (Criterion c : set.criteria()) {
				scores.put(c.code(), c.max().multiply(BigDecimal.valueOf(top ? 0.95 : 0.8)).setScale(0, RoundingMode.DOWN).toPlainString());
			}
			tx.executeWithoutResult(s -> evaluations.selfAssess(member, e.id(), new EvaluationManagement.SelfInput(scores, "100",
					"100", top ? "40" : "10", (top ? Grade.HTXSNV : Grade.HTTNV).name(), Map.of("strengths",
							"Chấp hành tốt chủ trương, nghị quyết; tham gia đầy đủ sinh hoạt chi bộ.", "shortcomings",
							"Đôi lúc chưa chủ động đề xuất giải pháp trong công việc ở khu dân cư.", "remedies",
							"Chủ động hơn, gương mẫu vận động gia đình và bà con thực hiện tốt quy định nơi cư trú."), null)));
			if (n % 2 == 1) {
				tx.executeWithoutResult(s -> evaluations.recordOpinion(admin, e.id(), new EvaluationManagement.OpinionInput(
						Grade.HTTNV.name(), "5", "5", "0", "0", null, "Chi bộ thống nhất đề xuất mức Hoàn thành tốt nhiệm vụ.")));
			}
			n++;
		}
		log.info("Demo review cycle opened; {} self-assessments", n);
	}
}

package vn.dangvu.evaluations.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dangvu.evaluations.Cycle;
import vn.dangvu.evaluations.CycleManagement;
import vn.dangvu.evaluations.Evaluation;
import vn.dangvu.evaluations.EvaluationManagement;
import vn.dangvu.evaluations.QuarterBasis;
import vn.dangvu.shared.PageOf;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/** Review and classification through {@code /api/v1}, with the same scope and rules as the pages. */
@RestController
@RequestMapping("/api/v1")
class EvaluationApi {

	private final EvaluationManagement evaluations;
	private final CycleManagement cycles;

	EvaluationApi(EvaluationManagement evaluations, CycleManagement cycles) {
		this.evaluations = evaluations;
		this.cycles = cycles;
	}

	private static String period(@Nullable String period) {
		return period == null || period.isBlank() ? String.valueOf(VnText.today().getYear()) : period;
	}

	@GetMapping("/organizations/{id}/evaluation-counts")
	EvaluationManagement.Counts counts(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String period) {
		return evaluations.counts(scope, id, period(period));
	}

	@GetMapping("/organizations/{id}/evaluation-rollup")
	EvaluationManagement.RollUp rollUp(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String period) {
		return evaluations.rollUp(scope, id, period(period));
	}

	@GetMapping("/organizations/{id}/evaluation-cycles")
	List<Cycle> cyclesOf(Scope scope, @PathVariable long id) {
		return cycles.cycles(scope, id);
	}

	@PostMapping("/organizations/{id}/evaluation-cycles")
	Cycle create(Scope scope, @PathVariable long id, @RequestBody CycleManagement.CycleInput body) {
		long cid = cycles.createCycle(scope, id, new CycleManagement.CycleInput(body.kind(), body.year(), body.quarter(),
				body.title(), body.purpose(), body.regulation(), body.selfUntil(), body.opinionUntil(), body.stateUntil(),
				body.appraisalUntil(), body.decisionUntil(), body.orderMode(), body.quotaPercent(),
				body.subjectMembers() == null ? List.of() : body.subjectMembers()));
		return cycles.cycle(scope, cid);
	}

	@GetMapping("/organizations/{id}/criteria-sets")
	List<vn.dangvu.evaluations.CriteriaSet> criteriaSets(Scope scope, @PathVariable long id) {
		return cycles.criteriaSets(scope, id);
	}

	record CriteriaBody(@Nullable String group, @Nullable String name, @Nullable String lines) {
	}

	@PostMapping("/organizations/{id}/criteria-sets")
	Map<String, Long> saveCriteriaSet(Scope scope, @PathVariable long id, @RequestBody CriteriaBody body) {
		return Map.of("id", cycles.saveCriteriaSet(scope, id, body.group(), body.name(), body.lines()));
	}

	@PostMapping("/evaluation-cycles/{id}/open")
	Map<String, Integer> open(Scope scope, @PathVariable long id) {
		return Map.of("subjects", cycles.open(scope, id));
	}

	@PutMapping("/evaluation-cycles/{id}/order-rules")
	Cycle orderRules(Scope scope, @PathVariable long id, @RequestBody Map<String, String> rules) {
		cycles.setOrderRules(scope, id, rules);
		return cycles.cycle(scope, id);
	}

	@GetMapping("/evaluation-cycles/{id}/subjects")
	PageOf<Evaluation> subjects(Scope scope, @PathVariable long id, @RequestParam long org,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String step,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "1") int page) {
		return evaluations.list(scope, id, org, kind, step, q, page, 100);
	}

	@GetMapping("/evaluation-cycles/{id}/quota")
	EvaluationManagement.Quota quota(Scope scope, @PathVariable long id, @RequestParam long grassroots,
			@RequestParam String peerGroup) {
		return evaluations.quota(scope, id, grassroots, peerGroup);
	}

	@GetMapping("/evaluations/{id}")
	Evaluation get(Scope scope, @PathVariable long id) {
		return evaluations.get(scope, id);
	}

	/** A leader's Q1–Q3 results beside the annual evaluation and the reference level; 204 when there are none. */
	@GetMapping("/evaluations/{id}/quarter-basis")
	ResponseEntity<QuarterBasis> quarters(Scope scope, @PathVariable long id) {
		var q = evaluations.view(scope, id).quarters();
		return q == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(q);
	}

	@PutMapping("/evaluations/{id}/self-assessment")
	Evaluation self(Scope scope, @PathVariable long id, @RequestBody EvaluationManagement.SelfInput body) {
		return evaluations.selfAssess(scope, id, new EvaluationManagement.SelfInput(body.scores() == null ? Map.of() : body.scores(),
				body.tasksDone(), body.tasksOnTime(), body.tasksExceeded(), body.level(),
				body.texts() == null ? Map.of() : body.texts(), body.version()));
	}

	@PostMapping("/evaluations/{id}/opinion")
	Evaluation opinion(Scope scope, @PathVariable long id, @RequestBody EvaluationManagement.OpinionInput body) {
		evaluations.recordOpinion(scope, id, body);
		return evaluations.get(scope, id);
	}

	record PlaceBody(@Nullable String content, @Nullable String proposed) {
	}

	/** The review of a cadre at another organization where they hold a post. */
	@PostMapping("/evaluations/{id}/places/{place}")
	List<Evaluation.Place> place(Scope scope, @PathVariable long id, @PathVariable long place, @RequestBody PlaceBody body) {
		evaluations.recordPlace(scope, id, place, body.content(), body.proposed());
		return evaluations.view(scope, id).places();
	}

	record AppraisalBody(@Nullable String level, @Nullable String total, @Nullable String reason) {
	}

	@PostMapping("/evaluations/{id}/appraisal")
	Evaluation appraisal(Scope scope, @PathVariable long id, @RequestBody AppraisalBody body) {
		evaluations.appraise(scope, id, body.level(), body.total(), body.reason());
		return evaluations.get(scope, id);
	}

	record Decided(Evaluation evaluation, List<String> warnings) {
	}

	@PostMapping("/evaluations/{id}/decision")
	Decided decision(Scope scope, @PathVariable long id, @RequestBody EvaluationManagement.DecisionInput body) {
		var warnings = evaluations.decide(scope, id, body);
		return new Decided(evaluations.get(scope, id), warnings);
	}

	record ComplaintBody(@Nullable String reason, @Nullable String complaintRef) {
	}

	@PostMapping("/evaluations/{id}/complaint")
	Evaluation complaint(Scope scope, @PathVariable long id, @RequestBody ComplaintBody body) {
		evaluations.complain(scope, id, body.reason(), body.complaintRef());
		return evaluations.get(scope, id);
	}

	@GetMapping("/me/evaluations")
	List<Evaluation> mine(Scope scope) {
		return evaluations.mine(scope);
	}
}

package vn.dangvu.meetings.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import vn.dangvu.meetings.MeetingRuleSettings;
import vn.dangvu.meetings.ScoringSettings;
import vn.dangvu.organizations.WorkingDays;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/**
 * The meeting rules in force for an organization and the public holidays: a page and {@code /api/v1}. Province
 * staff set the province's values; staff of the whole tree keep the holiday calendar.
 */
@Controller
class RulePages {

	private final MeetingRuleSettings settings;
	private final ScoringSettings scoring;
	private final WorkingDays workingDays;

	RulePages(MeetingRuleSettings settings, ScoringSettings scoring, WorkingDays workingDays) {
		this.settings = settings;
		this.scoring = scoring;
		this.workingDays = workingDays;
	}

	@GetMapping("/orgs/{id}/meeting-rules")
	ModelAndView page(Scope scope, @PathVariable long id) {
		int year = VnText.today().getYear();
		return new ModelAndView("meetings/rules").addObject("v", settings.view(scope, id)).addObject("sc", scoring.view(scope, id))
			.addObject("holidays", workingDays.holidays(year, year + 1)).addObject("editHolidays", workingDays.mayEdit(scope))
			.addObject("problems", List.of()).addObject("values", Map.of());
	}

	@PostMapping("/orgs/{id}/meeting-rules")
	Object set(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String key,
			@RequestParam(required = false) @Nullable String value, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String reference) {
		return MeetingPages.attemptTo(() -> {
			settings.set(scope, id, key, value, from, reference);
			return "/orgs/" + id + "/meeting-rules?done=rule";
		}, () -> page(scope, id), Map.of("values", MeetingPages.values("key", key, "value", value, "from", from,
				"reference", reference)));
	}

	@PostMapping("/orgs/{id}/meeting-rubrics")
	Object setRubric(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String criteria, @RequestParam(required = false) @Nullable String good,
			@RequestParam(required = false) @Nullable String fair, @RequestParam(required = false) @Nullable String average,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String reference) {
		return MeetingPages.attemptTo(() -> {
			scoring.setRubric(scope, id, kind, ScoringSettings.lines(criteria), good, fair, average, from, reference);
			return "/orgs/" + id + "/meeting-rules?done=rubric#rubrics";
		}, () -> page(scope, id), Map.of("values", MeetingPages.values("rubric", kind, "criteria", criteria, "good", good,
				"fair", fair, "average", average, "rfrom", from, "rreference", reference)));
	}

	@PostMapping("/orgs/{id}/review-forms")
	Object setForm(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String fields,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String reference) {
		return MeetingPages.attemptTo(() -> {
			scoring.setForm(scope, id, headings(fields), from, reference);
			return "/orgs/" + id + "/meeting-rules?done=form#review-form";
		}, () -> page(scope, id), Map.of("values", MeetingPages.values("fields", fields, "ffrom", from, "freference", reference)));
	}

	private static List<String> headings(@Nullable String text) {
		return text == null ? List.of() : text.lines().filter(l -> !l.isBlank()).toList();
	}

	@PostMapping("/orgs/{id}/holidays")
	Object addHoliday(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String day,
			@RequestParam(required = false) @Nullable String name, @RequestParam(defaultValue = "false") boolean working) {
		return MeetingPages.attemptTo(() -> {
			workingDays.addHoliday(scope, day, name, working);
			return "/orgs/" + id + "/meeting-rules?done=holiday#holidays";
		}, () -> page(scope, id), Map.of("values", MeetingPages.values("day", day, "name", name, "working", String.valueOf(working))));
	}

	@PostMapping("/orgs/{id}/holidays/{day}/remove")
	Object removeHoliday(Scope scope, @PathVariable long id, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		workingDays.removeHoliday(scope, day);
		return new org.springframework.web.servlet.view.RedirectView("/orgs/" + id + "/meeting-rules?done=holiday#holidays");
	}

	// ------------------------------------------------------------------ API

	record RuleInput(@Nullable String key, @Nullable String value, @Nullable String from, @Nullable String reference) {
	}

	@GetMapping("/api/v1/organizations/{id}/meeting-rules")
	@ResponseBody
	MeetingRuleSettings.View get(Scope scope, @PathVariable long id) {
		return settings.view(scope, id);
	}

	@PostMapping("/api/v1/organizations/{id}/meeting-rules")
	@ResponseBody
	ResponseEntity<MeetingRuleSettings.View> post(Scope scope, @PathVariable long id, @RequestBody RuleInput in) {
		settings.set(scope, id, in.key(), in.value(), in.from(), in.reference());
		return ResponseEntity.status(HttpStatus.CREATED).body(settings.view(scope, id));
	}

	record RubricInput(@Nullable String kind, @Nullable List<ScoringSettings.Input> criteria, @Nullable String good,
			@Nullable String fair, @Nullable String average, @Nullable String from, @Nullable String reference) {
	}

	record FormInput(@Nullable List<String> fields, @Nullable String from, @Nullable String reference) {
	}

	@GetMapping("/api/v1/organizations/{id}/meeting-rubrics")
	@ResponseBody
	ScoringSettings.View rubrics(Scope scope, @PathVariable long id) {
		return scoring.view(scope, id);
	}

	@PostMapping("/api/v1/organizations/{id}/meeting-rubrics")
	@ResponseBody
	ResponseEntity<ScoringSettings.View> postRubric(Scope scope, @PathVariable long id, @RequestBody RubricInput in) {
		scoring.setRubric(scope, id, in.kind(), in.criteria() == null ? List.of() : in.criteria(), in.good(), in.fair(),
				in.average(), in.from(), in.reference());
		return ResponseEntity.status(HttpStatus.CREATED).body(scoring.view(scope, id));
	}

	@PostMapping("/api/v1/organizations/{id}/review-forms")
	@ResponseBody
	ResponseEntity<ScoringSettings.View> postForm(Scope scope, @PathVariable long id, @RequestBody FormInput in) {
		scoring.setForm(scope, id, in.fields() == null ? List.of() : in.fields(), in.from(), in.reference());
		return ResponseEntity.status(HttpStatus.CREATED).body(scoring.view(scope, id));
	}

	@GetMapping("/api/v1/holidays")
	@ResponseBody
	List<WorkingDays.Holiday> holidays(@RequestParam(required = false) @Nullable Integer year) {
		int y = year == null ? VnText.today().getYear() : year;
		return workingDays.holidays(y, y);
	}
}

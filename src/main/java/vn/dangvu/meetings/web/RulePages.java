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
	private final WorkingDays workingDays;

	RulePages(MeetingRuleSettings settings, WorkingDays workingDays) {
		this.settings = settings;
		this.workingDays = workingDays;
	}

	@GetMapping("/orgs/{id}/meeting-rules")
	ModelAndView page(Scope scope, @PathVariable long id) {
		int year = VnText.today().getYear();
		return new ModelAndView("meetings/rules").addObject("v", settings.view(scope, id))
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

	@GetMapping("/api/v1/holidays")
	@ResponseBody
	List<WorkingDays.Holiday> holidays(@RequestParam(required = false) @Nullable Integer year) {
		int y = year == null ? VnText.today().getYear() : year;
		return workingDays.holidays(y, y);
	}
}

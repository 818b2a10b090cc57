package vn.dangvu.notifications.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;
import vn.dangvu.notifications.Reminders;
import vn.dangvu.shared.Reminder;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/** The to-do page ("Việc cần làm") and the same list through the API. */
@Controller
class ReminderPages {

	private final Reminders reminders;

	ReminderPages(Reminders reminders) {
		this.reminders = reminders;
	}

	@GetMapping("/reminders")
	ModelAndView page(Scope scope) {
		return new ModelAndView("notifications/list").addObject("reminders", reminders.of(scope, VnText.today()));
	}

	@GetMapping("/api/v1/me/reminders")
	@ResponseBody
	List<Reminder> api(Scope scope) {
		return reminders.of(scope, VnText.today());
	}
}

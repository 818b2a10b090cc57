package vn.dangvu.notifications;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import vn.dangvu.shared.Reminder;
import vn.dangvu.shared.Scope;

/** One person's reminders from every module, overdue first, then by deadline. */
@Service
public class Reminders {

	private static final Comparator<Reminder> ORDER = Comparator.comparing(Reminder::overdue).reversed()
		.thenComparing(Reminder::due, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Reminder::vi);

	private final List<Reminder.Source> sources;

	Reminders(List<Reminder.Source> sources) {
		this.sources = sources;
	}

	public List<Reminder> of(Scope scope, LocalDate today) {
		return sources.stream().flatMap(s -> s.reminders(scope, today).stream()).sorted(ORDER).toList();
	}
}

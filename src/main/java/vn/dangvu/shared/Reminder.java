package vn.dangvu.shared;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Something a person should do soon, or should have done: gathered from every module for their to-do page and their
 * daily e-mail. {@code key} names the fact (e.g. {@code meeting-announce:42}) so that a digest tells it once; a
 * reminder that turns overdue gets a new key and is told again.
 */
public record Reminder(String key, String vi, String en, String link, @Nullable LocalDate due, boolean overdue) {

	public String text(boolean english) {
		return english ? en : vi;
	}

	/**
	 * The reminder of an open remediation item (a shortcoming pointed out by a review, its owner, its due date), as
	 * the meetings' review sessions and the yearly review both make them.
	 */
	public static Reminder remediation(String key, String owner, String shortcoming, LocalDate due, LocalDate today,
			String link) {
		boolean late = due.isBefore(today);
		String what = shortcoming.length() > 120 ? shortcoming.substring(0, 119) + "…" : shortcoming;
		return new Reminder(key + (late ? ":late" : ""),
				"Khắc phục hạn chế (" + owner + "): " + what + (late ? " — đã quá hạn " : " — hạn ") + VnText.date(due),
				"Remedy the shortcoming (" + owner + "): " + what + (late ? " — overdue since " : " — due ") + VnText.date(due),
				link, due, late);
	}

	/** What each module that has deadlines offers: the reminders of one person, within their scope. */
	public interface Source {

		List<Reminder> reminders(Scope scope, LocalDate today);
	}
}

package vn.dangvu.organizations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Working days: Monday to Friday except the public holidays of {@code organizations.holiday} (configuration, read
 * again at most a minute after it changes). Used for the deadlines counted in working days and for meeting dates.
 */
@Component
public class WorkingDays {

	private static final Duration KEEP = Duration.ofMinutes(1);

	private final JdbcClient jdbc;
	private volatile Set<LocalDate> holidays = Set.of();
	private volatile Instant readAt = Instant.EPOCH;

	WorkingDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private Set<LocalDate> holidays() {
		if (Instant.now().isAfter(readAt.plus(KEEP))) {
			holidays = Set.copyOf(jdbc.sql("select day from organizations.holiday").query(LocalDate.class).list());
			readAt = Instant.now();
		}
		return holidays;
	}

	public boolean isWorkingDay(LocalDate d) {
		return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays().contains(d);
	}

	/** The day itself if it is a working day, else the next one. */
	public LocalDate onOrAfter(LocalDate d) {
		LocalDate x = d;
		while (!isWorkingDay(x)) {
			x = x.plusDays(1);
		}
		return x;
	}

	/** The day {@code days} working days after {@code from} (the day itself not counted). */
	public LocalDate plus(LocalDate from, int days) {
		LocalDate d = from;
		int n = 0;
		while (n < days) {
			d = d.plusDays(1);
			if (isWorkingDay(d)) {
				n++;
			}
		}
		return d;
	}
}

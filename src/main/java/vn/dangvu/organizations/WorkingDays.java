package vn.dangvu.organizations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dangvu.shared.Audited;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.Denied;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.InvalidInput.Problem;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

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
	private final ApplicationEventPublisher events;
	private volatile Set<LocalDate> holidays = Set.of();
	private volatile Instant readAt = Instant.EPOCH;

	WorkingDays(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** A public holiday. */
	public record Holiday(LocalDate day, String name) {
	}

	/** The public holidays of the years from {@code from} to {@code to}, in order. */
	public List<Holiday> holidays(int from, int to) {
		return jdbc.sql("""
				select day, name from organizations.holiday
				where day >= make_date(:from, 1, 1) and day < make_date(:to + 1, 1, 1) order by day
				""").param("from", from).param("to", to)
			.query((rs, i) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2))).list();
	}

	/** The calendar is national: kept by organization staff of the whole tree (the root organization). */
	public boolean mayEdit(Scope scope) {
		String root = rootPath();
		return root != null && scope.covers(Capability.MANAGE_ORGANIZATIONS, root);
	}

	private @Nullable String rootPath() {
		return jdbc.sql("select path::text from organizations.organization where parent_id is null order by id limit 1")
			.query(String.class).optional().orElse(null);
	}

	/** Adds a public holiday (or renames the one of that day). */
	@Transactional
	public void addHoliday(Scope scope, @Nullable String day, @Nullable String name) {
		if (!mayEdit(scope)) {
			throw new Denied("Chỉ cán bộ tổ chức cấp Trung ương sửa lịch nghỉ lễ toàn quốc");
		}
		List<Problem> problems = new ArrayList<>();
		LocalDate d = VnText.dateField(day, "Ngày nghỉ", problems, true);
		String n = name == null ? "" : name.trim();
		if (n.length() < 2 || n.length() > 200) {
			problems.add(new Problem("Tên ngày nghỉ", n.isEmpty() ? "chưa nhập" : "từ 2 đến 200 ký tự"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		jdbc.sql("insert into organizations.holiday (day, name) values (:d, :n) on conflict (day) do update set name = excluded.name")
			.param("d", d).param("n", n).update();
		changed(scope, "HOLIDAY_ADD", "Ngày nghỉ lễ " + VnText.date(d) + ": " + n);
	}

	/** Removes a public holiday (a day entered by mistake, or moved by the Government's announcement). */
	@Transactional
	public void removeHoliday(Scope scope, LocalDate day) {
		if (!mayEdit(scope)) {
			throw new Denied("Chỉ cán bộ tổ chức cấp Trung ương sửa lịch nghỉ lễ toàn quốc");
		}
		String name = jdbc.sql("delete from organizations.holiday where day = :d returning name").param("d", day)
			.query(String.class).optional().orElseThrow(() -> new NotFound("holiday " + day));
		changed(scope, "HOLIDAY_REMOVE", "Bỏ ngày nghỉ lễ " + VnText.date(day) + ": " + name);
	}

	private void changed(Scope scope, String action, String summary) {
		events.publishEvent(new Audited(scope.username(), action, "holiday", "calendar", rootPath(), summary, null, null));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				readAt = Instant.EPOCH;
			}
		});
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

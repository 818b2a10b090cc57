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
	/** The days off and the compensating working days, read together. */
	private record Calendar(Set<LocalDate> off, Set<LocalDate> working) {
	}

	private volatile Calendar calendar = new Calendar(Set.of(), Set.of());
	private volatile Instant readAt = Instant.EPOCH;

	WorkingDays(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** A public holiday, or ({@code working}) a weekend day made a working day in exchange for one. */
	public record Holiday(LocalDate day, String name, boolean working) {
	}

	/** The public holidays of the years from {@code from} to {@code to}, in order. */
	public List<Holiday> holidays(int from, int to) {
		return jdbc.sql("""
				select day, name, working from organizations.holiday
				where day >= make_date(:from, 1, 1) and day < make_date(:to + 1, 1, 1) order by day
				""").param("from", from).param("to", to)
			.query((rs, i) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBoolean(3))).list();
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

	/**
	 * Adds a public holiday, or with {@code working} a compensating working day (a Saturday or Sunday); a day already
	 * entered is replaced.
	 */
	@Transactional
	public void addHoliday(Scope scope, @Nullable String day, @Nullable String name, boolean working) {
		if (!mayEdit(scope)) {
			throw new Denied("Chỉ cán bộ tổ chức cấp Trung ương sửa lịch nghỉ lễ toàn quốc");
		}
		List<Problem> problems = new ArrayList<>();
		LocalDate d = VnText.dateField(day, "Ngày nghỉ", problems, true);
		String n = name == null ? "" : name.trim();
		if (n.length() < 2 || n.length() > 200) {
			problems.add(new Problem("Tên ngày nghỉ", n.isEmpty() ? "chưa nhập" : "từ 2 đến 200 ký tự"));
		}
		if (working && d != null && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
			problems.add(new Problem("Ngày nghỉ", VnText.date(d) + " không phải thứ Bảy hay Chủ nhật: ngày làm bù chỉ đặt vào cuối tuần"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		jdbc.sql("""
				insert into organizations.holiday (day, name, working) values (:d, :n, :w)
				on conflict (day) do update set name = excluded.name, working = excluded.working
				""").param("d", d).param("n", n).param("w", working).update();
		changed(scope, "HOLIDAY_ADD", (working ? "Ngày làm bù " : "Ngày nghỉ lễ ") + VnText.date(d) + ": " + n);
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

	private Calendar calendar() {
		if (Instant.now().isAfter(readAt.plus(KEEP))) {
			Set<LocalDate> off = new java.util.HashSet<>();
			Set<LocalDate> working = new java.util.HashSet<>();
			jdbc.sql("select day, working from organizations.holiday").query((rs, i) -> {
				(rs.getBoolean(2) ? working : off).add(rs.getObject(1, LocalDate.class));
				return null;
			}).list();
			calendar = new Calendar(Set.copyOf(off), Set.copyOf(working));
			readAt = Instant.now();
		}
		return calendar;
	}

	/** Monday to Friday except public holidays, and the compensating working days on a weekend. */
	public boolean isWorkingDay(LocalDate d) {
		Calendar c = calendar();
		if (c.working().contains(d)) {
			return true;
		}
		return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !c.off().contains(d);
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

package vn.dangvu.meetings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rules that are configuration with an effective date (DOMAIN §2: quorum [GAP], HD 12 thresholds, provincial
 * rubrics and minimum counts). The rule in force for an organization on a date is the nearest ancestor's (the
 * national default has no path) with the latest effective date not after it.
 */
@Component
class MeetingRules {

	private final JdbcClient jdbc;

	MeetingRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Nullable
	String value(String key, String orgPath, LocalDate on) {
		return jdbc.sql("""
				select value from meetings.rule
				where key = :key and effective_from <= :on and (org_path is null or org_path @> cast(:path as ltree))
				order by coalesce(nlevel(org_path), 0) desc, effective_from desc limit 1
				""").param("key", key).param("on", on).param("path", orgPath).query(String.class).optional().orElse(null);
	}

	int integer(String key, String orgPath, LocalDate on, int fallback) {
		String v = value(key, orgPath, on);
		try {
			return v == null ? fallback : Integer.parseInt(v.trim());
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}

	record Criterion(String code, String label, int max) {
	}

	record Band(String band, int min) {
	}

	record Rubric(String kind, List<Criterion> criteria, List<Band> bands, String reference) {

		String band(int score) {
			return bands.stream().filter(b -> score >= b.min()).findFirst().map(Band::band).orElse("POOR");
		}

		int max() {
			return criteria.stream().mapToInt(Criterion::max).sum();
		}
	}

	/** The rubric for a meeting: thematic meetings have their own; every other kind is scored as regular. */
	Rubric rubric(MeetingKind kind, String orgPath, LocalDate on) {
		String k = kind == MeetingKind.THEMATIC ? "THEMATIC" : "REGULAR";
		return jdbc.sql("""
				select criteria::text, bands::text, reference from meetings.rubric
				where kind = :kind and effective_from <= :on and (org_path is null or org_path @> cast(:path as ltree))
				order by coalesce(nlevel(org_path), 0) desc, effective_from desc limit 1
				""").param("kind", k).param("on", on).param("path", orgPath).query((rs, i) -> new Rubric(k,
					List.of(MeetingRepository.JSON.readValue(rs.getString(1), Criterion[].class)),
					List.of(MeetingRepository.JSON.readValue(rs.getString(2), Band[].class)), rs.getString(3))).single();
	}

	Set<LocalDate> holidays(LocalDate from, LocalDate to) {
		return Set.copyOf(jdbc.sql("select day from meetings.holiday where day between :from and :to")
			.param("from", from).param("to", to).query(LocalDate.class).list());
	}

	static LocalDate nextWorkingDay(LocalDate d, Set<LocalDate> holidays) {
		while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || holidays.contains(d)) {
			d = d.plusDays(1);
		}
		return d;
	}

	/** The date by which the topic and agenda must be announced: end of the previous month, or N days before. */
	LocalDate publishBy(String orgPath, LocalDate meetingDate) {
		int days = integer("publish.days_before", orgPath, meetingDate, 0);
		return days <= 0 ? meetingDate.withDayOfMonth(1).minusDays(1) : meetingDate.minusDays(days);
	}
}

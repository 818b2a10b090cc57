package vn.dangvu.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dangvu.shared.Scope;

/**
 * Rules that are configuration with an effective date (DOMAIN §2: quorum [GAP], HD 12 thresholds, provincial
 * rubrics and minimum counts, public holidays). The rule in force for an organization on a date is the nearest
 * ancestor's (the national default has no path) with the latest effective date not after it. The tables are
 * small and change rarely: they are read into memory and re-read once a minute, so pages ask no query for them.
 */
@Component
class MeetingRules {

	static final long REFRESH_MILLIS = 60_000;

	private final JdbcClient jdbc;

	private volatile @Nullable Snapshot snapshot;

	MeetingRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Rule(@Nullable String path, String key, String value, LocalDate from) {
	}

	record RubricRow(@Nullable String path, String kind, LocalDate from, List<Criterion> criteria, List<Band> bands,
			String reference) {
	}

	private record Snapshot(Instant at, List<Rule> rules, List<RubricRow> rubrics) {
	}

	private Snapshot snapshot() {
		Snapshot s = snapshot;
		if (s == null || s.at().plusMillis(REFRESH_MILLIS).isBefore(Instant.now())) {
			List<Rule> rules = jdbc.sql("select org_path::text, key, value, effective_from from meetings.rule")
				.query((rs, i) -> new Rule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
				.list();
			List<RubricRow> rubrics = jdbc.sql("select org_path::text, kind, effective_from, criteria::text, bands::text, reference from meetings.rubric")
				.query((rs, i) -> new RubricRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
						List.of(MeetingRepository.JSON.readValue(rs.getString(4), Criterion[].class)),
						List.of(MeetingRepository.JSON.readValue(rs.getString(5), Band[].class)), rs.getString(6)))
				.list();
			s = new Snapshot(Instant.now(), rules, rubrics);
			snapshot = s;
		}
		return s;
	}

	/** Forgets the rules read, so that a change made in the database applies at once (tests, administration). */
	void refresh() {
		snapshot = null;
	}

	/**
	 * Forgets the rules read once the current transaction commits (before, a request in between could read the old
	 * rules again and keep them for a minute).
	 */
	void refreshAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				refresh();
			}
		});
	}

	private static boolean applies(@Nullable String rulePath, String orgPath) {
		return rulePath == null || Scope.isWithin(orgPath, rulePath);
	}

	private static int depth(@Nullable String path) {
		return path == null ? 0 : path.split("\\.").length;
	}

	@Nullable
	String value(String key, String orgPath, LocalDate on) {
		return snapshot().rules().stream()
			.filter(r -> r.key().equals(key) && !r.from().isAfter(on) && applies(r.path(), orgPath))
			.max(Comparator.comparingInt((Rule r) -> depth(r.path())).thenComparing(Rule::from))
			.map(Rule::value).orElse(null);
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
	}

	/** The rubric for a meeting: thematic meetings have their own; every other kind is scored as regular. */
	Rubric rubric(MeetingKind kind, String orgPath, LocalDate on) {
		String k = kind == MeetingKind.THEMATIC ? "THEMATIC" : "REGULAR";
		RubricRow row = snapshot().rubrics().stream()
			.filter(r -> r.kind().equals(k) && !r.from().isAfter(on) && applies(r.path(), orgPath))
			.max(Comparator.comparingInt((RubricRow r) -> depth(r.path())).thenComparing(RubricRow::from))
			.orElseThrow(() -> new IllegalStateException("no rubric for " + k));
		return new Rubric(k, row.criteria(), row.bands(), row.reference());
	}

	/** The date by which the topic and agenda must be announced: end of the previous month, or N days before. */
	LocalDate publishBy(String orgPath, LocalDate meetingDate) {
		int days = integer("publish.days_before", orgPath, meetingDate, 0);
		return days <= 0 ? meetingDate.withDayOfMonth(1).minusDays(1) : meetingDate.minusDays(days);
	}
}

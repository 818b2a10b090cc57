package vn.dangvu.meetings.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import vn.dangvu.meetings.Minutes;
import vn.dangvu.meetings.MinutesInput;

/**
 * The minutes form as text fields, from stored minutes or from what was posted, with blank rows to add speeches,
 * votes and tasks without JavaScript. Field names: {@code sp<i>/sc<i>} speech, {@code vi/vm/vf/va/vb<i>} vote,
 * {@code tm/tc/td<i>} task, {@code score_<code>} rubric points.
 */
public record MinutesForm(String chairId, String secretaryId, String reportSummary, String conclusions, String closedAt,
		List<String[]> speeches, List<String[]> votes, List<String[]> tasks, Map<String, String> scores, String reason,
		String mode) {

	static final int MAX_ROWS = 60;

	static MinutesForm of(@Nullable Minutes m) {
		List<String[]> speeches = new ArrayList<>();
		List<String[]> votes = new ArrayList<>();
		List<String[]> tasks = new ArrayList<>();
		Map<String, String> scores = new HashMap<>();
		if (m == null) {
			pad(speeches, 2, votes, 3, tasks, 3);
			return new MinutesForm("", "", "", "", "", speeches, votes, tasks, scores, "", "save");
		}
		var c = m.content();
		c.discussion().forEach(s -> speeches.add(new String[] { s.speaker(), s.content() }));
		c.votes().forEach(v -> votes.add(new String[] { v.item(), v.method(), String.valueOf(v.inFavour()),
				String.valueOf(v.against()), String.valueOf(v.abstain()) }));
		c.tasks().forEach(t -> tasks.add(new String[] { String.valueOf(t.memberId()), t.content(), t.dueOn() == null ? "" : t.dueOn() }));
		c.scores().forEach(s -> scores.put(s.code(), String.valueOf(s.points())));
		pad(speeches, 2, votes, 3, tasks, 3);
		return new MinutesForm(str(c.chairId()), str(c.secretaryId()), c.reportSummary(), c.conclusions(), c.closedAt(),
				speeches, votes, tasks, scores, "", m.locked() ? "amend" : "save");
	}

	static MinutesForm of(Map<String, String> f) {
		List<String[]> speeches = new ArrayList<>();
		List<String[]> votes = new ArrayList<>();
		List<String[]> tasks = new ArrayList<>();
		Map<String, String> scores = new HashMap<>();
		for (int i = 0; i < MAX_ROWS; i++) {
			if (f.containsKey("sp" + i)) {
				speeches.add(new String[] { g(f, "sp" + i), g(f, "sc" + i) });
			}
			if (f.containsKey("vi" + i)) {
				votes.add(new String[] { g(f, "vi" + i), g(f, "vm" + i), g(f, "vf" + i), g(f, "va" + i), g(f, "vb" + i) });
			}
			if (f.containsKey("tm" + i)) {
				tasks.add(new String[] { g(f, "tm" + i), g(f, "tc" + i), g(f, "td" + i) });
			}
		}
		f.forEach((k, v) -> {
			if (k.startsWith("score_")) {
				scores.put(k.substring(6), v);
			}
		});
		return new MinutesForm(g(f, "chairId"), g(f, "secretaryId"), g(f, "reportSummary"), g(f, "conclusions"),
				g(f, "closedAt"), speeches, votes, tasks, scores, g(f, "reason"), g(f, "mode"));
	}

	static MinutesInput input(Map<String, String> f) {
		MinutesForm form = of(f);
		List<Minutes.Speech> speeches = form.speeches.stream().map(s -> new Minutes.Speech(s[0], s[1])).toList();
		List<MinutesInput.VoteLine> votes = form.votes.stream()
			.map(v -> new MinutesInput.VoteLine(v[0], v[1], v[2], v[3], v[4])).toList();
		List<MinutesInput.TaskLine> tasks = form.tasks.stream().map(t -> new MinutesInput.TaskLine(id(t[0]), t[1], t[2])).toList();
		return new MinutesInput(id(form.chairId), id(form.secretaryId), form.reportSummary, speeches, form.conclusions, votes,
				tasks, form.scores, form.closedAt);
	}

	private static void pad(List<String[]> speeches, int s, List<String[]> votes, int v, List<String[]> tasks, int t) {
		for (int i = 0; i < s; i++) {
			speeches.add(new String[] { "", "" });
		}
		if (votes.isEmpty()) {
			votes.add(new String[] { "", "SHOW_OF_HANDS", "", "", "" });
		}
		for (int i = 1; i < v && votes.size() < v; i++) {
			votes.add(new String[] { "", "SHOW_OF_HANDS", "", "", "" });
		}
		for (int i = 0; i < t; i++) {
			tasks.add(new String[] { "", "", "" });
		}
	}

	private static @Nullable Long id(@Nullable String s) {
		try {
			return s == null || s.isBlank() ? null : Long.parseLong(s.trim());
		}
		catch (NumberFormatException e) {
			return -1L;
		}
	}

	private static String g(Map<String, String> f, String k) {
		String v = f.get(k);
		return v == null ? "" : v;
	}

	private static String str(@Nullable Long v) {
		return v == null ? "" : String.valueOf(v);
	}
}

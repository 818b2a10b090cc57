package vn.dangvu.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.shared.Audited;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.InvalidInput.Problem;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/**
 * The meeting-quality rubrics (regular and thematic meetings: criteria with their maximum points and the bands that
 * name the result) and the self-review form of review sessions, as a province keeps them: each a version with the
 * date it applies from and the document it rests on. The national versions stay; nothing is deleted. Minutes keep
 * the criteria they were scored on, so a new rubric changes no recorded score; a new self-review form may not start
 * on or before a review session in which members have already written on the form in force.
 */
@Service
public class ScoringSettings {

	/** One criterion of a rubric. */
	public record Line(String code, String label, int max) {
	}

	/** A rubric version; {@code good}, {@code fair}, {@code average}: the least points of each band. */
	public record Rubric(String kind, List<Line> criteria, int good, int fair, int average, LocalDate from,
			String reference, @Nullable Long organizationId, @Nullable String organizationName, int depth) {

		public int total() {
			return criteria.stream().mapToInt(Line::max).sum();
		}

		/** The criteria as the page's text area writes them: one per line, "label | points". */
		public String text() {
			StringBuilder b = new StringBuilder();
			for (Line l : criteria) {
				b.append(l.label()).append(" | ").append(l.max()).append('\n');
			}
			return b.toString();
		}
	}

	/** A self-review form version. */
	public record Form(List<ReviewManagement.Field> fields, LocalDate from, String reference,
			@Nullable Long organizationId, @Nullable String organizationName, int depth) {

		public String text() {
			StringBuilder b = new StringBuilder();
			for (var f : fields) {
				b.append(f.label()).append('\n');
			}
			return b.toString();
		}
	}

	/** What applies today (a rubric per kind, the form), every version on the organization's path, and the right to set. */
	public record View(List<Rubric> rubricsInForce, List<Rubric> rubricHistory, Form formInForce, List<Form> formHistory,
			boolean canSet) {
	}

	/** A criterion as typed: the text of one line, or the label and points sent through the API. */
	public record Input(@Nullable String label, @Nullable String max) {
	}

	public static final List<String> KINDS = List.of("REGULAR", "THEMATIC");

	private final JdbcClient jdbc;
	private final MeetingManagement meetings;
	private final MeetingRules rules;
	private final ApplicationEventPublisher events;

	ScoringSettings(JdbcClient jdbc, MeetingManagement meetings, MeetingRules rules, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.rules = rules;
		this.events = events;
	}

	public View view(Scope scope, long orgId) {
		OrganizationSummary org = meetings.organization(scope, orgId);
		List<Rubric> rubrics = rubrics(org.path());
		List<Form> forms = forms(org.path());
		LocalDate today = VnText.today();
		List<Rubric> inForce = new ArrayList<>();
		for (String kind : KINDS) {
			rubrics.stream().filter(r -> r.kind().equals(kind) && !r.from().isAfter(today))
				.max(Comparator.comparingInt(Rubric::depth).thenComparing(Rubric::from)) // as MeetingRules.rubric
				.ifPresent(inForce::add);
		}
		Form form = inForce(forms, today);
		return new View(inForce, rubrics, form, forms, MeetingRuleSettings.maySet(scope, org));
	}

	private static Form inForce(List<Form> forms, LocalDate on) {
		return forms.stream().filter(f -> !f.from().isAfter(on))
			.max(Comparator.comparingInt(Form::depth).thenComparing(Form::from)) // as ReviewManagement.form
			.orElseThrow(() -> new IllegalStateException("no self-review form"));
	}

	private List<Rubric> rubrics(String path) {
		return jdbc.sql("""
				select r.kind, r.criteria::text, r.bands::text, r.effective_from, r.reference, o.id, o.name,
				       coalesce(nlevel(r.org_path), 0)
				from meetings.rubric r
				left join organizations.organization o on o.path = r.org_path
				where r.org_path is null or r.org_path @> cast(:path as ltree)
				order by r.kind, coalesce(nlevel(r.org_path), 0), r.effective_from
				""").param("path", path).query((rs, i) -> {
					var criteria = MeetingRepository.JSON.readValue(rs.getString(2), MeetingRules.Criterion[].class);
					Map<String, Integer> bands = new HashMap<>();
					for (var b : MeetingRepository.JSON.readValue(rs.getString(3), MeetingRules.Band[].class)) {
						bands.put(b.band(), b.min());
					}
					return new Rubric(rs.getString(1),
							java.util.Arrays.stream(criteria).map(c -> new Line(c.code(), c.label(), c.max())).toList(),
							bands.getOrDefault("GOOD", 90), bands.getOrDefault("FAIR", 70), bands.getOrDefault("AVERAGE", 50),
							rs.getObject(4, LocalDate.class), rs.getString(5), (Long) rs.getObject(6), rs.getString(7), rs.getInt(8));
				}).list();
	}

	private List<Form> forms(String path) {
		return jdbc.sql("""
				select f.fields::text, f.effective_from, f.reference, o.id, o.name, coalesce(nlevel(f.org_path), 0)
				from meetings.review_form f
				left join organizations.organization o on o.path = f.org_path
				where f.org_path is null or f.org_path @> cast(:path as ltree)
				order by coalesce(nlevel(f.org_path), 0), f.effective_from
				""").param("path", path).query((rs, i) -> new Form(
					List.of(MeetingRepository.JSON.readValue(rs.getString(1), ReviewManagement.Field[].class)),
					rs.getObject(2, LocalDate.class), rs.getString(3), (Long) rs.getObject(4), rs.getString(5), rs.getInt(6)))
			.list();
	}

	/** The lines of the page's text area: "label | points" (or label, a tab, points, as pasted from a spreadsheet). */
	public static List<Input> lines(@Nullable String text) {
		List<Input> out = new ArrayList<>();
		if (text == null) {
			return out;
		}
		for (String raw : text.split("\\R")) {
			if (raw.isBlank()) {
				continue;
			}
			int cut = Math.max(raw.lastIndexOf('|'), raw.lastIndexOf('\t'));
			out.add(cut < 0 ? new Input(raw, null) : new Input(raw.substring(0, cut), raw.substring(cut + 1)));
		}
		return out;
	}

	/**
	 * Sets the organization's rubric for one kind of meeting from a date. The criteria's maxima add up to 100 and
	 * the bands descend; each problem names its field (the line of a criterion).
	 */
	@Transactional
	public void setRubric(Scope scope, long orgId, @Nullable String kind, List<Input> criteria, @Nullable String good,
			@Nullable String fair, @Nullable String average, @Nullable String from, @Nullable String reference) {
		OrganizationSummary org = settable(scope, orgId);
		List<Problem> problems = new ArrayList<>();
		if (kind == null || !KINDS.contains(kind)) {
			problems.add(new Problem("Loại cuộc họp", kind == null || kind.isBlank() ? "chưa chọn"
					: "“" + kind + "” không phải sinh hoạt thường kỳ (REGULAR) hay chuyên đề (THEMATIC)"));
		}
		Labels labels = new Labels();
		if (kind != null && KINDS.contains(kind)) {
			rubrics(org.path()).stream().filter(r -> r.kind().equals(kind))
				.forEach(r -> r.criteria().forEach(c -> labels.know(c.label(), c.code())));
		}
		List<Line> lines = new ArrayList<>();
		int n = 0;
		for (Input in : criteria) {
			n++;
			String field = "Tiêu chí, dòng " + n;
			String label = labels.check(in.label(), field, "thiếu nội dung tiêu chí", "nội dung", problems);
			if (label == null) {
				continue;
			}
			if (in.max() == null || in.max().isBlank()) {
				problems.add(new Problem(field, "thiếu điểm tối đa (viết: nội dung | điểm, ví dụ “Chuẩn bị nội dung | 15”)"));
				continue;
			}
			Integer max = MeetingManagement.intIn(in.max(), 1, 100, field, "điểm tối đa phải là số nguyên từ 1 đến 100",
					problems, true);
			if (max != null) {
				lines.add(new Line(labels.code(label), label, max));
			}
		}
		if (criteria.size() < 2) {
			problems.add(new Problem("Tiêu chí", "cần ít nhất 2 tiêu chí, mỗi dòng một tiêu chí"));
		}
		else if (criteria.size() > 20) {
			problems.add(new Problem("Tiêu chí", "nhiều nhất 20 tiêu chí"));
		}
		else if (lines.size() == criteria.size()) {
			int total = lines.stream().mapToInt(Line::max).sum();
			if (total != 100) {
				problems.add(new Problem("Tiêu chí", "tổng điểm tối đa phải bằng 100 (đang là " + total + ")"));
			}
		}
		Integer g = MeetingManagement.intIn(good, 2, 100, "Loại Tốt từ (điểm)", "là số nguyên từ 2 đến 100", problems, true);
		Integer f = MeetingManagement.intIn(fair, 1, 99, "Loại Khá từ (điểm)", "là số nguyên từ 1 đến 99", problems, true);
		Integer a = MeetingManagement.intIn(average, 1, 98, "Loại Trung bình từ (điểm)", "là số nguyên từ 1 đến 98", problems, true);
		if (g != null && f != null && f >= g) {
			problems.add(new Problem("Loại Khá từ (điểm)", "phải thấp hơn mức của loại Tốt (" + g + ")"));
		}
		if (f != null && a != null && a >= f) {
			problems.add(new Problem("Loại Trung bình từ (điểm)", "phải thấp hơn mức của loại Khá (" + f + ")"));
		}
		LocalDate date = VnText.dateField(from, "Áp dụng từ ngày", problems, true);
		String ref = MeetingManagement.text(reference, "Căn cứ (văn bản)", 3, 300, problems, true);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		int clash = jdbc.sql("""
				select count(*) from meetings.rubric where kind = :k and org_path = cast(:path as ltree) and effective_from = :d
				""").param("k", kind).param("path", org.path()).param("d", date).query(Integer.class).single();
		if (clash > 0) {
			throw new InvalidInput("Áp dụng từ ngày", "đã có thang điểm của " + org.name() + " từ ngày " + VnText.date(date)
					+ "; chọn ngày khác");
		}
		List<Map<String, Object>> json = lines.stream().map(l -> Map.<String, Object>of("code", l.code(), "label", l.label(),
				"max", l.max())).toList();
		List<Map<String, Object>> bands = List.of(Map.of("band", "GOOD", "min", g), Map.of("band", "FAIR", "min", f),
				Map.of("band", "AVERAGE", "min", a), Map.of("band", "POOR", "min", 0));
		jdbc.sql("""
				insert into meetings.rubric (org_path, kind, effective_from, criteria, bands, reference)
				values (cast(:path as ltree), :k, :d, cast(:c as jsonb), cast(:b as jsonb), :ref)
				""").param("path", org.path()).param("k", kind).param("d", date)
			.param("c", MeetingRepository.JSON.writeValueAsString(json)).param("b", MeetingRepository.JSON.writeValueAsString(bands))
			.param("ref", ref).update();
		rules.refreshAfterCommit();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("kind", kind);
		after.put("criteria", json);
		after.put("bands", Map.of("GOOD", g, "FAIR", f, "AVERAGE", a));
		after.put("from", VnText.date(date));
		after.put("reference", ref);
		events.publishEvent(new Audited(scope.username(), "MEETING_RUBRIC_SET", "organization", String.valueOf(orgId),
				org.path(), "Thang điểm " + ("THEMATIC".equals(kind) ? "sinh hoạt chuyên đề" : "sinh hoạt thường kỳ") + " ("
						+ lines.size() + " tiêu chí) từ " + VnText.date(date) + " (" + ref + ")", null, after));
	}

	/**
	 * Sets the organization's self-review form from a date: one heading per line. Refused when members have already
	 * written self-reviews, in the organization's subtree, for a session on or after that date.
	 */
	@Transactional
	public void setForm(Scope scope, long orgId, List<String> headings, @Nullable String from, @Nullable String reference) {
		OrganizationSummary org = settable(scope, orgId);
		List<Problem> problems = new ArrayList<>();
		Labels labels = new Labels();
		forms(org.path()).forEach(f -> f.fields().forEach(x -> labels.know(x.label(), x.code())));
		List<ReviewManagement.Field> fields = new ArrayList<>();
		int n = 0;
		for (String raw : headings) {
			n++;
			String label = labels.check(raw, "Mục, dòng " + n, "thiếu tên mục", "tên mục", problems);
			if (label != null) {
				fields.add(new ReviewManagement.Field(labels.code(label), label));
			}
		}
		if (headings.isEmpty()) {
			problems.add(new Problem("Các mục của bản tự kiểm điểm", "chưa nhập; mỗi dòng một mục"));
		}
		else if (headings.size() > 15) {
			problems.add(new Problem("Các mục của bản tự kiểm điểm", "nhiều nhất 15 mục"));
		}
		LocalDate date = VnText.dateField(from, "Áp dụng từ ngày", problems, true);
		String ref = MeetingManagement.text(reference, "Căn cứ (văn bản)", 3, 300, problems, true);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		int clash = jdbc.sql("""
				select count(*) from meetings.review_form where org_path = cast(:path as ltree) and effective_from = :d
				""").param("path", org.path()).param("d", date).query(Integer.class).single();
		if (clash > 0) {
			throw new InvalidInput("Áp dụng từ ngày", "đã có mẫu của " + org.name() + " từ ngày " + VnText.date(date)
					+ "; chọn ngày khác");
		}
		LocalDate written = jdbc.sql("""
				select max(m.meeting_date) from meetings.meeting m
				where m.org_path <@ cast(:path as ltree) and m.kind = 'REVIEW' and m.meeting_date >= :d
				  and exists (select 1 from meetings.self_review s where s.meeting_id = m.id)
				""").param("path", org.path()).param("d", date).query(LocalDate.class).optional().orElse(null);
		if (written != null) {
			throw new InvalidInput("Áp dụng từ ngày", "đã có đảng viên viết bản tự kiểm điểm theo mẫu đang dùng cho buổi kiểm điểm ngày "
					+ VnText.date(written) + "; chọn ngày sau ngày đó");
		}
		List<Map<String, String>> json = fields.stream().map(l -> Map.of("code", l.code(), "label", l.label())).toList();
		jdbc.sql("""
				insert into meetings.review_form (org_path, effective_from, fields, reference)
				values (cast(:path as ltree), :d, cast(:f as jsonb), :ref)
				""").param("path", org.path()).param("d", date).param("f", MeetingRepository.JSON.writeValueAsString(json))
			.param("ref", ref).update();
		events.publishEvent(new Audited(scope.username(), "REVIEW_FORM_SET", "organization", String.valueOf(orgId),
				org.path(), "Mẫu bản tự kiểm điểm (" + fields.size() + " mục) từ " + VnText.date(date) + " (" + ref + ")", null,
				Map.of("fields", json, "from", VnText.date(date), "reference", ref)));
	}

	private OrganizationSummary settable(Scope scope, long orgId) {
		OrganizationSummary org = meetings.organization(scope, orgId);
		if (!MeetingRuleSettings.maySet(scope, org)) {
			throw new NotFound("rubrics of " + orgId);
		}
		return org;
	}

	/**
	 * The wordings of one version's lines: each checked (length, not twice) and given the code it is stored under —
	 * the one it had in an earlier version when the wording is the same (so that scores and answers keep their
	 * place), otherwise made from the words.
	 */
	private static final class Labels {

		private final Map<String, String> known = new HashMap<>();
		private final Set<String> seen = new HashSet<>();
		private final Set<String> codes = new HashSet<>();

		void know(String label, String code) {
			known.putIfAbsent(VnText.fold(label), code);
		}

		/** The wording squeezed, or null with the problem added under {@code field}. */
		@Nullable String check(@Nullable String raw, String field, String missing, String noun, List<Problem> problems) {
			String label = raw == null ? "" : VnText.squeeze(raw);
			if (label.length() < 3 || label.length() > 200) {
				problems.add(new Problem(field, label.isEmpty() ? missing : noun + " phải dài từ 3 đến 200 ký tự"));
				return null;
			}
			if (!seen.add(VnText.fold(label))) {
				problems.add(new Problem(field, "“" + label + "” trùng với một dòng trên"));
				return null;
			}
			return label;
		}

		String code(String label) {
			String c = known.get(VnText.fold(label));
			if (c == null) {
				String slug = VnText.fold(label).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
				c = slug.length() > 40 ? slug.substring(0, 40) : slug.isEmpty() ? "c" : slug;
			}
			String code = c;
			for (int i = codes.size() + 1; codes.contains(code); i++) {
				code = c + "_" + i;
			}
			codes.add(code);
			return code;
		}
	}
}

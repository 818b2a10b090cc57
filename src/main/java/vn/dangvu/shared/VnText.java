package vn.dangvu.shared;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Vietnamese text and dates: folding for search, dd/MM/yyyy, the Asia/Ho_Chi_Minh zone. */
public final class VnText {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
	private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);
	public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

	// Compiled once: String.replaceAll and matches compile their pattern on every call (a 50,000-row import
	// folds and trims a million fields).
	private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
	private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
	private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private VnText() {
	}

	/** Trimmed, with every run of white space made one space. */
	public static String squeeze(String s) {
		String t = s.trim();
		// most text has single spaces only: no regular expression for it (an import squeezes a million fields)
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			if (c < ' ' || c == ' ' && t.charAt(i + 1) == ' ') {
				return SPACES.matcher(t).replaceAll(" ");
			}
		}
		return t;
	}

	/** Lower case without diacritics, đ folded to d: what the database's vn_fold() does. */
	public static String fold(String s) {
		String d = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
		return squeeze(MARKS.matcher(d).replaceAll("").toLowerCase(Locale.ROOT));
	}

	public static String date(@Nullable LocalDate d) {
		return d == null ? "" : DATE.format(d);
	}

	/**
	 * The date typed in a form field (dd/MM/yyyy, or yyyy-MM-dd), or null: when it is not a date, or missing and
	 * required, a problem naming the field is added instead.
	 */
	public static @Nullable LocalDate dateField(@Nullable String raw, String field, java.util.List<InvalidInput.Problem> problems,
			boolean required) {
		try {
			LocalDate d = parseDate(raw);
			if (d == null && required) {
				problems.add(new InvalidInput.Problem(field, "chưa nhập"));
			}
			return d;
		}
		catch (IllegalArgumentException e) {
			problems.add(new InvalidInput.Problem(field, "“" + raw + "” không phải ngày hợp lệ (dd/MM/yyyy)"));
			return null;
		}
	}

	public static @Nullable LocalDate parseDate(@Nullable String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		String t = s.trim();
		try {
			if (ISO_DATE.matcher(t).matches()) {
				return LocalDate.parse(t);
			}
			return LocalDate.parse(t.replace('-', '/').replace('.', '/'), DAY_MONTH_YEAR);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException(t);
		}
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	/** Normalizes a person's name: trimmed, single spaces, each word capitalized, NFC. */
	public static String personName(String s) {
		String n = Normalizer.normalize(squeeze(s), Normalizer.Form.NFC);
		StringBuilder b = new StringBuilder();
		for (String w : n.split(" ")) {
			if (w.isEmpty()) {
				continue;
			}
			if (!b.isEmpty()) {
				b.append(' ');
			}
			b.append(w.substring(0, 1).toUpperCase(new Locale("vi"))).append(w.substring(1).toLowerCase(new Locale("vi")));
		}
		return b.toString();
	}
}

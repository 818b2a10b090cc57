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

	private VnText() {
	}

	/** Lower case without diacritics, đ folded to d: what the database's vn_fold() does. */
	public static String fold(String s) {
		String d = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
		return d.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
	}

	public static String date(@Nullable LocalDate d) {
		return d == null ? "" : DATE.format(d);
	}

	public static @Nullable LocalDate parseDate(@Nullable String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		String t = s.trim();
		try {
			if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
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
		String n = Normalizer.normalize(s.trim().replaceAll("\\s+", " "), Normalizer.Form.NFC);
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

package vn.dangvu.organizations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.InvalidInput.Problem;
import vn.dangvu.shared.VnText;

/**
 * A member record as typed into a form, sent to the API or read from a spreadsheet row: every value a string.
 * {@link #validate()} checks it against the rules and returns the typed record, or throws with every problem
 * found, each naming the field by its Vietnamese label.
 */
public record MemberInput(@Nullable String fullName, @Nullable String birthName, @Nullable String aliases,
		@Nullable String gender, @Nullable String birthDate, @Nullable String birthplace, @Nullable String hometown,
		@Nullable String residence, @Nullable String ethnicity, @Nullable String religion, @Nullable String citizenId,
		@Nullable String recordNo, @Nullable String cardNo, @Nullable String cardIssue, @Nullable String admittedOn,
		@Nullable String ceremonyOn, @Nullable String recognizedOn, @Nullable String standing, @Nullable String education,
		@Nullable String professional, @Nullable String politicalTheory, @Nullable String foreignLanguage,
		@Nullable String occupation, @Nullable String workplace, @Nullable String phone, @Nullable String email) {

	private static final Pattern NAME = Pattern.compile("^[\\p{L} .'-]+$");
	private static final Pattern CITIZEN_ID = Pattern.compile("^[0-9]{12}$");
	private static final Pattern RECORD_NO = Pattern.compile("^[0-9]{6}[A-ZĐ]{1,3}$");
	private static final Pattern CARD_NO = Pattern.compile("^[0-9]{8}$");
	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 .]{8,15}$");
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	public static MemberInput empty() {
		return new MemberInput(null, null, null, null, null, null, null, null, "Kinh", "Không", null, null, null, null,
				null, null, null, "PROBATIONARY", null, null, null, null, null, null, null, null);
	}

	/** The validated record. */
	public record Data(String fullName, @Nullable String birthName, @Nullable String aliases, String gender,
			LocalDate birthDate, @Nullable String birthplace, @Nullable String hometown, @Nullable String residence,
			String ethnicity, String religion, @Nullable String citizenId, @Nullable String recordNo,
			@Nullable String cardNo, @Nullable String cardIssue, LocalDate admittedOn, @Nullable LocalDate ceremonyOn,
			@Nullable LocalDate recognizedOn, String standing, @Nullable String education, @Nullable String professional,
			@Nullable String politicalTheory, @Nullable String foreignLanguage, @Nullable String occupation,
			@Nullable String workplace, @Nullable String phone, @Nullable String email) {
	}

	public Data validate() {
		List<Problem> problems = new ArrayList<>();
		Data d = check(problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return d;
	}

	/** Collects the problems instead of throwing; returns null when there are any. */
	@Nullable
	Data check(List<Problem> problems) {
		LocalDate today = VnText.today();
		String name = text(fullName);
		if (name == null || name.length() < 2) {
			problems.add(new Problem("Họ và tên", "chưa nhập"));
		}
		else if (name.length() > 120) {
			problems.add(new Problem("Họ và tên", "dài quá 120 ký tự"));
		}
		else if (!NAME.matcher(name).matches()) {
			problems.add(new Problem("Họ và tên", "“" + name + "” chỉ được gồm chữ cái và khoảng trắng"));
		}
		else if (!name.contains(" ")) {
			problems.add(new Problem("Họ và tên", "“" + name + "” cần đủ họ và tên"));
		}
		String g = gender(text(gender));
		if (g == null) {
			problems.add(new Problem("Giới tính", text(gender) == null ? "chưa chọn" : "“" + gender + "” phải là Nam hoặc Nữ"));
		}
		LocalDate born = date(birthDate, "Ngày sinh", true, problems);
		LocalDate admitted = date(admittedOn, "Ngày vào Đảng", true, problems);
		LocalDate ceremony = date(ceremonyOn, "Ngày kết nạp (lễ)", false, problems);
		LocalDate recognized = date(recognizedOn, "Ngày chính thức", false, problems);
		if (born != null && born.isAfter(today.minusYears(16))) {
			problems.add(new Problem("Ngày sinh", VnText.date(born) + " không hợp lý (chưa đủ tuổi)"));
		}
		if (born != null && born.isBefore(LocalDate.of(1900, 1, 1))) {
			problems.add(new Problem("Ngày sinh", VnText.date(born) + " không hợp lý"));
		}
		if (admitted != null) {
			if (admitted.isAfter(today)) {
				problems.add(new Problem("Ngày vào Đảng", VnText.date(admitted) + " là ngày trong tương lai"));
			}
			if (born != null && admitted.isBefore(born.plusYears(18))) {
				problems.add(new Problem("Ngày vào Đảng", VnText.date(admitted) + " khi chưa đủ 18 tuổi (sinh "
						+ VnText.date(born) + ")"));
			}
			if (ceremony != null && ceremony.isBefore(admitted)) {
				problems.add(new Problem("Ngày kết nạp (lễ)", "trước ngày quyết định kết nạp " + VnText.date(admitted)));
			}
		}
		String st = standing(text(standing));
		if (st == null) {
			problems.add(new Problem("Loại đảng viên", "phải là Dự bị hoặc Chính thức"));
		}
		else if ("PROBATIONARY".equals(st)) {
			if (recognized != null) {
				problems.add(new Problem("Ngày chính thức", "đảng viên dự bị chưa có ngày chính thức"));
			}
		}
		else if (admitted != null) {
			if (recognized == null) {
				recognized = admitted.plusMonths(12);
			}
			else if (recognized.isBefore(admitted.plusMonths(12))) {
				problems.add(new Problem("Ngày chính thức", VnText.date(recognized) + " chưa đủ 12 tháng dự bị kể từ "
						+ VnText.date(admitted)));
			}
			if (recognized.isAfter(today)) {
				problems.add(new Problem("Ngày chính thức", VnText.date(recognized) + " là ngày trong tương lai"));
			}
		}
		String cid = digits(citizenId);
		if (cid != null && !CITIZEN_ID.matcher(cid).matches()) {
			problems.add(new Problem("Số CCCD", "“" + citizenId + "” phải gồm đúng 12 chữ số"));
		}
		String rec = upper(recordNo);
		if (rec != null && !RECORD_NO.matcher(rec).matches()) {
			problems.add(new Problem("Số lý lịch", "“" + recordNo + "” phải gồm 6 chữ số và 1–3 chữ cái mã tỉnh, ví dụ 012345HN"));
		}
		String card = digits(cardNo);
		if (card != null && !CARD_NO.matcher(card).matches()) {
			problems.add(new Problem("Số thẻ đảng viên", "“" + cardNo + "” phải gồm đúng 8 chữ số"));
		}
		if (card != null && "PROBATIONARY".equals(st)) {
			problems.add(new Problem("Số thẻ đảng viên", "thẻ đảng chỉ cấp cho đảng viên chính thức"));
		}
		String ph = text(phone);
		if (ph != null && !PHONE.matcher(ph).matches()) {
			problems.add(new Problem("Điện thoại", "“" + ph + "” không phải số điện thoại hợp lệ"));
		}
		String em = text(email);
		if (em != null && !EMAIL.matcher(em).matches()) {
			problems.add(new Problem("Thư điện tử", "“" + em + "” không phải địa chỉ hợp lệ"));
		}
		if (!problems.isEmpty()) {
			return null;
		}
		return new Data(VnText.personName(name), text(birthName), text(aliases), g, born, text(birthplace), text(hometown),
				text(residence), orDefault(text(ethnicity), "Kinh"), orDefault(text(religion), "Không"), cid, rec, card,
				text(cardIssue), admitted, ceremony, recognized, st, text(education), text(professional),
				text(politicalTheory), text(foreignLanguage), text(occupation), text(workplace), ph, em);
	}

	private static String orDefault(@Nullable String s, String d) {
		return s == null ? d : s;
	}

	static @Nullable String text(@Nullable String s) {
		if (s == null) {
			return null;
		}
		String t = VnText.squeeze(s);
		return t.isEmpty() ? null : t;
	}

	private static @Nullable String digits(@Nullable String s) {
		String t = text(s);
		return t == null ? null : t.replace(" ", "").replace(".", "");
	}

	private static @Nullable String upper(@Nullable String s) {
		String t = text(s);
		return t == null ? null : t.replace(" ", "").toUpperCase(new Locale("vi"));
	}

	static @Nullable String gender(@Nullable String s) {
		if (s == null) {
			return null;
		}
		return switch (VnText.fold(s)) {
			case "m", "nam", "male" -> "M";
			case "f", "nu", "female" -> "F";
			default -> null;
		};
	}

	static @Nullable String standing(@Nullable String s) {
		if (s == null) {
			return null;
		}
		return switch (VnText.fold(s)) {
			case "probationary", "du bi" -> "PROBATIONARY";
			case "official", "chinh thuc" -> "OFFICIAL";
			default -> null;
		};
	}

	private static @Nullable LocalDate date(@Nullable String s, String field, boolean required, List<Problem> problems) {
		try {
			LocalDate d = VnText.parseDate(s);
			if (d == null && required) {
				problems.add(new Problem(field, "chưa nhập (dạng dd/MM/yyyy)"));
			}
			return d;
		}
		catch (IllegalArgumentException e) {
			problems.add(new Problem(field, "“" + s + "” không phải ngày hợp lệ (dạng dd/MM/yyyy)"));
			return null;
		}
	}
}

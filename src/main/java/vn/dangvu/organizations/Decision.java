package vn.dangvu.organizations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.VnText;

/**
 * The decision behind a change: its effective date and its number-symbol (số, ký hiệu), e.g. {@code 15-QĐ/ĐU}.
 */
public record Decision(LocalDate effectiveOn, String ref) {

	private static final Pattern REF = Pattern.compile("^\\d{1,5}-[A-ZĐa-zđ]{1,6}/[A-ZĐa-zđ0-9./-]{1,24}$");

	/** Validates the raw form values; problems name the fields as the forms label them. */
	public static Decision of(@Nullable String effectiveOn, @Nullable String ref) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		LocalDate date = null;
		try {
			date = VnText.parseDate(effectiveOn);
			if (date == null) {
				problems.add(new InvalidInput.Problem("Ngày hiệu lực", "chưa nhập (dạng dd/MM/yyyy)"));
			}
			else if (date.isAfter(VnText.today())) {
				problems.add(new InvalidInput.Problem("Ngày hiệu lực", "không được sau ngày hôm nay (" + VnText.date(VnText.today()) + ")"));
			}
		}
		catch (IllegalArgumentException e) {
			problems.add(new InvalidInput.Problem("Ngày hiệu lực", "“" + effectiveOn + "” không phải ngày hợp lệ (dạng dd/MM/yyyy)"));
		}
		String r = ref == null ? "" : ref.trim().replace('–', '-');
		if (r.isEmpty()) {
			problems.add(new InvalidInput.Problem("Số, ký hiệu quyết định", "chưa nhập (ví dụ 15-QĐ/ĐU)"));
		}
		else if (!REF.matcher(r).matches()) {
			problems.add(new InvalidInput.Problem("Số, ký hiệu quyết định", "“" + r + "” không đúng dạng số-loại/cơ quan, ví dụ 15-QĐ/ĐU"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Decision(date, r);
	}
}

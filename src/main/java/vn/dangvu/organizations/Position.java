package vn.dangvu.organizations;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A post held (bí thư, phó bí thư, chi ủy viên, …) in an organization, from a date to a date. */
public record Position(long id, long memberId, long organizationId, String organizationName, String title,
		LocalDate startedOn, @Nullable LocalDate endedOn, @Nullable String decisionRef) {

	public static final java.util.Map<String, String> TITLES = java.util.Map.of(
			"BI_THU", "Bí thư",
			"PHO_BI_THU", "Phó Bí thư",
			"PHO_BI_THU_THUONG_TRUC", "Phó Bí thư Thường trực",
			"UY_VIEN_BTV", "Ủy viên Ban Thường vụ",
			"CAP_UY_VIEN", "Cấp ủy viên",
			"CHI_UY_VIEN", "Chi ủy viên",
			"TO_TRUONG", "Tổ trưởng đảng");

	public String titleVi() {
		return TITLES.getOrDefault(title, title);
	}

	public boolean current() {
		return endedOn == null;
	}
}

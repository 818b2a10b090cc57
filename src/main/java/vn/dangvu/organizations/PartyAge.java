package vn.dangvu.organizations;

import java.time.LocalDate;
import java.time.Period;

import vn.dangvu.shared.VnText;

/** Party age (tuổi đảng), counted from the admission decision once the member is official (DOMAIN §3.2). */
public final class PartyAge {

	private PartyAge() {
	}

	public static Period of(LocalDate basis, LocalDate on) {
		return on.isBefore(basis) ? Period.ZERO : Period.between(basis, on);
	}

	public static String describe(MemberStatus status, LocalDate basis) {
		if (status == MemberStatus.PROBATIONARY) {
			return "dự bị";
		}
		Period p = of(basis, VnText.today());
		return p.getYears() + " năm" + (p.getMonths() > 0 ? " " + p.getMonths() + " tháng" : "");
	}
}

package vn.dangvu.organizations;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A member in a list: what the secretary's list shows. */
public record MemberRow(long id, String fullName, String gender, LocalDate birthDate, MemberStatus status,
		LocalDate admittedOn, LocalDate partyAgeBasis, String ethnicity, @Nullable String phone, long organizationId,
		String organizationName, boolean temporary, @Nullable String cardNo) {

	public String partyAge() {
		return PartyAge.describe(status, partyAgeBasis);
	}
}

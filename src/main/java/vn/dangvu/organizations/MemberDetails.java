package vn.dangvu.organizations;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A whole member record (DOMAIN §3.9, the handbook summary of §8.2). Reading it is audited. */
public record MemberDetails(long id, long organizationId, String organizationName, String organizationPath,
		@Nullable Long tempOrganizationId, @Nullable String tempOrganizationName, @Nullable LocalDate tempUntil,
		String fullName, @Nullable String birthName, @Nullable String aliases, String gender, LocalDate birthDate,
		@Nullable String birthplace, @Nullable String hometown, @Nullable String residence, String ethnicity,
		String religion, @Nullable String citizenId, @Nullable String recordNo, @Nullable String cardNo,
		@Nullable String cardIssue, LocalDate admittedOn, @Nullable LocalDate ceremonyOn, @Nullable LocalDate recognizedOn,
		LocalDate partyAgeBasis, String standing, String state, MemberStatus status, LocalDate statusSince,
		@Nullable Long transferToId, @Nullable String transferToText, @Nullable LocalDate transferDeadline,
		@Nullable String education, @Nullable String professional, @Nullable String politicalTheory,
		@Nullable String foreignLanguage, @Nullable String occupation, @Nullable String workplace, @Nullable String phone,
		@Nullable String email, boolean readmitted, boolean hasPhoto, int version) {

	public String partyAge() {
		return PartyAge.describe(status, partyAgeBasis);
	}

	/** When a probationary member's 12 months end, the date they are recognized as of (DOMAIN §3.2). */
	public LocalDate probationEnds() {
		return admittedOn.plusMonths(12);
	}
}

package vn.dangvu.evaluations;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** The cell's secret-ballot result on putting a member on the list for education and help (DOMAIN §1.6). */
public record EducationVote(long id, long evaluationId, int officialMembers, int voters, int agree, int disagree,
		boolean placed, LocalDate votedOn, @Nullable String note, String by) {
}

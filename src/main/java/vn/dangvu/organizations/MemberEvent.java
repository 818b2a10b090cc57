package vn.dangvu.organizations;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** One entry of a member's timeline. */
public record MemberEvent(long id, String kind, LocalDate effectiveOn, @Nullable String decisionRef, @Nullable String note,
		@Nullable String fromState, @Nullable String toState, @Nullable String organizationName, @Nullable LocalDate deadline,
		String recordedBy, Instant recordedAt) {

	public String label() {
		return Transition.label(kind);
	}
}

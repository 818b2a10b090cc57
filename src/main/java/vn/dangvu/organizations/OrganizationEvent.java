package vn.dangvu.organizations;

import java.time.Instant;
import java.time.LocalDate;

/** A reorganization as recorded: what happened, from when, by which decision, recorded by whom. */
public record OrganizationEvent(long id, String kind, LocalDate effectiveOn, String decisionRef, String details,
		String recordedBy, Instant recordedAt, String role) {
}

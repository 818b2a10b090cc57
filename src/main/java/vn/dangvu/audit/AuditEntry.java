package vn.dangvu.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One entry of the trail, as the audit page shows it; {@code seq} is empty until the entry is sealed into the chain. */
public record AuditEntry(long id, @Nullable Long seq, Instant at, String actor, String action, String entityType, @Nullable String entityId,
		@Nullable String summary, @Nullable String before, @Nullable String after) {
}

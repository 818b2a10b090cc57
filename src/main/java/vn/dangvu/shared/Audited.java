package vn.dangvu.shared;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Something to write to the audit trail: a change (with before and after), a view of a full member record,
 * or an export. Published as an application event inside the transaction that does the work, so the
 * entry and the change commit or roll back together.
 */
public record Audited(String actor, String action, String entityType, @Nullable String entityId,
		@Nullable String orgPath, String summary, @Nullable Map<String, ?> before, @Nullable Map<String, ?> after) {
}

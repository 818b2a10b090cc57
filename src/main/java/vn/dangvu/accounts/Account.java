package vn.dangvu.accounts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An account as administrators see it. */
public record Account(long id, String username, String displayName, @Nullable Long memberId, long homeOrganizationId,
		String homePath, boolean mustChangePassword, boolean totpEnabled, int failedAttempts, @Nullable Instant lockedUntil,
		boolean enabled, @Nullable Instant lastLoginAt, String language) {

	public boolean locked() {
		return lockedUntil != null && lockedUntil.isAfter(Instant.now());
	}
}

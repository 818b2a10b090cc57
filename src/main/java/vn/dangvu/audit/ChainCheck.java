package vn.dangvu.audit;

import org.jspecify.annotations.Nullable;

/** The result of verifying the chain: how many entries were checked and the first one that breaks it, if any. */
public record ChainCheck(long checked, @Nullable Long brokenAt, @Nullable String reason) {

	public boolean intact() {
		return brokenAt == null;
	}
}

package vn.dangvu.organizations;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An organization as lists and the tree show it. {@code members} counts members in its whole subtree who are not gone. */
public record OrganizationSummary(long id, @Nullable Long parentId, String path, Level level, @Nullable String kind,
		String name, String status, LocalDate establishedOn, @Nullable LocalDate endedOn, int childCount, long members) {

	public boolean active() {
		return "ACTIVE".equals(status);
	}

	public int depth() {
		return path.split("\\.").length;
	}
}

package vn.dangvu.shared;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a signed-in user may reach: the roles they hold, each at an organization whose subtree
 * ({@code path}, an ltree of ids) it covers. Queries pass {@link #paths(Capability)} to SQL as
 * {@code o.path <@ any(:paths::ltree[])}; the list is never empty (a path that matches nothing stands in).
 */
public record Scope(long accountId, String username, @Nullable Long memberId, @Nullable Long memberOrganizationId,
		List<Grant> grants) {

	/** A path no organization has: ids start at 1. */
	public static final String NOTHING = "0";

	public record Grant(long organizationId, String path, Role role) {
	}

	public List<String> paths(Capability capability) {
		List<String> paths = grants.stream().filter(g -> g.role().can(capability)).map(Grant::path).distinct().toList();
		return paths.isEmpty() ? List.of(NOTHING) : paths;
	}

	public boolean can(Capability capability) {
		return grants.stream().anyMatch(g -> g.role().can(capability));
	}

	/** True if a grant with the capability covers the organization at {@code path}. */
	public boolean covers(Capability capability, String path) {
		return grants.stream().anyMatch(g -> g.role().can(capability) && isWithin(path, g.path()));
	}

	/** The cells this user keeps as their secretary or deputy secretary (the people reminded of the cell's work). */
	public List<Long> keptCells() {
		return grants.stream().filter(g -> g.role() == Role.CELL_SECRETARY || g.role() == Role.CELL_DEPUTY)
			.map(Grant::organizationId).distinct().toList();
	}

	public boolean requiresSecondFactor() {
		return grants.stream().anyMatch(g -> g.role().requiresSecondFactor());
	}

	public boolean isMemberOf(long organizationId) {
		return memberOrganizationId != null && memberOrganizationId == organizationId;
	}

	public boolean isSelf(long memberId) {
		return Objects.equals(this.memberId, memberId);
	}

	/** The organization to show first: the highest grant, or the member's own cell. */
	public @Nullable Long homeOrganizationId() {
		return grants.stream().filter(g -> g.role() != Role.MEMBER)
			.min((a, b) -> Integer.compare(a.path().split("\\.").length, b.path().split("\\.").length))
			.map(Grant::organizationId).orElse(memberOrganizationId);
	}

	public static boolean isWithin(String path, String root) {
		return path.equals(root) || path.startsWith(root + ".");
	}
}

package vn.dangvu.shared;

/**
 * SQL for a copied path under a moved organization, rewritten under its new place: the statement binds {@code :old}
 * and {@code :new}, the moved organization's old and new paths (modules keep copies of their organizations' paths
 * and rewrite them when {@code OrganizationMoved} is published).
 */
public final class MovedPath {

	private MovedPath() {
	}

	/** The expression giving {@code column}'s value (a path under {@code :old}) under {@code :new}. */
	public static String of(String column) {
		return "subpath(cast(:new as ltree), 0, nlevel(cast(:new as ltree)) - 1) || subpath(" + column
				+ ", nlevel(cast(:old as ltree)) - 1)";
	}
}

package vn.dangvu.shared;

import java.util.EnumSet;
import java.util.Set;

import static vn.dangvu.shared.Capability.*;

/** Roles are granted at an organization and cover its subtree (ARCHITECTURE, "Access model"). */
public enum Role {

	MEMBER(EnumSet.noneOf(Capability.class), false),
	CELL_SECRETARY(EnumSet.of(READ_MEMBERS, WRITE_MEMBERS), false),
	CELL_DEPUTY(EnumSet.of(READ_MEMBERS, WRITE_MEMBERS), false),
	COMMITTEE_MEMBER(EnumSet.of(READ_MEMBERS), true),
	COMMITTEE_STAFF(EnumSet.of(READ_MEMBERS, WRITE_MEMBERS, MANAGE_ORGANIZATIONS, READ_AUDIT), true),
	ADMIN(EnumSet.allOf(Capability.class), true);

	private final Set<Capability> capabilities;
	private final boolean aboveCell;

	Role(Set<Capability> capabilities, boolean aboveCell) {
		this.capabilities = capabilities;
		this.aboveCell = aboveCell;
	}

	public boolean can(Capability capability) {
		return capabilities.contains(capability);
	}

	/** Roles that see more than one cell must sign in with a second factor. */
	public boolean requiresSecondFactor() {
		return aboveCell;
	}
}

package vn.dangvu.organizations;

import java.util.EnumSet;
import java.util.Set;

/**
 * Levels of party organizations after the 2025 reform (DOMAIN §7.1), and which parent each may have.
 */
public enum Level {

	CENTRAL("Trung ương", "Central"),
	CENTRAL_BLOC("Đảng bộ trực thuộc Trung ương", "Central-level party committee"),
	PROVINCE("Đảng bộ tỉnh, thành phố", "Provincial party committee"),
	PROVINCIAL_BLOC("Đảng bộ khối cấp tỉnh", "Provincial bloc party committee"),
	COMMUNE("Đảng bộ xã, phường, đặc khu", "Commune/ward party committee"),
	GRASSROOTS("Đảng bộ cơ sở", "Grassroots party committee"),
	GRASSROOTS_CELL("Chi bộ cơ sở", "Grassroots party cell"),
	SUB_COMMITTEE("Đảng bộ bộ phận", "Sub-committee"),
	CELL("Chi bộ trực thuộc", "Party cell"),
	GROUP("Tổ đảng", "Party group");

	private final String vi;
	private final String en;

	Level(String vi, String en) {
		this.vi = vi;
		this.en = en;
	}

	public String vi() {
		return vi;
	}

	public String en() {
		return en;
	}

	public Set<Level> allowedParents() {
		return switch (this) {
			case CENTRAL -> EnumSet.noneOf(Level.class);
			case CENTRAL_BLOC, PROVINCE -> EnumSet.of(CENTRAL);
			case PROVINCIAL_BLOC, COMMUNE -> EnumSet.of(PROVINCE);
			case GRASSROOTS, GRASSROOTS_CELL -> EnumSet.of(COMMUNE, PROVINCIAL_BLOC, CENTRAL_BLOC, PROVINCE);
			case SUB_COMMITTEE -> EnumSet.of(GRASSROOTS);
			case CELL -> EnumSet.of(GRASSROOTS, SUB_COMMITTEE);
			case GROUP -> EnumSet.of(CELL, GRASSROOTS_CELL);
		};
	}

	/** Members are kept in cells (chi bộ); groups are only a way of dividing a cell. */
	public boolean holdsMembers() {
		return this == CELL || this == GRASSROOTS_CELL;
	}

	public boolean mayHaveChildren() {
		return this != GROUP;
	}
}

package vn.dangvu.organizations;

/** How many members of a subtree are in one status ({@code PROBATIONARY}, {@code OFFICIAL}, {@code EXEMPT}, …). */
public record StatusCount(String status, long count) {
}

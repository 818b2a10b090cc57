package vn.dangvu.organizations;

/** A cell-mate as an ordinary member may see them: name, status and positions, nothing personal. */
public record MemberPeer(long id, String fullName, MemberStatus status, String positions) {
}

package vn.dangvu.organizations;

/** An organization's subtree changed place in the tree (a move, or a merge or split that moved it). */
public record OrganizationMoved(long organizationId, String oldPath, String newPath) {
}

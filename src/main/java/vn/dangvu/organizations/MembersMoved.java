package vn.dangvu.organizations;

import java.util.List;

/**
 * Members now belong to another cell: a transfer received, or a merge or split that reassigned them. Published in
 * the transaction that moved them.
 */
public record MembersMoved(List<Long> memberIds, long organizationId) {
}

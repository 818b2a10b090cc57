package vn.dangvu.accounts;

import java.time.Instant;

import vn.dangvu.shared.Role;

/** A role held at an organization. */
public record RoleGrant(long id, long accountId, long organizationId, Role role, String grantedBy, Instant grantedAt) {
}

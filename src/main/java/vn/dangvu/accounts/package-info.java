/**
 * Accounts and access: sign-in (password, lockout, second factor, first-login password change), roles granted
 * at an organization and covering its subtree, and the {@link vn.dangvu.shared.Scope} every request carries.
 * The security filter chain lives here, beside the accounts it protects.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organizations", "shared" })
@NullMarked
package vn.dangvu.accounts;

import org.jspecify.annotations.NullMarked;

/**
 * The registry: the tree of party organizations with its reorganizations over time, and the member records with
 * their lifecycle, positions, imports and exports. Every query is constrained by the caller's {@link vn.dangvu.shared.Scope}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@NullMarked
package vn.dangvu.organizations;

import org.jspecify.annotations.NullMarked;

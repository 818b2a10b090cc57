package vn.dangvu.shared;

import java.util.Optional;

/** Resolves the current scope of an account from the database, on every request, so revocations apply at once. */
public interface ScopeProvider {

	Optional<Scope> scopeOf(String username);
}

package vn.dangvu.accounts;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dangvu.shared.Audited;
import vn.dangvu.shared.Scope;

/**
 * Each request's {@link Scope}, kept per account for a few seconds so that a page does not read the account, its
 * grants and their paths from the database every time (two of a cell page's four queries). Every change made
 * through the platform that can alter a scope — an account, a grant, an organization (moved, merged, dissolved), a
 * member (moved, left) — is audited; the {@link Audited} event of such a change empties the cache as soon as its
 * transaction commits, before the answer goes back, so a revoked grant still stops working at once. A change made
 * outside the platform (SQL by hand, another instance) is seen within {@code dangvu.accounts.scope-cache-seconds}
 * (0: no cache).
 */
@Component
class ScopeCache {

	private static final Set<String> SCOPE_ENTITIES = Set.of("account", "organization", "member");

	private static final int MAX_ENTRIES = 20_000;

	private record Kept(Scope scope, long until) {
	}

	private final Map<String, Kept> kept = new ConcurrentHashMap<>();
	private final AtomicLong generation = new AtomicLong();
	private final long ttlNanos;

	ScopeCache(@Value("${dangvu.accounts.scope-cache-seconds:10}") long seconds) {
		this.ttlNanos = seconds * 1_000_000_000L;
	}

	Optional<Scope> get(String username, Supplier<Optional<Scope>> load) {
		if (ttlNanos <= 0) {
			return load.get();
		}
		String key = username.toLowerCase(Locale.ROOT);
		long now = System.nanoTime();
		Kept k = kept.get(key);
		if (k != null && now - k.until() < 0) {
			return Optional.of(k.scope());
		}
		// Read the generation before loading: a change committed meanwhile bumps it, and the loaded scope, possibly
		// older than that change, is then not kept.
		long seen = generation.get();
		Optional<Scope> scope = load.get();
		if (scope.isPresent()) {
			if (kept.size() >= MAX_ENTRIES) {
				kept.clear();
			}
			if (generation.get() == seen) {
				kept.put(key, new Kept(scope.get(), now + ttlNanos));
			}
		}
		else {
			kept.remove(key);
		}
		return scope;
	}

	void clear() {
		generation.incrementAndGet();
		kept.clear();
	}

	@EventListener
	void on(Audited change) {
		if (!SCOPE_ENTITIES.contains(change.entityType()) || change.action().endsWith("_VIEW")
				|| change.action().endsWith("_EXPORT")) {
			return;
		}
		// Now (a request already reading may keep an older scope: the generation stops it) and after the commit.
		clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					clear();
				}
			});
		}
	}
}

package vn.dangvu.organizations;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A bulk insert into the member table (an import) lets PostgreSQL put the new rows' entries of the GIN indexes
 * (trigram name, name keys) in each index's pending list instead of merging them into the index, 4 MB at a time,
 * while the request waits; right after commit the lists are merged in bulk by {@code gin_clean_pending_list} on a
 * background thread. Until then a search also reads the pending list (a little slower, same results).
 */
@Component
class GinPendingLists {

	private static final Logger log = LoggerFactory.getLogger(GinPendingLists.class);

	private final JdbcClient jdbc;
	private final ExecutorService cleaner = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "gin-pending-list-cleaner");
		t.setDaemon(true);
		return t;
	});

	GinPendingLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Within the current transaction: keep GIN entries pending (up to 256 MB per index), merge them after commit. */
	void deferMembersUntilCommit() {
		jdbc.sql("set local gin_pending_list_limit = '256MB'").update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				cleaner.submit(GinPendingLists.this::cleanMembers);
			}
		});
	}

	/** Merges the pending lists of the member table's GIN indexes; returns the pending pages cleaned. */
	long cleanMembers() {
		try {
			return jdbc.sql("""
					select coalesce(sum(gin_clean_pending_list(i.indexrelid)), 0) from pg_index i
					join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
					where i.indrelid = 'organizations.member'::regclass and a.amname = 'gin'
					""").query(Long.class).single();
		}
		catch (RuntimeException e) {
			log.warn("GIN pending lists of organizations.member not merged now (autovacuum will): {}", e.getMessage());
			return 0;
		}
	}

	@PreDestroy
	void stop() {
		cleaner.shutdown();
	}
}

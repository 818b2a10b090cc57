package vn.dangvu.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the committed entries into the chain, in the order they were written: each gets the next sequence number,
 * the previous entry's hash and its own hash (V31). Runs every second; an advisory lock lets one sealer at a time
 * work (several nodes, or a check of the chain, may call it at once).
 */
@Component
class AuditSealer {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	private static final long LOCK = 0x6175646974L; // "audit"

	private static final int BATCH = 5_000;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	AuditSealer(JdbcClient jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
	}

	@Scheduled(fixedDelayString = "${dangvu.audit.seal-millis:1000}")
	void seal() {
		try {
			sealCommitted();
		}
		catch (RuntimeException e) {
			log.warn("Could not seal audit entries: {}", e.getMessage());
		}
	}

	/** Seals every entry committed so far; returns how many. */
	long sealCommitted() {
		long total = 0;
		int n;
		do {
			n = tx.execute(s -> sealBatch());
			total += n;
		}
		while (n == BATCH);
		return total;
	}

	private record Unsealed(long id, Instant at, String actor, String action, String type, String entityId,
			String path, String summary, String before, String after) {
	}

	private int sealBatch() {
		jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", LOCK).query(Object.class).single();
		List<Unsealed> rows = jdbc.sql("""
				select id, at, actor, action, entity_type, entity_id, org_path::text, summary, before::text, after::text
				from audit.entry where seq is null order by id limit :n
				""").param("n", BATCH).query((rs, i) -> new Unsealed(rs.getLong(1), rs.getTimestamp(2).toInstant(),
				rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
				rs.getString(9), rs.getString(10))).list();
		if (rows.isEmpty()) {
			return 0;
		}
		var last = jdbc.sql("select seq, hash from audit.entry where seq is not null order by seq desc limit 1")
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).optional();
		long seq = last.map(r -> (Long) r[0]).orElse(0L);
		String prev = last.map(r -> (String) r[1]).orElse(AuditManagement.GENESIS);
		List<Long> ids = new ArrayList<>(rows.size());
		List<Long> seqs = new ArrayList<>(rows.size());
		List<String> prevs = new ArrayList<>(rows.size());
		List<String> hashes = new ArrayList<>(rows.size());
		for (Unsealed r : rows) {
			seq++;
			String hash = AuditManagement.hash(prev, seq, r.at(), r.actor(), r.action(), r.type(), r.entityId(), r.path(),
					r.summary(), AuditManagement.canonical(r.before()), AuditManagement.canonical(r.after()));
			ids.add(r.id());
			seqs.add(seq);
			prevs.add(prev);
			hashes.add(hash);
			prev = hash;
		}
		jdbc.sql("""
				update audit.entry e set seq = u.seq, prev_hash = u.prev, hash = u.hash
				from unnest(cast(:ids as bigint[]), cast(:seqs as bigint[]), cast(:prevs as text[]), cast(:hashes as text[]))
				     as u(id, seq, prev, hash)
				where e.id = u.id
				""").param("ids", ids.toArray(Long[]::new)).param("seqs", seqs.toArray(Long[]::new))
			.param("prevs", prevs.toArray(String[]::new)).param("hashes", hashes.toArray(String[]::new)).update();
		return rows.size();
	}
}

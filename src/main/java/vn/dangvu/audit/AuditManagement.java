package vn.dangvu.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.dangvu.shared.Audited;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.PageOf;
import vn.dangvu.shared.Scope;

/**
 * Writes the trail and reads it back. Entries are appended in the transaction of the change they describe (a
 * rolled-back change leaves no entry), unsealed, so that no change waits for another; {@link AuditSealer} chains
 * the committed ones to the previous entry's hash every second (V31). {@link #verify()} seals what has committed,
 * then recomputes the chain from the start.
 */
@Service
public class AuditManagement {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	static final String GENESIS = "0".repeat(64);

	private static final String INSERT = """
			insert into audit.entry (at, actor, action, entity_type, entity_id, org_path, summary, before, after)
			values (:at, :actor, :action, :type, :id, cast(:path as ltree), :summary, cast(:before as jsonb),
			        cast(:after as jsonb))
			""";

	private static final String PAGE = """
			select id, seq, at, actor, action, entity_type, entity_id, summary, before::text, after::text
			from audit.entry
			where org_path <@ any(cast(:paths as ltree[]))
			  and (:action = '' or action like :action || '%')
			order by id desc
			limit :limit offset :offset
			""";

	private static final String COUNT = """
			select count(*) from audit.entry
			where org_path <@ any(cast(:paths as ltree[])) and (:action = '' or action like :action || '%')
			""";

	private final JdbcClient jdbc;

	private final AuditSealer sealer;

	AuditManagement(JdbcClient jdbc, AuditSealer sealer) {
		this.jdbc = jdbc;
		this.sealer = sealer;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(Audited e) {
		// Microseconds, as PostgreSQL stores them, so the hash recomputes exactly from the stored row.
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		String before = e.before() == null ? null : JSON.writeValueAsString(e.before());
		String after = e.after() == null ? null : JSON.writeValueAsString(e.after());
		jdbc.sql(INSERT).param("at", Timestamp.from(at)).param("actor", e.actor()).param("action", e.action())
			.param("type", e.entityType()).param("id", e.entityId()).param("path", e.orgPath()).param("summary", e.summary())
			.param("before", before).param("after", after).update();
	}

	/** The trail of the organizations within the scope (needs {@link Capability#READ_AUDIT}), newest first. */
	@Transactional(readOnly = true)
	public PageOf<AuditEntry> page(Scope scope, String action, int page, int size) {
		List<String> paths = scope.paths(Capability.READ_AUDIT);
		String arr = "{" + String.join(",", paths) + "}";
		long total = jdbc.sql(COUNT).param("paths", arr).param("action", action).query(Long.class).single();
		List<AuditEntry> rows = jdbc.sql(PAGE).param("paths", arr).param("action", action).param("limit", size)
			.param("offset", (page - 1) * size)
			.query((rs, i) -> new AuditEntry(rs.getLong(1), (Long) rs.getObject(2), rs.getTimestamp(3).toInstant(),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10)))
			.list();
		return new PageOf<>(rows, page, size, total);
	}

	/**
	 * Recomputes every hash from the first entry on. Reports the first entry whose content no longer matches its
	 * hash, whose link to the previous entry is wrong, or where a sequence number is missing.
	 */
	public ChainCheck verify() {
		sealer.sealCommitted();
		String[] prev = { GENESIS };
		long[] expected = { 1 };
		long[] checked = { 0 };
		Long[] broken = { null };
		String[] reason = { null };
		jdbc.sql("""
				select seq, at, actor, action, entity_type, entity_id, org_path::text, summary, before::text, after::text,
				       prev_hash, hash
				from audit.entry where seq is not null order by seq
				""").query(rs -> {
			if (broken[0] != null) {
				return;
			}
			long seq = rs.getLong(1);
			String h = hash(rs.getString(11), seq, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), canonical(rs.getString(9)),
					canonical(rs.getString(10)));
			if (seq != expected[0]) {
				broken[0] = expected[0];
				reason[0] = "thiếu mục số " + expected[0];
			}
			else if (!rs.getString(11).equals(prev[0])) {
				broken[0] = seq;
				reason[0] = "liên kết với mục trước không khớp";
			}
			else if (!h.equals(rs.getString(12))) {
				broken[0] = seq;
				reason[0] = "nội dung đã bị thay đổi";
			}
			prev[0] = rs.getString(12);
			expected[0] = seq + 1;
			checked[0]++;
		});
		return new ChainCheck(checked[0], broken[0], reason[0]);
	}

	/** jsonb does not keep the text it was given; re-serialize so the hash input is the same as at write time. */
	static @Nullable String canonical(@Nullable String json) {
		if (json == null) {
			return null;
		}
		return JSON.writeValueAsString(JSON.readValue(json, java.util.LinkedHashMap.class));
	}

	static String hash(String prev, long seq, Instant at, String actor, String action, String type, @Nullable String id,
			@Nullable String path, @Nullable String summary, @Nullable String before, @Nullable String after) {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { prev, Long.toString(seq), at.toString(), actor, action, type, id, path, summary,
					before == null ? null : canonicalOrSelf(before), after == null ? null : canonicalOrSelf(after) }) {
				md.update((part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8));
				md.update((byte) 0x1f);
			}
			return HexFormat.of().formatHex(md.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String canonicalOrSelf(String json) {
		// Key order differs between what we wrote and what jsonb returns (at every depth); sort keys for a stable
		// hash input.
		try {
			return JSON.writeValueAsString(sorted(JSON.readValue(json, Object.class)));
		}
		catch (RuntimeException e) {
			return json;
		}
	}

	private static @Nullable Object sorted(@Nullable Object v) {
		if (v instanceof java.util.Map<?, ?> m) {
			java.util.TreeMap<String, @Nullable Object> out = new java.util.TreeMap<>();
			m.forEach((k, x) -> out.put(String.valueOf(k), sorted(x)));
			return out;
		}
		if (v instanceof java.util.List<?> l) {
			return l.stream().map(AuditManagement::sorted).toList();
		}
		return v;
	}
}

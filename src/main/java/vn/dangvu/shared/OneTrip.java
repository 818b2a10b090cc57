package vn.dangvu.shared;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Several reads answered in one round trip to PostgreSQL: the driver sends a statement text holding several queries
 * as one batch of Parse/Bind/Execute messages with a single Sync, and reads their results in turn. For a page made
 * of many small lists, each separate statement costs a round trip, a pool checkout and the driver's and Spring's own
 * work — more than the reads themselves (a meeting's page: nine statements of 0.01–0.2 ms each).
 */
public final class OneTrip {

	private OneTrip() {
	}

	/** One query (named parameters, no trailing semicolon) and how to map its rows. */
	public record Read<T>(String sql, RowMapper<T> mapper) {
	}

	public static <T> Read<T> read(String sql, RowMapper<T> mapper) {
		return new Read<>(sql.strip(), mapper);
	}

	/** The rows of each read, in the order given. */
	public static final class Results {

		private final List<Read<?>> reads;

		private final List<List<?>> rows;

		Results(List<Read<?>> reads, List<List<?>> rows) {
			this.reads = reads;
			this.rows = rows;
		}

		@SuppressWarnings("unchecked")
		public <T> List<T> of(Read<T> read) {
			for (int i = 0; i < reads.size(); i++) {
				if (reads.get(i) == read) {
					return (List<T>) rows.get(i);
				}
			}
			throw new IllegalArgumentException("not among the reads: " + read.sql());
		}
	}

	/** Runs the reads with the same named parameters, each with its own snapshot as separate statements would have. */
	public static Results run(NamedParameterJdbcTemplate jdbc, Map<String, ?> params, List<Read<?>> reads) {
		StringBuilder sql = new StringBuilder();
		for (Read<?> r : reads) {
			sql.append(sql.isEmpty() ? "" : ";\n").append(r.sql());
		}
		List<List<?>> rows = jdbc.execute(sql.toString(), new MapSqlParameterSource(params), (PreparedStatement ps) -> {
			List<List<?>> out = new ArrayList<>(reads.size());
			boolean isRows = ps.execute();
			while (out.size() < reads.size()) {
				if (!isRows) {
					if (ps.getUpdateCount() == -1) {
						break;
					}
				}
				else {
					try (ResultSet rs = ps.getResultSet()) {
						out.add(map(rs, reads.get(out.size()).mapper()));
					}
				}
				isRows = ps.getMoreResults();
			}
			if (out.size() != reads.size()) {
				throw new IllegalStateException(reads.size() + " reads, " + out.size() + " results");
			}
			return out;
		});
		return new Results(reads, rows);
	}

	private static <T> List<T> map(ResultSet rs, RowMapper<T> mapper) throws SQLException {
		List<T> list = new ArrayList<>();
		int i = 0;
		while (rs.next()) {
			list.add(mapper.mapRow(rs, i++));
		}
		return list;
	}
}

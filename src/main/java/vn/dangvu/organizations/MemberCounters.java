package vn.dangvu.organizations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the member counters' deltas (V19) into the kept counters every second; readers add the deltas not yet
 * folded, so counts are exact whenever they are read.
 */
@Component
class MemberCounters {

	private static final Logger log = LoggerFactory.getLogger(MemberCounters.class);

	private final JdbcClient jdbc;

	MemberCounters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "${dangvu.organizations.fold-millis:1000}")
	void fold() {
		try {
			long n;
			do {
				n = jdbc.sql("select organizations.fold_member_counter_deltas()").query(Long.class).single();
			}
			while (n >= 50_000);
		}
		catch (RuntimeException e) {
			log.warn("Could not fold member counters: {}", e.getMessage());
		}
	}
}

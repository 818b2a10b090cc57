package vn.dangvu.meetings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dangvu.shared.VnText;

/**
 * Creates the coming months' meetings from every cell's schedule rule: at start-up and every night. Guarded by a
 * database lock so that only one application node does it; generated meetings are unique per cell, kind and date.
 */
@Component
@EnableScheduling
@Order(200)
class MeetingSchedules implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MeetingSchedules.class);

	private final MeetingManagement meetings;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;

	MeetingSchedules(MeetingManagement meetings, JdbcClient jdbc, TransactionTemplate tx) {
		this.meetings = meetings;
		this.jdbc = jdbc;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		generate();
	}

	/** Folds the counter deltas that meeting changes appended into the kept counters (see V42). */
	@Scheduled(fixedDelayString = "${dangvu.meetings.fold-millis:1000}")
	void fold() {
		Long n;
		do {
			n = jdbc.sql("select meetings.fold_counter_deltas()").query(Long.class).single();
		}
		while (n != null && n >= 50_000);
	}

	@Scheduled(cron = "0 15 1 * * *", zone = "Asia/Ho_Chi_Minh")
	void generate() {
		Integer n = tx.execute(s -> {
			boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('meetings.schedules'))").query(Boolean.class).single();
			return mine ? meetings.generateAll(VnText.today()) : 0;
		});
		if (n != null && n > 0) {
			log.info("Lịch sinh hoạt: đã tạo {} cuộc họp mới", n);
		}
	}
}

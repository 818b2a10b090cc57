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
import vn.dangvu.shared.VnText;

/**
 * Creates the coming months' meetings from every cell's schedule rule, at start-up and every night, in batches of
 * 2,000 schedules; and folds the meeting counters' deltas every second.
 */
@Component
@EnableScheduling
@Order(200)
class MeetingSchedules implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MeetingSchedules.class);

	private final MeetingManagement meetings;
	private final JdbcClient jdbc;

	MeetingSchedules(MeetingManagement meetings, JdbcClient jdbc) {
		this.meetings = meetings;
		this.jdbc = jdbc;
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
		// Idempotent (generated meetings are unique per cell, kind and date), so several nodes running it at once
		// only repeat work; each batch commits on its own.
		int total = 0;
		long after = 0;
		while (after >= 0) {
			MeetingManagement.Batch b = meetings.generateBatch(VnText.today(), after, 2_000);
			total += b.created();
			after = b.last();
		}
		if (total > 0) {
			log.info("Lịch sinh hoạt: đã tạo {} cuộc họp mới", total);
		}
	}
}

package vn.dangvu.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dangvu.organizations.DemoRegistry;
import vn.dangvu.shared.Role;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/**
 * Demo meetings for the demo province: a schedule rule for every cell, the last four months held with attendance
 * (and minutes for the demo cell), and a commune committee member assigned to follow the demo cell. Goes through
 * {@link MeetingManagement}, so the demo is made by the same rules as real use.
 */
@Component
@Order(150)
class DemoMeetings implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMeetings.class);

	private final DemoRegistry registry;
	private final MeetingManagement meetings;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final boolean enabled;

	DemoMeetings(DemoRegistry registry, MeetingManagement meetings, JdbcClient jdbc, TransactionTemplate tx,
			@Value("${dangvu.demo.enabled:true}") boolean enabled) {
		this.registry = registry;
		this.meetings = meetings;
		this.jdbc = jdbc;
		this.tx = tx;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		var ids = registry.ids().orElse(null);
		if (ids == null || jdbc.sql("select exists (select 1 from meetings.meeting)").query(Boolean.class).single()) {
			return;
		}
		Scope scope = new Scope(-1, "dữ liệu mẫu", null, null,
				List.of(new Scope.Grant(ids.provinceId(), registry.pathOf(ids.provinceId()), Role.ADMIN)));
		SplittableRandom r = new SplittableRandom(2026);
		LocalDate today = VnText.today();
		int n = 0;
		for (long cell : registry.cellIds()) {
			n += tx.execute(s -> load(scope, cell, cell == ids.cellId(), r, today));
		}
		tx.executeWithoutResult(s -> meetings.assign(scope, ids.communeId(), ids.committeeMemberId(), ids.cellId(),
				String.valueOf(today.getYear()), null, "6"));
		log.info("Demo meetings loaded: {} meetings held", n);
	}

	private int load(Scope scope, long cell, boolean main, SplittableRandom r, LocalDate today) {
		meetings.saveSchedule(scope, cell, String.valueOf(main ? 4 : 1 + r.nextInt(10)), main ? "19:30" : "08:00",
				main ? "Nhà văn hóa thôn" : "Hội trường", String.valueOf(main ? 20 : 15), "3");
		String[] topics = { "Kiểm điểm công tác tháng, triển khai nhiệm vụ tháng tới",
				"Chuyên đề: xây dựng nông thôn mới kiểu mẫu", "Quán triệt nghị quyết của cấp ủy cấp trên",
				"Công tác phòng chống thiên tai, an ninh trật tự" };
		int n = 0;
		for (int back = 4; back >= 1; back--) {
			LocalDate day = today.minusMonths(back).withDayOfMonth(main ? 4 : 1 + r.nextInt(20));
			while (day.getDayOfWeek().getValue() > 5) {
				day = day.plusDays(1);
			}
			long id = meetings.create(scope, cell, new MeetingInput(back == 3 ? "THEMATIC" : "REGULAR", VnText.date(day),
					"19:30", "Nhà văn hóa thôn", false, topics[back % topics.length], List.of("Báo cáo tình hình tháng",
							"Phổ biến văn bản cấp trên", "Thảo luận, biểu quyết", "Chấm điểm chất lượng sinh hoạt")));
			meetings.publish(scope, id);
			Map<Long, String> statuses = new HashMap<>();
			Map<Long, String> reasons = new HashMap<>();
			for (Attendee a : meetings.details(scope, id).attendees()) {
				if (a.exempt()) {
					statuses.put(a.memberId(), "EXEMPT");
					continue;
				}
				int roll = r.nextInt(100);
				statuses.put(a.memberId(), roll < 88 ? "PRESENT" : roll < 97 ? "EXCUSED" : "UNEXCUSED");
				if (roll >= 88 && roll < 97) {
					reasons.put(a.memberId(), r.nextBoolean() ? "Ốm" : "Đi công tác");
				}
			}
			meetings.recordAttendance(scope, id, statuses, reasons);
			if (main || r.nextInt(3) == 0) {
				List<Attendee> present = meetings.details(scope, id).present();
				if (present.size() >= 2) {
					Map<String, String> scores = new HashMap<>();
					for (var c : meetings.details(scope, id).rubric()) {
						scores.put(c.code(), String.valueOf(Math.max(0, c.max() - r.nextInt(4))));
					}
					List<MinutesInput.TaskLine> tasks = new ArrayList<>();
					tasks.add(new MinutesInput.TaskLine(present.get(0).memberId(), "Vận động các hộ tham gia vệ sinh môi trường",
							VnText.date(day.plusDays(25))));
					meetings.saveMinutes(scope, id, new MinutesInput(present.get(0).memberId(), present.get(1).memberId(),
							"Chi bộ đánh giá kết quả thực hiện nhiệm vụ tháng: hoàn thành các chỉ tiêu đề ra.",
							List.of(new Minutes.Speech(present.get(present.size() - 1).fullName(), "Đề nghị quan tâm hơn đến đường giao thông nội thôn.")),
							"Chi bộ thống nhất phương hướng nhiệm vụ tháng tới như dự thảo.",
							List.of(new MinutesInput.VoteLine("Thông qua nghị quyết tháng", "SHOW_OF_HANDS",
									String.valueOf(present.size()), "0", "0")), tasks, scores, "21:00"));
					if (back > 1) {
						meetings.sign(scope, id, "chair");
						meetings.sign(scope, id, "secretary");
					}
				}
			}
			n++;
		}
		return n;
	}
}

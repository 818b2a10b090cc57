package vn.dangvu.organizations;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Role;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;
import vn.dangvu.support.Fixtures;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The member lifecycle against the real database: allowed transitions, refusals with reasons, nothing half-written. */
@IntegrationTest
class MemberLifecycleTests {

	@Autowired
	MemberManagement members;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistry demo;

	Scope admin;
	DemoRegistry.DemoIds ids;
	static int serial = 0;

	@BeforeEach
	void setUp() {
		ids = demo.ids().orElseThrow();
		admin = Fixtures.admin(jdbc, demo);
	}

	long newMember(String standing, LocalDate admitted) {
		serial++;
		String cid = String.format("0790%08d", 5_000_000 + serial + (int) (System.nanoTime() % 1000) * 1000);
		return members.create(admin, ids.cellId(), new MemberInput("Trần Thị Lifecycle " + (char) ('A' + serial % 26), null, null,
				"Nữ", "12/05/1975", null, null, null, "Kinh", "Không", cid, null, null, null, VnText.date(admitted), null, null,
				standing, null, null, null, null, null, null, null, null));
	}

	MemberManagement.TransitionRequest req(Transition t, String date, String ref) {
		return new MemberManagement.TransitionRequest(t, date, ref, null, null, null, null);
	}

	String state(long id) {
		return jdbc.sql("select organizations.status_key(standing, status) from organizations.member where id = :id")
			.param("id", id).query(String.class).single();
	}

	int events(long id) {
		return jdbc.sql("select count(*) from organizations.member_event where member_id = :id").param("id", id)
			.query(Integer.class).single();
	}

	@Test
	void probationaryBecomesOfficialAsOfTheEndOfTwelveMonths() {
		LocalDate admitted = VnText.today().minusMonths(14);
		long id = newMember("PROBATIONARY", admitted);
		members.transition(admin, id, req(Transition.RECOGNIZE, "", "12-QĐ/ĐU"));
		MemberDetails d = members.get(admin, id);
		assertThat(d.status()).isEqualTo(MemberStatus.OFFICIAL);
		assertThat(d.recognizedOn()).isEqualTo(admitted.plusMonths(12));
		assertThat(d.partyAge()).startsWith("1 năm");
	}

	@Test
	void recognitionBeforeTwelveMonthsIsRefusedAndNothingChanges() {
		long id = newMember("PROBATIONARY", VnText.today().minusMonths(3));
		int before = events(id);
		assertThatThrownBy(() -> members.transition(admin, id, req(Transition.RECOGNIZE, "", "12-QĐ/ĐU")))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("chưa đủ 12 tháng dự bị");
		assertThat(state(id)).isEqualTo("PROBATIONARY");
		assertThat(events(id)).isEqualTo(before);
	}

	@Test
	void probationaryMemberCannotBeExpelledOrExempted() {
		long id = newMember("PROBATIONARY", VnText.today().minusMonths(3));
		assertThatThrownBy(() -> members.transition(admin, id, req(Transition.EXPEL, "", "01-QĐ/UBKT")))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("đảng viên dự bị không bị khai trừ");
		assertThatThrownBy(() -> members.transition(admin, id, req(Transition.EXEMPT_FROM_WORK, "", "01-NQ/CB")))
			.hasMessageContaining("chỉ đảng viên chính thức");
		assertThat(state(id)).isEqualTo("PROBATIONARY");
	}

	@Test
	void removalNeedsADecisionAndEndsTheMembership() {
		long id = newMember("OFFICIAL", LocalDate.of(2005, 3, 2));
		assertThatThrownBy(() -> members.transition(admin, id, req(Transition.REMOVE, "", "")))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("Số, ký hiệu quyết định");
		assertThatThrownBy(() -> members.transition(admin, id, req(Transition.REMOVE, "", "không-hợp-lệ")))
			.hasMessageContaining("không đúng dạng");
		members.transition(admin, id, req(Transition.REMOVE, VnText.date(VnText.today()), "33-QĐ/ĐU"));
		assertThat(state(id)).isEqualTo("REMOVED");
		assertThat(jdbc.sql("select count(*) from organizations.membership where member_id = :id and upper_inf(valid)")
			.param("id", id).query(Integer.class).single()).isZero();
		// Gone: no further change but re-admission, and that only after 36 months.
		assertThatThrownBy(() -> members.transition(admin, id, req(Transition.SUSPEND, "", "01-QĐ/ĐU")))
			.hasMessageContaining("đã xóa tên");
		assertThatThrownBy(() -> members.transition(admin, id, req(Transition.READMIT, "", "02-QĐ/ĐU")))
			.hasMessageContaining("chưa đủ 36 tháng");
	}

	@Test
	void readmissionOnlyOnceAndNeverAfterExpulsion() {
		long id = newMember("OFFICIAL", LocalDate.of(2001, 3, 2));
		// Removed four years ago (set directly: effective dates cannot be earlier than the current state's).
		jdbc.sql("update organizations.member set status = 'REMOVED', status_since = :d where id = :id")
			.param("d", VnText.today().minusYears(4)).param("id", id).update();
		members.transition(admin, id, req(Transition.READMIT, "", "09-QĐ/TU"));
		assertThat(state(id)).isEqualTo("PROBATIONARY");
		jdbc.sql("update organizations.member set status = 'REMOVED', status_since = :d where id = :id")
			.param("d", VnText.today().minusYears(4)).param("id", id).update();
		assertThatThrownBy(() -> members.transition(admin, id, req(Transition.READMIT, "", "10-QĐ/TU")))
			.hasMessageContaining("chỉ được kết nạp lại một lần");

		long expelled = newMember("OFFICIAL", LocalDate.of(1999, 3, 2));
		members.transition(admin, expelled, req(Transition.EXPEL, "", "07-QĐ/UBKT"));
		assertThatThrownBy(() -> members.transition(admin, expelled, req(Transition.READMIT, "", "10-QĐ/TU")))
			.hasMessageContaining("không được kết nạp lại");
	}

	@Test
	void theTransferDeadlineCountsWorkingDaysWithoutPublicHolidays() {
		long id = newMember("OFFICIAL", LocalDate.of(2010, 1, 5));
		// From Monday 2/2/2026: 30 working days, the Tết week (16–20/2/2026) not counted → Monday 23/3/2026
		// (16/3 if only weekends were skipped).
		members.transition(admin, id, new MemberManagement.TransitionRequest(Transition.TRANSFER_OUT, "02/02/2026",
				"16-GGT/ĐU", null, ids.otherCellId(), null, null));
		assertThat(members.get(admin, id).transferDeadline()).isEqualTo(LocalDate.of(2026, 3, 23));
		members.transition(admin, id, req(Transition.CANCEL_TRANSFER, "", null));
	}

	@Test
	void transferOutAndReceiveMovesTheMemberAndTheCounts() {
		long id = newMember("OFFICIAL", LocalDate.of(2010, 1, 5));
		long before = count(ids.otherCellId());
		members.transition(admin, id, new MemberManagement.TransitionRequest(Transition.TRANSFER_OUT, VnText.date(VnText.today()),
				"15-GGT/ĐU", null, ids.otherCellId(), null, null));
		MemberDetails d = members.get(admin, id);
		assertThat(d.status()).isEqualTo(MemberStatus.TRANSFERRING);
		assertThat(d.transferDeadline()).isEqualTo(workingDays.plus(VnText.today(), 30));
		// The receiving secretary sees the pending transfer and receives it.
		Scope receiver = Fixtures.scope(jdbc, Role.CELL_SECRETARY, ids.otherCellId());
		assertThat(members.incoming(receiver, ids.otherCellId())).extracting(MemberRow::id).contains(id);
		assertThatThrownBy(() -> members.get(receiver, id)).isInstanceOf(NotFound.class);
		members.transition(receiver, id, req(Transition.RECEIVE_TRANSFER, "", null));
		assertThat(members.get(receiver, id).organizationId()).isEqualTo(ids.otherCellId());
		assertThat(count(ids.otherCellId())).isEqualTo(before + 1);
		assertThat(vn.dangvu.support.Fixtures.countersMismatches(jdbc)).isZero();
		// The old cell no longer sees it.
		Scope sender = Fixtures.scope(jdbc, Role.CELL_SECRETARY, ids.cellId());
		assertThatThrownBy(() -> members.get(sender, id)).isInstanceOf(NotFound.class);
	}

	@Test
	void sideStatesReturnToTheStanding() {
		long id = newMember("OFFICIAL", LocalDate.of(2012, 1, 5));
		assertThatThrownBy(() -> members.transition(admin, id, new MemberManagement.TransitionRequest(Transition.LEAVE, "", "03-NQ/CB",
				null, null, null, VnText.date(VnText.today().plusMonths(13))))).hasMessageContaining("12 tháng");
		members.transition(admin, id, new MemberManagement.TransitionRequest(Transition.LEAVE, "", "03-NQ/CB", null, null, null,
				VnText.date(VnText.today().plusMonths(6))));
		assertThat(state(id)).isEqualTo("ON_LEAVE");
		assertThatThrownBy(() -> members.transition(admin, id, req(Transition.RECOGNIZE, "", "01-QĐ/ĐU")))
			.hasMessageContaining("chỉ đảng viên dự bị");
		members.transition(admin, id, req(Transition.RETURN_FROM_LEAVE, "", null));
		assertThat(state(id)).isEqualTo("OFFICIAL");
		List<MemberEvent> timeline = members.timeline(admin, id);
		assertThat(timeline).extracting(MemberEvent::kind).contains("LEAVE", "RETURN_FROM_LEAVE", "CREATE");
		assertThat(timeline).allSatisfy(e -> assertThat(e.recordedBy()).isNotBlank());
	}

	@Test
	void futureDatesAndBadRecordsAreRefusedWithFieldNames() {
		long id = newMember("OFFICIAL", LocalDate.of(2012, 1, 5));
		assertThatThrownBy(() -> members.transition(admin, id, req(Transition.SUSPEND, VnText.date(VnText.today().plusDays(3)), "01-QĐ/UBKT")))
			.hasMessageContaining("tương lai");
		InvalidInput e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInput.class, () -> members.create(admin, ids.cellId(),
				new MemberInput("An", null, null, "X", "31/02/1990", null, null, null, null, null, "123", "12345", "1234",
						null, "01/01/2000", null, null, "PROBATIONARY", null, null, null, null, null, null, "abc", "x@")));
		assertThat(e.problems()).extracting(InvalidInput.Problem::field).contains("Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD",
				"Số lý lịch", "Số thẻ đảng viên", "Điện thoại", "Thư điện tử");
	}

	@Test
	void duplicatesByCitizenIdCardOrRecordNumberAreRefused() {
		String existingCard = jdbc.sql("select card_no from organizations.member where card_no is not null limit 1")
			.query(String.class).single();
		InvalidInput e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInput.class, () -> members.create(admin, ids.cellId(),
				new MemberInput("Lê Văn Trùng", null, null, "Nam", "01/01/1980", null, null, null, null, null, null, null,
						existingCard, null, "01/01/2005", null, null, "OFFICIAL", null, null, null, null, null, null, null, null)));
		assertThat(e.problems()).extracting(InvalidInput.Problem::field).containsExactly("Số thẻ đảng viên");
	}

	@Test
	void positionsHaveDatesAndEnd() {
		long id = newMember("OFFICIAL", LocalDate.of(2012, 1, 5));
		long p = members.addPosition(admin, id, ids.cellId(), "CHI_UY_VIEN", "01/07/2025", "05-QĐ/ĐU");
		assertThatThrownBy(() -> members.addPosition(admin, id, ids.cellId(), "CHI_UY_VIEN", "02/07/2025", "06-QĐ/ĐU"))
			.hasMessageContaining("đang giữ chức vụ này");
		assertThatThrownBy(() -> members.endPosition(admin, id, p, "01/01/2020")).isInstanceOf(InvalidInput.class);
		members.endPosition(admin, id, p, VnText.date(VnText.today()));
		assertThat(members.positions(admin, id)).singleElement().satisfies(x -> assertThat(x.current()).isFalse());
	}

	@Test
	void photosAreJpegOrPngUpToOneMegabyte() {
		long id = newMember("OFFICIAL", LocalDate.of(2012, 1, 5));
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 };
		members.savePhoto(admin, id, "image/png", png);
		assertThat(members.photo(admin, id)).isEqualTo(png);
		assertThat(members.get(admin, id).hasPhoto()).isTrue();
		assertThatThrownBy(() -> members.savePhoto(admin, id, "text/html", "<script>".getBytes())).hasMessageContaining("JPEG hoặc PNG");
		assertThatThrownBy(() -> members.savePhoto(admin, id, "image/png", new byte[1_000_001])).hasMessageContaining("1 MB");
		Scope other = Fixtures.scope(jdbc, Role.CELL_SECRETARY, ids.otherCellId());
		assertThatThrownBy(() -> members.photo(other, id)).isInstanceOf(NotFound.class);
	}

	long count(long orgId) {
		return jdbc.sql("select coalesce(sum(n), 0) from organizations.member_count where organization_id = :o and status_key in ('OFFICIAL','PROBATIONARY')")
			.param("o", orgId).query(Long.class).single();
	}
}

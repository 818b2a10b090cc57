package vn.dangvu.organizations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dangvu.shared.Audited;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.Denied;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.PageOf;
import vn.dangvu.shared.Role;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/**
 * Use cases of member records: lists within the scope, the full record (every read audited), create and edit,
 * the lifecycle transitions, positions held. Lists and records need {@link Capability#READ_MEMBERS} over the
 * member's organization; changes need {@link Capability#WRITE_MEMBERS}. A member reads their own record, and
 * their cell-mates' names, statuses and positions only.
 */
@Service
public class MemberManagement {

	private final MemberRepository members;
	private final OrganizationRepository orgs;
	private final ApplicationEventPublisher events;

	private final WorkingDays workingDays;

	MemberManagement(MemberRepository members, OrganizationRepository orgs, WorkingDays workingDays,
			ApplicationEventPublisher events) {
		this.members = members;
		this.workingDays = workingDays;
		this.orgs = orgs;
		this.events = events;
	}

	/** The cell a member belongs to now, for building their scope. No scope applies: the caller is the sign-in. */
	public java.util.Optional<Long> currentOrganizationOf(long memberId) {
		return members.currentOrganization(memberId);
	}

	private OrganizationSummary readable(Scope scope, long orgId) {
		return orgs.findVisible(orgId, scope.paths(Capability.READ_MEMBERS))
			.orElseThrow(() -> new NotFound("organization " + orgId));
	}

	/** Members of the organization's subtree matching the filter, in Vietnamese order. */
	public PageOf<MemberRow> list(Scope scope, long orgId, MemberFilter filter) {
		return list(scope, readable(scope, orgId), filter);
	}

	/** The same, for an organization the caller has just read within the scope. */
	public PageOf<MemberRow> list(Scope scope, OrganizationSummary org, MemberFilter filter) {
		if (!scope.covers(Capability.READ_MEMBERS, org.path())) {
			throw new NotFound("organization " + org.id());
		}
		var page = members.list(org.path(), scope.paths(Capability.READ_MEMBERS), filter, org.childCount() == 0);
		return new PageOf<>(page.rows(), filter.page(), filter.size(), page.total());
	}

	/** The member list of an organization as it stood on a past date. */
	public List<MemberRow> listAsOf(Scope scope, long orgId, LocalDate date) {
		readable(scope, orgId);
		return members.listAsOf(orgId, date, scope.paths(Capability.READ_MEMBERS));
	}

	/** Members of other cells attached to this one temporarily (sinh hoạt tạm thời). */
	public List<MemberRow> temporary(Scope scope, long orgId) {
		readable(scope, orgId);
		return members.temporary(orgId, scope.paths(Capability.READ_MEMBERS));
	}

	/**
	 * Who is invited to a meeting of the organization: its members who are not gone (exempted and excused ones
	 * included, shown as such), without those attending another cell temporarily, with those attached to it
	 * temporarily. With {@code subtree}, the members of its whole subtree (a grassroots plenary).
	 */
	public List<MemberRow> roster(Scope scope, long orgId, boolean subtree) {
		return members.roster(orgId, subtree, scope.paths(Capability.READ_MEMBERS));
	}

	/**
	 * Every member registered in the organization's subtree who is not gone — those attending elsewhere temporarily,
	 * transferring, exempted or suspended included — where they are registered.
	 */
	public List<MemberRow> registered(Scope scope, long orgId) {
		return registered(scope, orgId, true);
	}

	/** The same in the organization alone ({@code subtree} false) or in its whole subtree. */
	public List<MemberRow> registered(Scope scope, long orgId, boolean subtree) {
		return members.registered(orgId, subtree, scope.paths(Capability.READ_MEMBERS));
	}

	/** A member as lists show them, if the scope may read them (or it is the user's own record). */
	public java.util.Optional<MemberRow> find(Scope scope, long memberId) {
		return members.row(memberId, scope.paths(Capability.READ_MEMBERS), scope.memberId());
	}

	/** Members transferring into this organization, waiting to be received. */
	public List<MemberRow> incoming(Scope scope, long orgId) {
		orgs.findVisible(orgId, scope.paths(Capability.WRITE_MEMBERS)).orElseThrow(() -> new NotFound("organization " + orgId));
		return members.incoming(orgId, scope.paths(Capability.WRITE_MEMBERS));
	}

	/** Writes the whole filtered list to {@code out}, and records the export in the audit trail. */
	@Transactional
	public void export(Scope scope, long orgId, MemberFilter filter, String format, java.util.function.Consumer<MemberRow> out) {
		OrganizationSummary org = readable(scope, orgId);
		int[] n = { 0 };
		members.each(org.path(), scope.paths(Capability.READ_MEMBERS), filter, r -> {
			n[0]++;
			out.accept(r);
		});
		audit(scope, "MEMBER_EXPORT", "organization", orgId, org.path(), "Xuất " + n[0] + " đảng viên của " + org.name()
				+ " (" + format + ")", null, Map.of("filter", filter.query(1), "rows", n[0]));
	}

	/** Cell-mates as a member sees them; only for the member's own cell. */
	public List<MemberPeer> peers(Scope scope, long orgId) {
		if (!scope.isMemberOf(orgId)) {
			throw new NotFound("organization " + orgId);
		}
		return members.peers(orgId);
	}

	/**
	 * The whole record. Readable by those with {@link Capability#READ_MEMBERS} over the member's official or
	 * temporary organization, and by the member themself. Each read is audited.
	 * @throws NotFound when it does not exist or lies outside the scope
	 */
	@Transactional
	public MemberDetails get(Scope scope, long id) {
		MemberDetails d = members.details(id, scope.paths(Capability.READ_MEMBERS), scope.memberId())
			.orElseThrow(() -> new NotFound("member " + id));
		audit(scope, "MEMBER_VIEW", "member", id, d.organizationPath(), "Xem hồ sơ " + d.fullName(), null, null);
		return d;
	}

	public List<MemberEvent> timeline(Scope scope, long id) {
		requireVisible(scope, id);
		return members.events(id);
	}

	/** The posts held now in the organization's whole subtree, within what the scope may read. */
	public List<Position> currentPositions(Scope scope, long orgId) {
		return currentPositions(scope, orgId, true);
	}

	/** The same in the organization alone ({@code subtree} false) or in its whole subtree. */
	public List<Position> currentPositions(Scope scope, long orgId, boolean subtree) {
		return members.currentPositionsIn(orgId, subtree, scope.paths(Capability.READ_MEMBERS));
	}

	public List<Position> positions(Scope scope, long id) {
		requireVisible(scope, id);
		return members.positions(id);
	}

	public byte[] photo(Scope scope, long id) {
		requireVisible(scope, id);
		return members.photo(id).orElseThrow(() -> new NotFound("photo " + id));
	}

	private void requireVisible(Scope scope, long id) {
		if (!members.visible(id, scope.paths(Capability.READ_MEMBERS), scope.memberId())) {
			throw new NotFound("member " + id);
		}
	}

	public boolean canWrite(Scope scope, MemberDetails d) {
		return scope.covers(Capability.WRITE_MEMBERS, d.organizationPath());
	}

	/** The record for a change: must be writable by the scope. Same answer as not found when it is not visible. */
	private MemberDetails writable(Scope scope, long id) {
		MemberDetails d = members.details(id, scope.paths(Capability.READ_MEMBERS), scope.memberId())
			.orElseThrow(() -> new NotFound("member " + id));
		if (!canWrite(scope, d)) {
			if (!scope.can(Capability.READ_MEMBERS) || scope.isSelf(id) && !scope.covers(Capability.READ_MEMBERS, d.organizationPath())) {
				throw new NotFound("member " + id);
			}
			throw new Denied("Bạn chỉ được xem, không được sửa hồ sơ đảng viên này.");
		}
		return d;
	}

	/** Creates a member record in a cell; refuses duplicates by citizen ID, card number or record number. */
	@Transactional
	public long create(Scope scope, long orgId, MemberInput input) {
		OrganizationSummary org = orgs.findVisible(orgId, scope.paths(Capability.WRITE_MEMBERS))
			.orElseThrow(() -> new NotFound("organization " + orgId));
		if (!org.level().holdsMembers()) {
			throw new InvalidInput("Chi bộ", "“" + org.name() + "” là " + org.level().vi() + "; đảng viên sinh hoạt tại chi bộ");
		}
		if (!org.active()) {
			throw new InvalidInput("Chi bộ", "“" + org.name() + "” " + OrganizationManagement.statusVi(org.status()));
		}
		MemberInput.Data d = input.validate();
		refuseDuplicates(d, -1);
		long id = members.insert(orgId, d);
		members.openMembership(id, orgId, "OFFICIAL", d.admittedOn().isAfter(org.establishedOn()) ? d.admittedOn() : org.establishedOn());
		members.event(id, "CREATE", VnText.today(), null, null, null, MemberStatus.valueOf(d.standing()).name(), orgId, null,
				scope.username());
		audit(scope, "MEMBER_CREATE", "member", id, org.path(), "Lập hồ sơ " + d.fullName() + " tại " + org.name(), null,
				auditable(d));
		return id;
	}

	void refuseDuplicates(MemberInput.Data d, long self) {
		if (d.citizenId() == null && d.cardNo() == null && d.recordNo() == null) {
			return;
		}
		List<InvalidInput.Problem> problems = new ArrayList<>();
		for (String[] dup : members.duplicates(d, self)) {
			problems.add(new InvalidInput.Problem(dup[2], "trùng với một hồ sơ đảng viên đã có (mã " + dup[0] + ")"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	@Transactional
	public void update(Scope scope, long id, int version, MemberInput input) {
		MemberDetails before = writable(scope, id);
		MemberInput.Data d = input.validate();
		if (!d.standing().equals(before.standing())) {
			throw new InvalidInput("Loại đảng viên", "không sửa trực tiếp; dùng “Công nhận đảng viên chính thức”");
		}
		refuseDuplicates(d, id);
		if (!members.update(id, version, d)) {
			throw new InvalidInput("Hồ sơ", "đã được người khác sửa trong lúc bạn đang sửa; hãy tải lại trang và nhập lại");
		}
		members.event(id, "UPDATE", VnText.today(), null, null, null, null, null, null, scope.username());
		audit(scope, "MEMBER_UPDATE", "member", id, before.organizationPath(), "Sửa hồ sơ " + d.fullName(),
				auditable(before), auditable(d));
	}

	@Transactional
	public void savePhoto(Scope scope, long id, String contentType, byte[] bytes) {
		MemberDetails d = writable(scope, id);
		if (!contentType.equals("image/jpeg") && !contentType.equals("image/png")) {
			throw new InvalidInput("Ảnh", "chỉ nhận ảnh JPEG hoặc PNG");
		}
		if (bytes.length == 0 || bytes.length > 1_000_000) {
			throw new InvalidInput("Ảnh", "dung lượng phải từ 1 byte đến 1 MB");
		}
		members.savePhoto(id, contentType, bytes);
		audit(scope, "MEMBER_PHOTO", "member", id, d.organizationPath(), "Cập nhật ảnh " + d.fullName(), null, null);
	}

	/** A lifecycle change as asked for: which, from when, by which decision, with what else it needs. */
	public record TransitionRequest(Transition transition, @Nullable String effectiveOn, @Nullable String decisionRef,
			@Nullable String note, @Nullable Long targetOrganizationId, @Nullable String targetText, @Nullable String until) {
	}

	/**
	 * Applies a lifecycle transition. Refused, with the reason, when the rules do not allow it from the member's
	 * status, when a required decision is missing, or when its dates break the rules.
	 */
	@Transactional
	public void transition(Scope scope, long id, TransitionRequest req) {
		Transition t = req.transition();
		MemberDetails m;
		if (t == Transition.RECEIVE_TRANSFER) {
			m = incomingFor(scope, id).orElseThrow(() -> new NotFound("member " + id));
		}
		else {
			m = writable(scope, id);
		}
		if (!t.allowedFrom(m.status())) {
			throw new InvalidInput("Thao tác", t.refusal(m.status()));
		}
		LocalDate on;
		try {
			on = VnText.parseDate(req.effectiveOn());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput("Ngày hiệu lực", "“" + req.effectiveOn() + "” không phải ngày hợp lệ (dạng dd/MM/yyyy)");
		}
		if (t == Transition.RECOGNIZE && VnText.today().isBefore(m.probationEnds())) {
			throw new InvalidInput("Ngày hiệu lực", "chưa đủ 12 tháng dự bị; sớm nhất " + VnText.date(m.probationEnds()));
		}
		if (on == null) {
			on = t == Transition.RECOGNIZE ? m.probationEnds() : VnText.today();
		}
		if (on.isAfter(VnText.today())) {
			throw new InvalidInput("Ngày hiệu lực", VnText.date(on) + " là ngày trong tương lai");
		}
		if (on.isBefore(m.statusSince()) && t != Transition.RECOGNIZE) {
			throw new InvalidInput("Ngày hiệu lực", "trước ngày của trạng thái hiện tại (" + VnText.date(m.statusSince()) + ")");
		}
		String ref = MemberInput.text(req.decisionRef());
		if (t.needsDecision() && ref == null) {
			throw new InvalidInput("Số, ký hiệu quyết định", "cần có để “" + t.vi() + "”");
		}
		if (ref != null) {
			ref = Decision.of(VnText.date(on), ref).ref();
		}
		String note = MemberInput.text(req.note());
		String fromState = m.status().name();
		String standing = m.standing();
		String status = m.state();
		Long eventOrg = null;
		LocalDate deadline = null;
		switch (t) {
			case RECOGNIZE -> {
				// Recognized as of the end of the 12 months, even when the meeting or the approval comes later (DOMAIN §3.2).
				LocalDate ends = m.probationEnds();
				if (VnText.today().isBefore(ends)) {
					throw new InvalidInput("Ngày hiệu lực", "chưa đủ 12 tháng dự bị; sớm nhất " + VnText.date(ends));
				}
				on = ends;
				standing = "OFFICIAL";
				members.setRecognized(id, ends);
			}
			case TRANSFER_OUT -> {
				Long target = req.targetOrganizationId();
				String text = MemberInput.text(req.targetText());
				if (target == null && text == null) {
					throw new InvalidInput("Nơi chuyển đến", "chọn chi bộ trong hệ thống hoặc ghi tên nơi chuyển đến");
				}
				if (target != null) {
					OrganizationSummary dest = anyOrganization(target);
					if (dest == null || !dest.level().holdsMembers() || !dest.active()) {
						throw new InvalidInput("Nơi chuyển đến", "không có chi bộ đang hoạt động mã " + target);
					}
					if (dest.id() == m.organizationId()) {
						throw new InvalidInput("Nơi chuyển đến", "trùng với chi bộ hiện tại");
					}
					text = dest.name();
					eventOrg = target;
				}
				// The member must present the introduction letter within 30 working days (DOMAIN §3.3).
				deadline = workingDays.plus(on, 30);
				members.setTransfer(id, target, text, deadline);
				status = "TRANSFERRING";
			}
			case RECEIVE_TRANSFER -> {
				long dest = m.transferToId() == null ? -1 : m.transferToId();
				members.closeMembership(id, "OFFICIAL", on);
				members.setOrganization(id, dest);
				members.openMembership(id, dest, "OFFICIAL", on);
				members.setTransfer(id, null, null, null);
				members.setTemporary(id, null, null);
				members.closeMembership(id, "TEMPORARY", on);
				members.endOpenPositions(id, on);
				eventOrg = dest;
				status = "ACTIVE";
				events.publishEvent(new MembersMoved(List.of(id), dest));
			}
			case CANCEL_TRANSFER -> {
				members.setTransfer(id, null, null, null);
				status = "ACTIVE";
			}
			case TEMP_TRANSFER -> {
				LocalDate until = untilDate(req.until(), on, 3, 24, "Sinh hoạt tạm thời đến ngày");
				Long target = req.targetOrganizationId();
				OrganizationSummary dest = target == null ? null : anyOrganization(target);
				if (dest == null || !dest.level().holdsMembers() || !dest.active() || dest.id() == m.organizationId()) {
					throw new InvalidInput("Chi bộ sinh hoạt tạm thời", "chọn một chi bộ khác đang hoạt động trong hệ thống");
				}
				members.setTemporary(id, dest.id(), until);
				members.openMembership(id, dest.id(), "TEMPORARY", on);
				eventOrg = dest.id();
				deadline = until;
			}
			case TEMP_RETURN -> {
				if (m.tempOrganizationId() == null) {
					throw new InvalidInput("Thao tác", "đảng viên không sinh hoạt tạm thời ở đâu");
				}
				members.setTemporary(id, null, null);
				members.closeMembership(id, "TEMPORARY", on);
			}
			case LEAVE -> {
				deadline = untilDate(req.until(), on, 0, 12, "Tạm miễn sinh hoạt đến ngày");
				status = "ON_LEAVE";
			}
			case RETURN_FROM_LEAVE, END_EXEMPTION, REINSTATE -> status = "ACTIVE";
			case EXEMPT_FROM_WORK -> status = "EXEMPT";
			case SUSPEND -> status = "SUSPENDED";
			case REMOVE, EXPEL, RESIGN, DECEASE -> {
				status = switch (t) {
					case REMOVE -> "REMOVED";
					case EXPEL -> "EXPELLED";
					case RESIGN -> "LEFT";
					default -> "DECEASED";
				};
				members.closeMembership(id, "OFFICIAL", on);
				members.closeMembership(id, "TEMPORARY", on);
				members.setTemporary(id, null, null);
				members.setTransfer(id, null, null, null);
				members.endOpenPositions(id, on);
				members.setEnded(id, on);
			}
			case READMIT -> {
				if (m.readmitted()) {
					throw new InvalidInput("Thao tác", "Không thể “" + t.vi() + "”: chỉ được kết nạp lại một lần.");
				}
				// At least 36 months after leaving (DOMAIN §3.1).
				LocalDate earliest = m.statusSince().plusMonths(36);
				if (on.isBefore(earliest)) {
					throw new InvalidInput("Ngày hiệu lực", "chưa đủ 36 tháng kể từ khi xóa tên (" + VnText.date(m.statusSince())
							+ "); sớm nhất " + VnText.date(earliest));
				}
				members.readmit(id, on);
				members.openMembership(id, m.organizationId(), "OFFICIAL", on);
				standing = "PROBATIONARY";
				status = "ACTIVE";
			}
		}
		members.setState(id, standing, status, on);
		String toState = MemberStatus.of(standing, status).name();
		members.event(id, t.name(), on, ref, note, fromState, toState, eventOrg, deadline, scope.username());
		audit(scope, "MEMBER_" + t.name(), "member", id, m.organizationPath(), t.vi() + ": " + m.fullName()
				+ (ref == null ? "" : " (" + ref + ")"), Map.of("status", fromState), Map.of("status", toState));
	}

	private java.util.Optional<MemberDetails> incomingFor(Scope scope, long id) {
		// The receiving cell does not yet see the member: look the record up through the pending transfer.
		return members.detailsUnscoped(id).filter(d -> d.transferToId() != null
				&& orgs.findVisible(d.transferToId(), scope.paths(Capability.WRITE_MEMBERS)).isPresent());
	}

	private @Nullable OrganizationSummary anyOrganization(long id) {
		return orgs.findAny(id).orElse(null);
	}

	private static LocalDate untilDate(@Nullable String raw, LocalDate from, int minMonths, int maxMonths, String field) {
		LocalDate until;
		try {
			until = VnText.parseDate(raw);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput(field, "“" + raw + "” không phải ngày hợp lệ (dạng dd/MM/yyyy)");
		}
		if (until == null) {
			throw new InvalidInput(field, "chưa nhập");
		}
		if (!until.isAfter(from) || until.isBefore(from.plusMonths(minMonths)) || until.isAfter(from.plusMonths(maxMonths))) {
			throw new InvalidInput(field, "phải trong khoảng " + (minMonths == 0 ? "" : minMonths + " tháng đến ") + maxMonths
					+ " tháng kể từ " + VnText.date(from));
		}
		return until;
	}

	/** Working days: Monday to Friday. Public holidays are not yet configured. */
	@Transactional
	public long addPosition(Scope scope, long memberId, long orgId, String title, @Nullable String startedOn,
			@Nullable String decisionRef) {
		MemberDetails m = writable(scope, memberId);
		OrganizationSummary org = orgs.findVisible(orgId, scope.paths(Capability.WRITE_MEMBERS))
			.orElseThrow(() -> new InvalidInput("Tổ chức", "không có trong phạm vi quản lý của bạn"));
		if (!Scope.isWithin(m.organizationPath(), org.path())) {
			throw new InvalidInput("Tổ chức", "đảng viên không sinh hoạt trong “" + org.name() + "”");
		}
		if (!Position.TITLES.containsKey(title)) {
			throw new InvalidInput("Chức vụ", "“" + title + "” không có trong danh mục");
		}
		if (m.status().gone()) {
			throw new InvalidInput("Chức vụ", "đảng viên đã " + m.status().vi().toLowerCase());
		}
		if (members.holdsOpenPosition(memberId, orgId, title)) {
			throw new InvalidInput("Chức vụ", "đảng viên đang giữ chức vụ này tại “" + org.name() + "”");
		}
		Decision d = Decision.of(startedOn, decisionRef);
		long id = members.addPosition(memberId, orgId, title, d.effectiveOn(), d.ref());
		audit(scope, "POSITION_ADD", "member", memberId, m.organizationPath(), m.fullName() + " giữ chức "
				+ Position.TITLES.get(title) + " tại " + org.name(), null, Map.of("title", title, "organizationId", orgId));
		return id;
	}

	@Transactional
	public void endPosition(Scope scope, long memberId, long positionId, @Nullable String endedOn) {
		MemberDetails m = writable(scope, memberId);
		LocalDate on;
		try {
			on = VnText.parseDate(endedOn);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput("Ngày thôi giữ chức", "“" + endedOn + "” không phải ngày hợp lệ");
		}
		if (on == null || on.isAfter(VnText.today())) {
			throw new InvalidInput("Ngày thôi giữ chức", "chưa nhập hoặc là ngày trong tương lai");
		}
		if (members.endPosition(positionId, memberId, on) != 1) {
			throw new InvalidInput("Ngày thôi giữ chức", "không có chức vụ đang giữ tương ứng, hoặc ngày trước ngày bắt đầu");
		}
		audit(scope, "POSITION_END", "member", memberId, m.organizationPath(), m.fullName() + " thôi giữ chức", null,
				Map.of("positionId", positionId, "endedOn", on.toString()));
	}

	private void audit(Scope scope, String action, String type, long id, String path, String summary,
			@Nullable Map<String, ?> before, @Nullable Map<String, ?> after) {
		events.publishEvent(new Audited(scope.username(), action, type, String.valueOf(id), path, summary, before, after));
	}

	/** Fields worth keeping in the audit trail, citizen ID masked. */
	static Map<String, Object> auditable(MemberInput.Data d) {
		return auditable(d.fullName(), d.gender(), d.birthDate(), d.citizenId(), d.recordNo(), d.cardNo(), d.admittedOn(),
				d.recognizedOn(), d.ethnicity(), d.religion(), d.residence(), d.phone(), d.email(), d.occupation());
	}

	static Map<String, Object> auditable(MemberDetails d) {
		return auditable(d.fullName(), d.gender(), d.birthDate(), d.citizenId(), d.recordNo(), d.cardNo(), d.admittedOn(),
				d.recognizedOn(), d.ethnicity(), d.religion(), d.residence(), d.phone(), d.email(), d.occupation());
	}

	private static Map<String, Object> auditable(String fullName, String gender, LocalDate birthDate, @Nullable String citizenId,
			@Nullable String recordNo, @Nullable String cardNo, LocalDate admittedOn, @Nullable LocalDate recognizedOn,
			String ethnicity, String religion, @Nullable String residence, @Nullable String phone, @Nullable String email,
			@Nullable String occupation) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("fullName", fullName);
		m.put("gender", gender);
		m.put("birthDate", String.valueOf(birthDate));
		m.put("citizenId", citizenId == null ? null : "********" + citizenId.substring(Math.max(0, citizenId.length() - 4)));
		m.put("recordNo", recordNo);
		m.put("cardNo", cardNo);
		m.put("admittedOn", String.valueOf(admittedOn));
		m.put("recognizedOn", String.valueOf(recognizedOn));
		m.put("ethnicity", ethnicity);
		m.put("religion", religion);
		m.put("residence", residence);
		m.put("phone", phone);
		m.put("email", email);
		m.put("occupation", occupation);
		return m;
	}

	static boolean isRole(Scope scope, Role role) {
		return scope.grants().stream().anyMatch(g -> g.role() == role);
	}
}

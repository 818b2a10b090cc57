package vn.dangvu.organizations;

import java.util.EnumSet;
import java.util.Set;

import static vn.dangvu.organizations.MemberStatus.*;

/**
 * The member lifecycle as a state machine (DOMAIN §3, §9). Each transition lists the statuses it may start from;
 * anything else is refused with {@link #refusal(MemberStatus)}.
 */
public enum Transition {

	RECOGNIZE("Công nhận đảng viên chính thức", EnumSet.of(PROBATIONARY), true),
	TRANSFER_OUT("Chuyển sinh hoạt đảng chính thức đi", EnumSet.of(PROBATIONARY, OFFICIAL), true),
	RECEIVE_TRANSFER("Tiếp nhận sinh hoạt đảng chính thức", EnumSet.of(TRANSFERRING), false),
	CANCEL_TRANSFER("Hủy chuyển sinh hoạt (ở lại chi bộ)", EnumSet.of(TRANSFERRING), false),
	TEMP_TRANSFER("Chuyển sinh hoạt đảng tạm thời", EnumSet.of(PROBATIONARY, OFFICIAL), true),
	TEMP_RETURN("Kết thúc sinh hoạt tạm thời", EnumSet.of(PROBATIONARY, OFFICIAL, ON_LEAVE, SUSPENDED, EXEMPT), false),
	LEAVE("Tạm miễn sinh hoạt", EnumSet.of(PROBATIONARY, OFFICIAL), true),
	RETURN_FROM_LEAVE("Trở lại sinh hoạt sau tạm miễn", EnumSet.of(ON_LEAVE), false),
	EXEMPT_FROM_WORK("Miễn công tác và sinh hoạt đảng", EnumSet.of(OFFICIAL), true),
	END_EXEMPTION("Trở lại công tác và sinh hoạt", EnumSet.of(EXEMPT), false),
	SUSPEND("Đình chỉ sinh hoạt đảng", EnumSet.of(PROBATIONARY, OFFICIAL, ON_LEAVE, EXEMPT), true),
	REINSTATE("Hết thời hạn đình chỉ sinh hoạt", EnumSet.of(SUSPENDED), true),
	REMOVE("Xóa tên trong danh sách đảng viên", EnumSet.of(PROBATIONARY, OFFICIAL, ON_LEAVE, SUSPENDED), true),
	EXPEL("Khai trừ khỏi Đảng", EnumSet.of(OFFICIAL, ON_LEAVE, EXEMPT, SUSPENDED), true),
	RESIGN("Xin ra khỏi Đảng", EnumSet.of(PROBATIONARY, OFFICIAL, ON_LEAVE, EXEMPT), true),
	DECEASE("Từ trần", EnumSet.of(PROBATIONARY, OFFICIAL, ON_LEAVE, EXEMPT, SUSPENDED, TRANSFERRING), false),
	READMIT("Kết nạp lại vào Đảng", EnumSet.of(REMOVED), true);

	private final String vi;
	private final Set<MemberStatus> from;
	private final boolean needsDecision;

	Transition(String vi, Set<MemberStatus> from, boolean needsDecision) {
		this.vi = vi;
		this.from = from;
		this.needsDecision = needsDecision;
	}

	public String vi() {
		return vi;
	}

	public boolean needsDecision() {
		return needsDecision;
	}

	public boolean allowedFrom(MemberStatus status) {
		return from.contains(status);
	}

	/** Why this transition cannot start from the given status, in Vietnamese. */
	public String refusal(MemberStatus status) {
		String why = switch (this) {
			case RECOGNIZE -> "chỉ đảng viên dự bị mới được xét công nhận chính thức";
			case EXPEL -> status == PROBATIONARY
					? "đảng viên dự bị không bị khai trừ; nếu vi phạm thì xem xét xóa tên (Điều lệ Đảng)"
					: "đảng viên ở trạng thái này không thể bị khai trừ";
			case EXEMPT_FROM_WORK -> "chỉ đảng viên chính thức mới được miễn công tác và sinh hoạt";
			case READMIT -> status == LEFT || status == EXPELLED
					? "người đã tự xin ra khỏi Đảng hoặc bị khai trừ không được kết nạp lại theo quy định hiện hành"
					: "chỉ người đã bị xóa tên mới có thể được xem xét kết nạp lại";
			default -> status.gone() ? "đảng viên này đã " + status.vi().toLowerCase().replace("đã ", "")
					: "không áp dụng cho đảng viên đang ở trạng thái “" + status.vi() + "”";
		};
		return "Không thể “" + vi + "”: " + why + ".";
	}

	public Set<MemberStatus> from() {
		return from;
	}

	static String label(String kind) {
		return switch (kind) {
			case "CREATE" -> "Lập hồ sơ";
			case "ADMIT" -> "Kết nạp vào Đảng";
			case "IMPORT" -> "Nhập từ tệp Excel";
			case "UPDATE" -> "Cập nhật hồ sơ";
			case "MOVE_ORG" -> "Chuyển theo sắp xếp tổ chức";
			default -> {
				try {
					yield valueOf(kind).vi();
				}
				catch (IllegalArgumentException e) {
					yield kind;
				}
			}
		};
	}
}

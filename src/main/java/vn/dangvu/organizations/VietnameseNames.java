package vn.dangvu.organizations;

import java.util.random.RandomGenerator;

/** Realistic Vietnamese names for demo and benchmark data, family names drawn by their national frequency. */
public final class VietnameseNames {

	static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
			"Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai", "Cao", "Lâm", "Hà", "Tô", "Đoàn", "Chu" };
	static final int[] FAMILY_WEIGHT = { 380, 110, 95, 70, 30, 21, 45, 20, 19, 21, 20, 14, 13, 13, 10, 5, 6, 6, 5, 5, 4, 4, 4, 3, 4, 3 };
	static final String[] MIDDLE_M = { "Văn", "Hữu", "Đức", "Minh", "Quang", "Thành", "Công", "Xuân", "Ngọc", "Trọng", "Hoàng", "Đình", "Anh" };
	static final String[] MIDDLE_F = { "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Thùy", "Hồng", "Phương", "Mai" };
	static final String[] GIVEN_M = { "An", "Anh", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiếu", "Hòa", "Hùng", "Huy",
			"Khánh", "Khoa", "Lâm", "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng",
			"Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Ân", "Ánh", "Đạt", "Định", "Hưng", "Lộc" };
	static final String[] GIVEN_F = { "An", "Anh", "Ánh", "Bích", "Châu", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng",
			"Hoa", "Hồng", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh",
			"Phương", "Quỳnh", "Thảo", "Thu", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Xuân", "Yến", "Ơn", "Ân" };
	public static final String[] ETHNICITY = { "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Tày", "Thái",
			"Mường", "Khmer", "H'Mông", "Nùng", "Dao" };

	/** The ethnic groups offered in filters: the demo data's, distinct, Kinh first. */
	public static final java.util.List<String> ETHNICITIES = java.util.List.of("Kinh", "Tày", "Thái", "Mường", "Khmer",
			"H'Mông", "Nùng", "Dao", "Hoa", "Gia Rai", "Ê Đê", "Ba Na", "Chăm", "Sán Dìu", "Xơ Đăng");

	private VietnameseNames() {
	}

	public static String family(RandomGenerator r) {
		int total = 0;
		for (int w : FAMILY_WEIGHT) {
			total += w;
		}
		int x = r.nextInt(total);
		for (int i = 0; i < FAMILY.length; i++) {
			x -= FAMILY_WEIGHT[i];
			if (x < 0) {
				return FAMILY[i];
			}
		}
		return FAMILY[0];
	}

	public static String full(RandomGenerator r, boolean male) {
		String middle = male ? MIDDLE_M[r.nextInt(MIDDLE_M.length)] : MIDDLE_F[r.nextInt(MIDDLE_F.length)];
		String given = male ? GIVEN_M[r.nextInt(GIVEN_M.length)] : GIVEN_F[r.nextInt(GIVEN_F.length)];
		return family(r) + " " + middle + " " + given;
	}
}

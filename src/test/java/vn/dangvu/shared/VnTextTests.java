package vn.dangvu.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text helpers used by every form and by imports. */
class VnTextTests {

	@Test
	void squeezeTrimsAndMakesEveryRunOfWhiteSpaceOneSpace() {
		assertThat(VnText.squeeze("Nguyễn Văn An")).isEqualTo("Nguyễn Văn An");
		assertThat(VnText.squeeze("  Nguyễn   Văn\tAn \n")).isEqualTo("Nguyễn Văn An");
		assertThat(VnText.squeeze("Lò\r\nThị  Sáu")).isEqualTo("Lò Thị Sáu");
		assertThat(VnText.squeeze(" a b ")).isEqualTo("a b");
		assertThat(VnText.squeeze("   ")).isEmpty();
		assertThat(VnText.squeeze("x")).isEqualTo("x");
	}

	@Test
	void foldDropsMarksAndCaseAndSqueezes() {
		assertThat(VnText.fold("  ĐẶNG   Thị Ngọc  Ánh")).isEqualTo("dang thi ngoc anh");
	}
}

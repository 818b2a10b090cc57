package vn.dangvu.evaluations;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The level rules of Điều 11 (366-QĐ/TW) as summarized in DOMAIN §1.1: the score band, then the conditions that
 * cap or force a level. Conditions that rest on a human conclusion (a discipline, a concluded degradation, the
 * civil-service level) are read from what was recorded with its reference; nothing is inferred.
 */
final class Classification {

	record Band(Grade level, BigDecimal min) {
	}

	/** The highest level allowed, whether it is forced, and why. */
	record Ceiling(Grade max, boolean forced, List<String> reasons) {

		Grade apply(Grade band) {
			return forced ? Grade.KHTNV : Grade.worse(band, max);
		}
	}

	private Classification() {
	}

	static Grade band(BigDecimal total, List<Band> bands) {
		for (Band b : bands) {
			if (total.compareTo(b.min()) >= 0) {
				return b.level();
			}
		}
		return Grade.KHTNV;
	}

	/**
	 * @param openFromBefore shortcomings pointed out before this cycle and still open (366: HTXSNV needs 100% remedied)
	 */
	static Ceiling ceiling(@Nullable Integer onTime, @Nullable Integer exceeded, @Nullable Integer done,
			@Nullable String disciplineRef, @Nullable String degradationRef, boolean civilServant, @Nullable Grade stateLevel,
			int openFromBefore) {
		List<String> reasons = new ArrayList<>();
		Grade max = Grade.HTXSNV;
		boolean forced = false;
		if (disciplineRef != null) {
			forced = true;
			reasons.add("bị kỷ luật trong năm (" + disciplineRef + "): Không hoàn thành nhiệm vụ");
		}
		if (degradationRef != null) {
			forced = true;
			reasons.add("có kết luận suy thoái, vi phạm điều đảng viên không được làm (" + degradationRef + "): Không hoàn thành nhiệm vụ");
		}
		if (civilServant && stateLevel != null) {
			if (stateLevel == Grade.KHTNV) {
				forced = true;
				reasons.add("đánh giá công chức, viên chức Không hoàn thành nhiệm vụ: xếp loại đảng viên cũng vậy");
			}
			else if (stateLevel != Grade.HTXSNV) {
				max = Grade.worse(max, Grade.HTTNV);
				reasons.add("đánh giá công chức, viên chức là " + stateLevel.vi() + ": không xếp Hoàn thành xuất sắc");
			}
		}
		if (openFromBefore > 0) {
			max = Grade.worse(max, Grade.HTTNV);
			reasons.add(openFromBefore + " hạn chế đã chỉ ra trước đây chưa khắc phục xong: không xếp Hoàn thành xuất sắc");
		}
		if (onTime != null && exceeded != null && done != null) {
			if (done < 100 || onTime < 80) {
				forced = true;
				reasons.add("hoàn thành " + done + "% nhiệm vụ, " + onTime + "% đúng hạn: dưới mức Hoàn thành nhiệm vụ (100% hoàn thành, chậm không quá 20%)");
			}
			else if (onTime < 100) {
				max = Grade.worse(max, Grade.HTNV);
				reasons.add(onTime + "% nhiệm vụ đúng hạn: Hoàn thành tốt trở lên cần 100% đúng hạn");
			}
			else if (exceeded < 30) {
				max = Grade.worse(max, Grade.HTTNV);
				reasons.add(exceeded + "% nhiệm vụ vượt yêu cầu: Hoàn thành xuất sắc cần từ 30%");
			}
		}
		return new Ceiling(forced ? Grade.KHTNV : max, forced, reasons);
	}
}

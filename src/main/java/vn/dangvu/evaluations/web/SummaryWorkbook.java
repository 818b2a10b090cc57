package vn.dangvu.evaluations.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import vn.dangvu.evaluations.EvaluationManagement.Counts;
import vn.dangvu.evaluations.EvaluationManagement.RollUp;
import vn.dangvu.evaluations.Grade;

/**
 * The summary tables of a review in the layout committees file them: the issuing organization and "ĐẢNG CỘNG SẢN
 * VIỆT NAM" heading, place and date, the title with the period, a two-row header (each level with number and
 * share), numbered columns, one row per organization directly below, the total and last year's total, and the
 * signature block — landscape A4, fitted to the width, header rows repeated on each printed page. One sheet per
 * subject kind (members, party organizations, leadership collectives) and one with the progress of the steps.
 * The exact official form of HD 43-HD/BTCTW was not retrieved [GAP]; the columns are those the guidance counts.
 */
final class SummaryWorkbook {

	private static final int COLUMNS = 15;
	private static final int HEADER_ROW = 6;

	private final XSSFWorkbook wb = new XSSFWorkbook();
	private final CellStyle bold;
	private final CellStyle boldCenter;
	private final CellStyle italicCenter;
	private final CellStyle title;
	private final CellStyle head;
	private final CellStyle text;
	private final CellStyle number;
	private final CellStyle percent;
	private final CellStyle totalText;
	private final CellStyle totalNumber;
	private final CellStyle totalPercent;

	SummaryWorkbook() {
		Font b = wb.createFont();
		b.setBold(true);
		Font i = wb.createFont();
		i.setItalic(true);
		Font big = wb.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 14);
		bold = wb.createCellStyle();
		bold.setFont(b);
		boldCenter = wb.createCellStyle();
		boldCenter.setFont(b);
		boldCenter.setAlignment(HorizontalAlignment.CENTER);
		italicCenter = wb.createCellStyle();
		italicCenter.setFont(i);
		italicCenter.setAlignment(HorizontalAlignment.CENTER);
		title = wb.createCellStyle();
		title.setFont(big);
		title.setAlignment(HorizontalAlignment.CENTER);
		title.setWrapText(true);
		head = bordered(b);
		head.setAlignment(HorizontalAlignment.CENTER);
		head.setVerticalAlignment(VerticalAlignment.CENTER);
		head.setWrapText(true);
		text = bordered(null);
		text.setWrapText(true);
		number = bordered(null);
		number.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
		percent = bordered(null);
		percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
		totalText = bordered(b);
		totalNumber = bordered(b);
		totalNumber.setDataFormat(number.getDataFormat());
		totalPercent = bordered(b);
		totalPercent.setDataFormat(percent.getDataFormat());
	}

	private CellStyle bordered(@Nullable Font font) {
		CellStyle s = wb.createCellStyle();
		s.setBorderTop(BorderStyle.THIN);
		s.setBorderBottom(BorderStyle.THIN);
		s.setBorderLeft(BorderStyle.THIN);
		s.setBorderRight(BorderStyle.THIN);
		s.setVerticalAlignment(VerticalAlignment.CENTER);
		if (font != null) {
			s.setFont(font);
		}
		return s;
	}

	/** "NĂM 2026", "QUÝ II NĂM 2026", or the cycle's own period. */
	static String periodTitle(String period) {
		if (period.matches("\\d{4}")) {
			return "NĂM " + period;
		}
		if (period.matches("\\d{4}-Q[1-4]")) {
			return "QUÝ " + List.of("I", "II", "III", "IV").get(period.charAt(6) - '1') + " NĂM " + period.substring(0, 4);
		}
		return "ĐỢT " + period;
	}

	void results(RollUp r, String kind, String sheetName, String subject, String place, LocalDate today) {
		Sheet sh = wb.createSheet(sheetName);
		heading(sh, r.total().name(), place, today);
		merged(sh, 3, 0, COLUMNS - 1, "BIỂU TỔNG HỢP KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG " + subject + " " + periodTitle(r.total().period()), title);
		sh.getRow(3).setHeightInPoints(36);
		merged(sh, 4, 0, COLUMNS - 1, "(Kèm theo báo cáo kết quả kiểm điểm, đánh giá, xếp loại chất lượng — Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW; số liệu đến ngày "
				+ vn.dangvu.shared.VnText.date(today) + ")", italicCenter);
		Row h1 = sh.createRow(HEADER_ROW);
		Row h2 = sh.createRow(HEADER_ROW + 1);
		h1.setHeightInPoints(32);
		h2.setHeightInPoints(32);
		String[] spanning = { "STT", "Đơn vị", "Tổng số", "Số được xếp loại" };
		for (int c = 0; c < spanning.length; c++) {
			headCell(h1, c, spanning[c]);
			headCell(h2, c, "");
			sh.addMergedRegion(new CellRangeAddress(HEADER_ROW, HEADER_ROW + 1, c, c));
		}
		int c = 4;
		for (Grade g : Grade.values()) {
			headCell(h1, c, g.vi() + " (" + g.name() + ")");
			headCell(h1, c + 1, "");
			sh.addMergedRegion(new CellRangeAddress(HEADER_ROW, HEADER_ROW, c, c + 1));
			headCell(h2, c, "Số lượng");
			headCell(h2, c + 1, "Tỷ lệ %");
			c += 2;
		}
		for (String s : List.of("Không xếp loại", "Chưa có kết quả", "Ghi chú")) {
			headCell(h1, c, s);
			headCell(h2, c, "");
			sh.addMergedRegion(new CellRangeAddress(HEADER_ROW, HEADER_ROW + 1, c, c));
			c++;
		}
		Row numbers = sh.createRow(HEADER_ROW + 2);
		for (int k = 0; k < COLUMNS; k++) {
			headCell(numbers, k, "(" + (k + 1) + ")");
		}
		int row = HEADER_ROW + 3;
		int stt = 1;
		for (Counts child : r.children()) {
			line(sh.createRow(row++), String.valueOf(stt++), child.name(), child, kind, false);
		}
		line(sh.createRow(row++), "", "Tổng cộng", r.total(), kind, true);
		if (r.previous() != null) {
			line(sh.createRow(row++), "", "Cùng kỳ năm trước (" + r.previous().period() + ")", r.previous(), kind, false);
		}
		signatures(sh, row + 1);
		sh.setColumnWidth(0, 6 * 256);
		sh.setColumnWidth(1, 40 * 256);
		for (int k = 2; k < COLUMNS - 1; k++) {
			sh.setColumnWidth(k, 11 * 256);
		}
		sh.setColumnWidth(COLUMNS - 1, 24 * 256);
		print(sh);
	}

	private void line(Row row, String stt, String name, Counts x, String kind, boolean total) {
		cell(row, 0, stt, total ? totalText : text);
		cell(row, 1, name, total ? totalText : text);
		long classified = x.classified(kind);
		long notClassified = x.n(kind, "NOT_CLASSIFIED");
		num(row, 2, x.total(kind), total);
		num(row, 3, classified, total);
		int c = 4;
		for (Grade g : Grade.values()) {
			long n = x.n(kind, g.name());
			num(row, c++, n, total);
			var cell = row.createCell(c++);
			cell.setCellStyle(total ? totalPercent : percent);
			if (classified > 0) {
				cell.setCellValue((double) n / classified);
			}
		}
		num(row, c++, notClassified, total);
		num(row, c++, Math.max(0, x.total(kind) - classified - notClassified), total);
		String note = "MEMBER".equals(kind) && x.quotaOver() > 0
				? x.quotaOver() + " nhóm vượt trần Hoàn thành xuất sắc (" + x.quotaGroups() + " nhóm đã quyết định)" : "";
		cell(row, c, note, total ? totalText : text);
	}

	/** The progress of the steps per organization: who still waits where. */
	void progress(RollUp r, String place, LocalDate today) {
		Sheet sh = wb.createSheet("Tiến độ các bước");
		heading(sh, r.total().name(), place, today);
		merged(sh, 3, 0, 8, "TIẾN ĐỘ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI " + periodTitle(r.total().period()), title);
		String[] cols = { "STT", "Đơn vị", "Đối tượng", "Tổng số", "Chưa tự đánh giá", "Chờ ý kiến", "Chờ thẩm định",
				"Chờ quyết định", "Đã quyết định" };
		Row h = sh.createRow(HEADER_ROW);
		for (int k = 0; k < cols.length; k++) {
			headCell(h, k, cols[k]);
		}
		int row = HEADER_ROW + 1;
		int stt = 1;
		for (Counts x : concat(r)) {
			boolean total = x == r.total();
			for (String kind : List.of("MEMBER", "ORGANIZATION", "COLLECTIVE")) {
				Row line = sh.createRow(row++);
				cell(line, 0, total ? "" : String.valueOf(stt), total ? totalText : text);
				cell(line, 1, total ? "Tổng cộng" : x.name(), total ? totalText : text);
				cell(line, 2, switch (kind) {
					case "MEMBER" -> "Đảng viên";
					case "ORGANIZATION" -> "Tổ chức đảng";
					default -> "Tập thể lãnh đạo";
				}, total ? totalText : text);
				num(line, 3, x.total(kind), total);
				int c = 4;
				for (String s : List.of("SELF", "OPINION", "APPRAISAL", "DECISION")) {
					num(line, c++, x.n(kind, s), total);
				}
				num(line, c, x.classified(kind), total);
			}
			stt++;
		}
		sh.setColumnWidth(1, 40 * 256);
		sh.setColumnWidth(2, 18 * 256);
		print(sh);
	}

	private static List<Counts> concat(RollUp r) {
		List<Counts> all = new java.util.ArrayList<>(r.children());
		all.add(r.total());
		return all;
	}

	private void heading(Sheet sh, String orgName, String place, LocalDate today) {
		merged(sh, 0, 0, 5, orgName.toUpperCase(java.util.Locale.forLanguageTag("vi")), boldCenter);
		merged(sh, 0, 9, COLUMNS - 1, "ĐẢNG CỘNG SẢN VIỆT NAM", boldCenter);
		merged(sh, 1, 0, 5, "*", boldCenter);
		merged(sh, 1, 9, COLUMNS - 1, place + ", ngày " + String.format("%02d", today.getDayOfMonth()) + " tháng "
				+ String.format("%02d", today.getMonthValue()) + " năm " + today.getYear(), italicCenter);
	}

	private void signatures(Sheet sh, int row) {
		merged(sh, row, 0, 5, "NGƯỜI LẬP BIỂU", boldCenter);
		merged(sh, row, 9, COLUMNS - 1, "T/M CẤP ỦY", boldCenter);
		merged(sh, row + 1, 0, 5, "(Ký, ghi rõ họ tên)", italicCenter);
		merged(sh, row + 1, 9, COLUMNS - 1, "(Ký, ghi rõ họ tên, đóng dấu)", italicCenter);
	}

	private static void print(Sheet sh) {
		PrintSetup ps = sh.getPrintSetup();
		ps.setLandscape(true);
		ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
		ps.setFitWidth((short) 1);
		ps.setFitHeight((short) 0);
		sh.setFitToPage(true);
		sh.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW + 2, -1, -1));
	}

	private void merged(Sheet sh, int row, int from, int to, String value, CellStyle style) {
		Row r = sh.getRow(row) == null ? sh.createRow(row) : sh.getRow(row);
		var cell = r.createCell(from);
		cell.setCellValue(value);
		cell.setCellStyle(style);
		if (to > from) {
			sh.addMergedRegion(new CellRangeAddress(row, row, from, to));
		}
	}

	private void headCell(Row row, int col, String value) {
		cell(row, col, value, head);
	}

	private static void cell(Row row, int col, String value, CellStyle style) {
		var c = row.createCell(col);
		c.setCellValue(value);
		c.setCellStyle(style);
	}

	private void num(Row row, int col, long value, boolean total) {
		var c = row.createCell(col);
		c.setCellValue(value);
		c.setCellStyle(total ? totalNumber : number);
	}

	void write(OutputStream out) throws IOException {
		try (wb) {
			wb.write(out);
		}
	}
}

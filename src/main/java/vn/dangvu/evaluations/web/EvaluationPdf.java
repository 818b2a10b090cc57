package vn.dangvu.evaluations.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;
import vn.dangvu.evaluations.Criterion;
import vn.dangvu.evaluations.Evaluation;
import vn.dangvu.evaluations.EvaluationManagement;
import vn.dangvu.shared.VnText;

/**
 * A subject's review form and result on paper: the party heading, the form number (01, 2A, 2B, 2C), the scores per
 * criterion, the self-review text, the cell's proposal with its vote, the appraisal, the decision with its number,
 * and the remediation items. Liberation Serif carries the Vietnamese letters.
 */
@Component
class EvaluationPdf {

	private static final BaseFont REGULAR = font("liberation/LiberationSerif-Regular.ttf");
	private static final BaseFont BOLD = font("liberation/LiberationSerif-Bold.ttf");
	private static final BaseFont ITALIC = font("liberation/LiberationSerif-Italic.ttf");

	private static BaseFont font(String resource) {
		try (InputStream in = EvaluationPdf.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("font not on the classpath: " + resource);
			}
			return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H, true, true,
					in.readAllBytes(), null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void write(EvaluationManagement.View v, OutputStream out) {
		Evaluation e = v.e();
		Font normal = new Font(REGULAR, 12);
		Font bold = new Font(BOLD, 12);
		Font italic = new Font(ITALIC, 12);
		Font title = new Font(BOLD, 14);
		Document doc = new Document(PageSize.A4, 70, 50, 50, 50);
		PdfWriter.getInstance(doc, out);
		doc.addTitle("Bản kiểm điểm, đánh giá — " + e.subjectName());
		doc.open();
		PdfPTable head = new PdfPTable(2);
		head.setWidthPercentage(100);
		head.addCell(cell(new Phrase(e.orgName().toUpperCase() + "\n*", bold), Element.ALIGN_CENTER));
		head.addCell(cell(new Phrase("ĐẢNG CỘNG SẢN VIỆT NAM", bold), Element.ALIGN_CENTER));
		head.addCell(cell(new Phrase("Mẫu " + e.group().form() + " (" + v.cycle().regulation() + ")", italic), Element.ALIGN_CENTER));
		head.addCell(cell(new Phrase("Kỳ đánh giá: " + v.cycle().period(), italic), Element.ALIGN_CENTER));
		doc.add(head);
		Paragraph t = new Paragraph("\n" + (e.member() ? "BẢN KIỂM ĐIỂM ĐẢNG VIÊN" : "BÁO CÁO KIỂM ĐIỂM TẬP THỂ") + "\n"
				+ v.cycle().title().toUpperCase(), title);
		t.setAlignment(Element.ALIGN_CENTER);
		doc.add(t);
		doc.add(new Paragraph("\nHọ và tên / tên tập thể: " + e.subjectName(), bold));
		doc.add(new Paragraph("Đơn vị: " + e.orgName() + " — nhóm: " + e.group().vi(), normal));
		if (e.step() == vn.dangvu.evaluations.Step.NOT_CLASSIFIED) {
			doc.add(new Paragraph("Không xếp loại: " + e.notClassifiedReason(), italic));
		}
		doc.add(new Paragraph("\nI. CHẤM ĐIỂM THEO TIÊU CHÍ (" + v.criteria().name() + ")", bold));
		PdfPTable scores = new PdfPTable(new float[] { 6, 1.2f, 1.2f });
		scores.setWidthPercentage(100);
		scores.addCell(new PdfPCell(new Phrase("Tiêu chí", bold)));
		scores.addCell(new PdfPCell(new Phrase("Tối đa", bold)));
		scores.addCell(new PdfPCell(new Phrase("Tự chấm", bold)));
		for (Criterion c : v.criteria().criteria()) {
			scores.addCell(new PdfPCell(new Phrase(("GENERAL".equals(c.group()) ? "[Chung] " : "[Kết quả] ") + c.label(), normal)));
			scores.addCell(new PdfPCell(new Phrase(num(c.max()), normal)));
			BigDecimal s = e.scores().get(c.code());
			scores.addCell(new PdfPCell(new Phrase(s == null ? "" : num(s), normal)));
		}
		scores.addCell(new PdfPCell(new Phrase("Tổng điểm", bold)));
		scores.addCell(new PdfPCell(new Phrase("100", bold)));
		scores.addCell(new PdfPCell(new Phrase(e.selfTotal() == null ? "" : num(e.selfTotal()), bold)));
		doc.add(scores);
		if (e.tasksDone() != null) {
			doc.add(new Paragraph("Nhiệm vụ: hoàn thành " + e.tasksDone() + "%, đúng hạn " + e.tasksOnTime() + "%, vượt yêu cầu "
					+ e.tasksExceeded() + "%", normal));
		}
		doc.add(new Paragraph("\nII. TỰ KIỂM ĐIỂM", bold));
		for (var f : java.util.List.of("strengths", "shortcomings", "remedies", "previous", "q4")) {
			String text = e.selfText().get(f);
			if (text != null && !text.isBlank()) {
				doc.add(new Paragraph(label(f) + ":", bold));
				doc.add(new Paragraph(text, normal));
			}
		}
		if (v.quarters() != null) {
			var qb = v.quarters();
			StringBuilder b = new StringBuilder("Kết quả các quý năm " + qb.year() + ": ");
			for (var q : qb.quarters()) {
				b.append("quý ").append(q.quarter()).append(" ")
					.append(q.decided() ? q.evaluation().level().name() + " (" + num(q.total()) + " điểm)" : "chưa có kết quả").append("; ");
			}
			if (qb.reference() != null) {
				b.append("tham chiếu (bình quân cùng cả năm) ").append(num(qb.reference())).append(" điểm — ").append(qb.referenceLevel().vi());
			}
			doc.add(new Paragraph(b.toString(), normal));
		}
		doc.add(new Paragraph("\nIII. KẾT QUẢ CÁC BƯỚC", bold));
		doc.add(new Paragraph("Tự xếp loại: " + (e.selfLevel() == null ? "chưa" : e.selfLevel().vi()), normal));
		if (e.opinionLevel() != null) {
			doc.add(new Paragraph("Chi bộ đề xuất: " + e.opinionLevel().vi() + " — có mặt " + e.opinionPresent() + ", tán thành "
					+ e.opinionFor() + ", không tán thành " + e.opinionAgainst() + ", không biểu quyết " + e.opinionAbstain(), normal));
		}
		for (var o : v.opinions()) {
			doc.add(new Paragraph(o.sourceVi() + " (" + o.body() + "): " + o.content(), normal));
		}
		if (e.appraisalLevel() != null) {
			doc.add(new Paragraph("Thẩm định đề xuất: " + e.appraisalLevel().vi()
					+ (e.appraisalReason() == null ? "" : " — lý do: " + e.appraisalReason()), normal));
		}
		if (e.level() != null) {
			doc.add(new Paragraph("Quyết định xếp loại: " + e.level().vi().toUpperCase() + " — quyết định số " + e.decisionRef()
					+ " ngày " + VnText.date(e.decidedOn()), bold));
		}
		if (!v.remediation().isEmpty()) {
			doc.add(new Paragraph("\nIV. HẠN CHẾ, KHUYẾT ĐIỂM CẦN KHẮC PHỤC", bold));
			for (var r : v.remediation()) {
				doc.add(new Paragraph("– " + r.shortcoming() + ". Biện pháp: " + r.measure()
						+ (r.dueOn() == null ? "" : ". Hạn: " + VnText.date(r.dueOn())) + (r.open() ? " (đang khắc phục)" : " (đã khắc phục)"),
						normal));
			}
		}
		PdfPTable sign = new PdfPTable(2);
		sign.setWidthPercentage(100);
		sign.setSpacingBefore(24);
		sign.addCell(cell(new Phrase(e.member() ? "XÁC NHẬN CỦA CHI ỦY" : "T/M CẤP ỦY", bold), Element.ALIGN_CENTER));
		sign.addCell(cell(new Phrase(e.member() ? "NGƯỜI TỰ KIỂM ĐIỂM" : "NGƯỜI LẬP BÁO CÁO", bold), Element.ALIGN_CENTER));
		sign.addCell(cell(new Phrase("\n\n\n", normal), Element.ALIGN_CENTER));
		sign.addCell(cell(new Phrase("\n\n\n" + (e.member() ? e.subjectName() : ""), normal), Element.ALIGN_CENTER));
		doc.add(sign);
		doc.close();
	}

	private static String label(String f) {
		return switch (f) {
			case "strengths" -> "Ưu điểm, kết quả đạt được";
			case "shortcomings" -> "Hạn chế, khuyết điểm và nguyên nhân";
			case "remedies" -> "Phương hướng, biện pháp khắc phục";
			case "q4" -> "Kết quả thực hiện nhiệm vụ quý IV";
			default -> "Kết quả khắc phục hạn chế, khuyết điểm đã được chỉ ra";
		};
	}

	private static String num(BigDecimal b) {
		return b.stripTrailingZeros().toPlainString();
	}

	private static PdfPCell cell(Phrase p, int align) {
		PdfPCell c = new PdfPCell(p);
		c.setBorder(0);
		c.setHorizontalAlignment(align);
		return c;
	}
}

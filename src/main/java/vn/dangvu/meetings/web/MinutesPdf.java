package vn.dangvu.meetings.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.openpdf.text.Chunk;
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
import vn.dangvu.meetings.Attendee;
import vn.dangvu.meetings.Meeting;
import vn.dangvu.meetings.MeetingDetails;
import vn.dangvu.meetings.Minutes;
import vn.dangvu.shared.VnText;

/**
 * Minutes in the layout of the minute book (DOMAIN §2.6): the party heading, title, time and place, who attended,
 * chair and secretary, the report, discussion, conclusions, votes, tasks, quality score, signatures. Liberation
 * Serif (a Times-compatible font shipped with OpenPDF's fonts-extra) carries the Vietnamese letters.
 */
final class MinutesPdf {

	private static final BaseFont REGULAR = font("liberation/LiberationSerif-Regular.ttf");
	private static final BaseFont BOLD = font("liberation/LiberationSerif-Bold.ttf");
	private static final BaseFont ITALIC = font("liberation/LiberationSerif-Italic.ttf");

	private MinutesPdf() {
	}

	private static BaseFont font(String resource) {
		try (InputStream in = MinutesPdf.class.getClassLoader().getResourceAsStream(resource)) {
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

	static void write(MeetingDetails d, Minutes minutes, OutputStream out) {
		Meeting m = d.meeting();
		Minutes.Content c = minutes.content();
		Font normal = new Font(REGULAR, 13);
		Font bold = new Font(BOLD, 13);
		Font italic = new Font(ITALIC, 13);
		Font title = new Font(BOLD, 15);
		Document doc = new Document(PageSize.A4, 70, 50, 50, 50);
		PdfWriter.getInstance(doc, out);
		doc.addTitle("Biên bản " + m.kind().vi().toLowerCase() + " " + VnText.date(m.date()));
		doc.open();

		PdfPTable head = new PdfPTable(2);
		head.setWidthPercentage(100);
		head.addCell(cell(new Phrase(m.orgName().toUpperCase() + "\n*", bold), Element.ALIGN_CENTER));
		head.addCell(cell(new Phrase("ĐẢNG CỘNG SẢN VIỆT NAM\n", bold), Element.ALIGN_CENTER));
		head.addCell(cell(new Phrase(minutes.revision() > 1 ? "Bản sửa đổi số " + (minutes.revision() - 1) : "", italic),
				Element.ALIGN_CENTER));
		head.addCell(cell(new Phrase(m.place() + ", ngày " + m.date().getDayOfMonth() + " tháng " + m.date().getMonthValue()
				+ " năm " + m.date().getYear(), italic), Element.ALIGN_CENTER));
		doc.add(head);

		Paragraph t = new Paragraph("\nBIÊN BẢN\n" + m.kind().vi().toUpperCase(), title);
		t.setAlignment(Element.ALIGN_CENTER);
		doc.add(t);
		if (m.topic() != null) {
			Paragraph topic = new Paragraph("Chủ đề: " + m.topic(), italic);
			topic.setAlignment(Element.ALIGN_CENTER);
			doc.add(topic);
		}
		doc.add(new Paragraph(" ", normal));
		doc.add(line(bold, normal, "Thời gian: ", "bắt đầu lúc " + m.startTime() + " ngày " + VnText.date(m.date())
				+ (c.closedAt().isEmpty() ? "" : ", kết thúc lúc " + c.closedAt() + ".")));
		doc.add(line(bold, normal, "Địa điểm: ", m.place() + (m.online() ? " (kết hợp trực tuyến)" : "")));
		doc.add(line(bold, normal, "Thành phần: ", "Tổng số đảng viên của chi bộ: " + (m.expected() + m.exempt())
				+ "; phải dự: " + m.expected() + "; có mặt: " + m.present() + "; vắng có lý do: " + m.excused()
				+ "; vắng không lý do: " + m.unexcused() + "; miễn sinh hoạt: " + m.exempt() + "."));
		StringBuilder absent = new StringBuilder();
		for (Attendee a : d.attendees()) {
			if ("EXCUSED".equals(a.status()) || "UNEXCUSED".equals(a.status())) {
				absent.append(absent.isEmpty() ? "" : "; ").append(a.fullName()).append(" (")
					.append("EXCUSED".equals(a.status()) ? "có lý do" + (a.reason() == null ? "" : ": " + a.reason()) : "không lý do")
					.append(")");
			}
		}
		if (!absent.isEmpty()) {
			doc.add(line(bold, normal, "Vắng: ", absent + "."));
		}
		if (!d.guests().isEmpty()) {
			doc.add(line(bold, normal, "Khách mời: ", String.join("; ", d.guests().stream()
				.map(g -> g.name() + (g.role() == null ? "" : " — " + g.role())).toList()) + "."));
		}
		doc.add(line(bold, normal, "Chủ trì: ", c.chairName() + ".     ", "Thư ký: ", c.secretaryName() + "."));

		doc.add(heading("NỘI DUNG", bold));
		doc.add(heading("1. Báo cáo", bold));
		doc.add(new Paragraph(c.reportSummary(), normal));
		if (!d.agenda().isEmpty()) {
			doc.add(heading("2. Chương trình", bold));
			int i = 1;
			for (String a : d.agenda()) {
				doc.add(new Paragraph("  " + (i++) + ". " + a, normal));
			}
		}
		doc.add(heading("3. Ý kiến thảo luận", bold));
		if (c.discussion().isEmpty()) {
			doc.add(new Paragraph("Không có ý kiến.", italic));
		}
		for (Minutes.Speech s : c.discussion()) {
			doc.add(line(bold, normal, "- Đồng chí " + s.speaker() + ": ", s.content()));
		}
		doc.add(heading("4. Kết luận, nghị quyết", bold));
		doc.add(new Paragraph(c.conclusions(), normal));
		if (!c.votes().isEmpty()) {
			doc.add(heading("5. Biểu quyết", bold));
			for (Minutes.Vote v : c.votes()) {
				doc.add(new Paragraph("- " + v.item() + " (" + ("SECRET_BALLOT".equals(v.method()) ? "bỏ phiếu kín" : "giơ tay")
						+ "): tán thành " + v.inFavour() + "/" + m.present() + ", không tán thành " + v.against()
						+ ", không biểu quyết " + v.abstain() + ".", normal));
			}
		}
		if (!c.tasks().isEmpty()) {
			doc.add(heading("6. Phân công nhiệm vụ", bold));
			for (Minutes.TaskLine task : c.tasks()) {
				doc.add(new Paragraph("- Đồng chí " + task.memberName() + ": " + task.content()
						+ (task.dueOn() == null ? "" : " (hạn " + task.dueOn() + ")"), normal));
			}
		}
		if (c.qualityScore() != null) {
			doc.add(heading("7. Đánh giá chất lượng sinh hoạt", bold));
			for (Minutes.Score s : c.scores()) {
				doc.add(new Paragraph("- " + s.label() + ": " + s.points() + "/" + s.max(), normal));
			}
			doc.add(line(bold, normal, "Tổng điểm: ", c.qualityScore() + " — xếp loại " + Meeting.bandVi(c.qualityBand()) + "."));
		}
		if (minutes.reason() != null) {
			doc.add(line(bold, italic, "Lý do sửa đổi: ", minutes.reason()));
		}
		doc.add(new Paragraph(" ", normal));
		PdfPTable sign = new PdfPTable(2);
		sign.setWidthPercentage(100);
		sign.addCell(cell(new Phrase("THƯ KÝ\n" + signed(minutes.secretarySignedBy(), minutes.secretarySignedAt())
				+ "\n\n" + c.secretaryName(), bold), Element.ALIGN_CENTER));
		sign.addCell(cell(new Phrase("CHỦ TRÌ\n" + signed(minutes.chairSignedBy(), minutes.chairSignedAt()) + "\n\n"
				+ c.chairName(), bold), Element.ALIGN_CENTER));
		doc.add(sign);
		doc.close();
	}

	private static String signed(String by, java.time.Instant at) {
		return by == null ? "(chưa ký)" : "(đã ký " + VnText.DATE_TIME.format(at.atZone(VnText.ZONE)) + ")";
	}

	private static PdfPCell cell(Phrase p, int align) {
		PdfPCell c = new PdfPCell(p);
		c.setBorder(0);
		c.setHorizontalAlignment(align);
		return c;
	}

	private static Paragraph heading(String text, Font bold) {
		Paragraph p = new Paragraph(text, bold);
		p.setSpacingBefore(8);
		return p;
	}

	private static Paragraph line(Font bold, Font normal, String... labelValue) {
		Paragraph p = new Paragraph();
		for (int i = 0; i + 1 < labelValue.length; i += 2) {
			p.add(new Chunk(labelValue[i], bold));
			p.add(new Chunk(labelValue[i + 1], normal));
		}
		return p;
	}
}

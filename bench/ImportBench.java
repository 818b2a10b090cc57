import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Builds an xlsx of N valid member rows with the template's headings, uploads it to a cell as a signed-in user
 * (dry run: parse + validate + duplicate checks), then commits it; prints the seconds of each step.
 * Usage: java -cp CLASSPATH bench/ImportBench.java BASE_URL COOKIE_JAR CELL_ID ROWS [inline]
 */
public class ImportBench {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String cookie = "";
		String csrf = "";
		for (String line : Files.readAllLines(Path.of(args[1]))) {
			String[] f = line.split("\t");
			if (f.length >= 7 && f[5].equals("JSESSIONID")) {
				cookie = "JSESSIONID=" + f[6];
			}
			if (f.length >= 7 && f[5].equals("XSRF-TOKEN")) {
				csrf = f[6];
			}
		}
		long cell = Long.parseLong(args[2]);
		int rows = Integer.parseInt(args[3]);
		String[] head = { "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Dân tộc", "Tôn giáo", "Quê quán", "Nơi sinh",
				"Nơi thường trú", "Ngày vào Đảng", "Ngày chính thức", "Loại đảng viên", "Số lý lịch", "Số thẻ đảng viên",
				"Trình độ phổ thông", "Chuyên môn", "Lý luận chính trị", "Nghề nghiệp", "Điện thoại", "Thư điện tử" };
		String[] family = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ" };
		String[] given = { "An", "Bình", "Cường", "Dũng", "Hà", "Hương", "Lan", "Minh", "Nam", "Thảo" };
		// Each run its own citizen IDs, card and record numbers, so that a run on a reused dataset is not refused as
		// duplicates of the previous one.
		int run = new java.util.Random().nextInt(400);
		long t0 = System.nanoTime();
		byte[] file;
		// Strings in a shared table, as Excel and LibreOffice write them (SXSSF's default, inline strings, is what only
		// streaming writers produce; args[4] = "inline" measures that).
		boolean inline = args.length > 4 && args[4].equals("inline");
		try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 500, false, !inline); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet s = wb.createSheet("Danh sách");
			Row h = s.createRow(0);
			for (int i = 0; i < head.length; i++) {
				h.createCell(i).setCellValue(head[i]);
			}
			for (int r = 1; r <= rows; r++) {
				Row row = s.createRow(r);
				boolean male = r % 3 != 0;
				String[] v = { family[r % 10] + (male ? " Văn " : " Thị ") + given[(r / 10) % 10], male ? "Nam" : "Nữ",
						String.format("%02d/%02d/%d", 1 + r % 28, 1 + r % 12, 1950 + r % 50), String.format("09%010d", run * 1000000L + r),
						"Kinh", "Không", "Hà Nội", "Hà Nội", "Thôn " + r % 20, String.format("%02d/%02d/%d", 1 + r % 28, 1 + r % 12, 2000 + r % 20),
						"", "Chính thức", String.format("%06dN%c%c", r % 1000000, (char) ('A' + run / 26), (char) ('A' + run % 26)), String.format("%08d", 60000000 + run * 100000 + r), "12/12",
						"Đại học", "Sơ cấp", "Công chức", String.format("0913%06d", r), "" };
				for (int i = 0; i < v.length; i++) {
					row.createCell(i).setCellValue(v[i]);
				}
			}
			wb.write(out);
			file = out.toByteArray();
		}
		System.out.printf("IMPORT file_rows=%d file_bytes=%d build_seconds=%.1f%n", rows, file.length, (System.nanoTime() - t0) / 1e9);
		HttpClient client = HttpClient.newHttpClient();
		String boundary = "----bench" + System.nanoTime();
		byte[] pre = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] post = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[pre.length + file.length + post.length];
		System.arraycopy(pre, 0, body, 0, pre.length);
		System.arraycopy(file, 0, body, pre.length, file.length);
		System.arraycopy(post, 0, body, pre.length + file.length, post.length);
		long t1 = System.nanoTime();
		HttpResponse<String> dry = client.send(HttpRequest.newBuilder(URI.create(base + "/orgs/" + cell + "/import?_csrf=" + csrf))
			.header("Cookie", cookie + "; XSRF-TOKEN=" + csrf).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
		double dryS = (System.nanoTime() - t1) / 1e9;
		Matcher m = Pattern.compile("/import/(\\d+)/commit").matcher(dry.body());
		Matcher good = Pattern.compile("<strong>([0-9.]+)</strong> hợp lệ").matcher(dry.body());
		System.out.printf("IMPORT dry_run_status=%d dry_run_seconds=%.2f valid=%s%n", dry.statusCode(), dryS, good.find() ? good.group(1) : "?");
		if (!m.find()) {
			System.out.println("IMPORT no batch to commit");
			return;
		}
		long t2 = System.nanoTime();
		HttpResponse<String> commit = client.send(HttpRequest.newBuilder(URI.create(base + "/orgs/" + cell + "/import/" + m.group(1) + "/commit"))
			.header("Cookie", cookie + "; XSRF-TOKEN=" + csrf).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("skipBad=true&_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
		double commitS = (System.nanoTime() - t2) / 1e9;
		System.out.printf("IMPORT commit_status=%d commit_seconds=%.2f total_seconds=%.2f imported=%s%n", commit.statusCode(), commitS,
				dryS + commitS, commit.body().contains("Đã nhập") ? "yes" : "no");
	}
}

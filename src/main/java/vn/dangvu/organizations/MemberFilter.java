package vn.dangvu.organizations;

import org.jspecify.annotations.Nullable;

/**
 * What a member list shows: a name fragment (diacritics and case ignored), a status ("" for everyone current,
 * "GONE" for those who left, or a {@link MemberStatus} name), minimum party age in years, gender, ethnicity, page.
 */
public record MemberFilter(String q, String status, int minPartyAge, String gender, String ethnicity, int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static MemberFilter of(@Nullable String q, @Nullable String status, @Nullable Integer minPartyAge,
			@Nullable String gender, @Nullable String ethnicity, @Nullable Integer page, @Nullable Integer size) {
		String s = status == null ? "" : status.trim();
		if (!s.isEmpty() && !s.equals("GONE") && !s.equals("ALL")) {
			try {
				MemberStatus.valueOf(s);
			}
			catch (IllegalArgumentException e) {
				s = "";
			}
		}
		String g = gender == null ? "" : gender.trim();
		if (!g.equals("M") && !g.equals("F")) {
			g = "";
		}
		return new MemberFilter(q == null ? "" : q.trim(), s, minPartyAge == null ? 0 : Math.max(0, Math.min(minPartyAge, 90)),
				g, ethnicity == null ? "" : ethnicity.trim(), page == null || page < 1 ? 1 : page,
				size == null ? DEFAULT_SIZE : Math.max(1, Math.min(size, 200)));
	}

	public MemberFilter withPage(int p) {
		return new MemberFilter(q, status, minPartyAge, gender, ethnicity, p, size);
	}

	/** The query string that reproduces this filter on a given page. */
	public String query(int p) {
		StringBuilder b = new StringBuilder("?page=").append(p);
		append(b, "q", q);
		append(b, "status", status);
		append(b, "gender", gender);
		append(b, "ethnicity", ethnicity);
		if (minPartyAge > 0) {
			b.append("&minPartyAge=").append(minPartyAge);
		}
		return b.toString();
	}

	private static void append(StringBuilder b, String k, String v) {
		if (!v.isEmpty()) {
			b.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
		}
	}
}

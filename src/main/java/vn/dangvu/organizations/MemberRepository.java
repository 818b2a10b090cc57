package vn.dangvu.organizations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dangvu.shared.OneTrip;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

@Repository
class MemberRepository {

	private static final String ROW_COLUMNS = """
			m.id, m.full_name, m.gender, m.birth_date, m.standing, m.status, m.admitted_on, m.party_age_basis,
			m.ethnicity, m.phone, o.id as org_id, o.name as org_name, (m.organization_id <> o.id) as temporary, m.card_no
			""";

	private static final String MEMBER_FILTERS = """
			  and (case :status
			         when '' then m.status not in ('REMOVED','EXPELLED','LEFT','DECEASED')
			         when 'GONE' then m.status in ('REMOVED','EXPELLED','LEFT','DECEASED')
			         when 'ALL' then true
			         else organizations.status_key(m.standing, m.status) = :status end)
			  and (:gender = '' or m.gender = :gender)
			  and (:ethnicity = '' or m.ethnicity = :ethnicity)
			  and (:minAge = 0 or (m.standing = 'OFFICIAL' and m.party_age_basis <= cast(:cutoff as date)))
			""";

	private static final String SCOPE_AND_FILTERS = """
			  and o.path <@ any(cast(:paths as ltree[]))
			""" + MEMBER_FILTERS;

	// Filters shared by the list and its count: members whose official cell lies in the subtree of :root. (Members
	// attached temporarily are listed apart, see TEMPORARY.)
	private static final String LIST_FILTERS = """
			where o.path <@ cast(:root as ltree)
			""" + SCOPE_AND_FILTERS;

	// An organization without children (a cell's page, the most frequent request): its members in the order of
	// their index, without a sort, and in a shape whose generic plan is as good as a fresh one (no planning).
	private static final String LEAF_WHERE = """
			from organizations.member m
			join organizations.organization o on o.id = m.organization_id
			where m.organization_id = :org and o.id = :org
			""" + SCOPE_AND_FILTERS;

	// A plain join lets the planner start from the name index for a selective search, or from the organization
	// for a cell's page.
	private static final String LIST_WHERE = """
			from organizations.member m
			join organizations.organization o on o.id = m.organization_id
			""" + LIST_FILTERS;

	// For whole words within a province: the hits of PROVINCE_HITS, each hit's organization read by its key
	// (offset 0 keeps the planner from hashing all the province's organizations instead).
	private static final String HITS_WHERE = """
			from m cross join lateral (select o.id, o.name, o.path from organizations.organization o
			                           where o.id = m.organization_id offset 0) o
			""" + LIST_FILTERS;

	// For whole words in a whole province (its own page): every hit lies in it, so the hits are filtered, counted,
	// sorted and cut to the page without their organizations. Materialized, so that a poor guess of the words'
	// frequency cannot turn it into a walk of the province.
	private static String wholeProvince(int limit, int offset) {
		return hitsPage("with ", """
				  from organizations.member m
				  where m.name_keys @> cast(:keys as text[]) and cast(:root as ltree) <@ any(cast(:paths as ltree[]))
				""" + MEMBER_FILTERS, limit, offset);
	}

	// The whole country for a user who sees all of it: every hit lies in it, so, as for a whole province, no hit's
	// organization is read before the page is cut (a common word nationwide: 535,000 organization lookups, 1.5 s).
	private static String wholeCountry(int limit, int offset) {
		return hitsPage(COUNTRY_HITS + ", ", "  from m where true\n" + MEMBER_FILTERS, limit, offset);
	}

	// The hits of the country or of part of a province for a narrower scope (shape.hits()), each with its
	// organization for the subtree and the scope.
	private static String scopedHits(Shape shape, int limit, int offset) {
		return hitsPage(shape.hits() + ", ", HITS_WHERE, limit, offset);
	}

	// The hits (from, after the given start of the WITH) filtered, counted, sorted and cut to the page on the
	// columns that takes, as p; then PAGE_ROWS.
	private static String hitsPage(String with, String from, int limit, int offset) {
		return with + "p as materialized (\n"
				+ "  select m.id, m.organization_id, m.given_name, m.name_rest, count(*) over () as count_all\n"
				+ from + ORDER + page(limit, offset) + ")\n" + PAGE_ROWS;
	}

	// A page of hits (p: id, organization, the sort columns and the count of all hits), each row read whole. Carrying
	// every hit's whole row through the count and the sort made a common word twice as slow (17,000 hits in a
	// province: 79 → 39 ms; 580,000 in the country).
	private static final String PAGE_ROWS = "select " + ROW_COLUMNS + """
			, p.count_all
			from p join organizations.member m on m.id = p.id
			join organizations.organization o on o.id = p.organization_id
			where o.path <@ any(cast(:paths as ltree[]))
			order by p.given_name collate "vi-x-icu", p.name_rest collate "vi-x-icu", p.id
			""";

	private static final String ORDER = """
			order by m.given_name collate "vi-x-icu", m.name_rest collate "vi-x-icu", m.id
			""";

	// The page's bounds are written into the text (two ints): with them as parameters the generic plan of a cell's
	// page is costed as if the offset were unknown, twice a fresh plan, so every request was planned again.
	private static String page(int limit, int offset) {
		return "limit " + limit + " offset " + offset + "\n";
	}

	// Whole words within a province: the members holding every "province word" key (V14), read first and only
	// once, whatever the planner guesses of the words' frequency (a guess far too low made it walk the
	// province's organizations instead: 1.7 s); the other filters, the order and the count then work on these,
	// with only the columns they read (see PAGE_ROWS).
	private static final String PROVINCE_HITS = """
			with m as materialized (
			  select id, organization_id, given_name, name_rest, status, standing, gender, ethnicity, party_age_basis
			  from organizations.member
			  where name_keys @> cast(:keys as text[]) and cast(:root as ltree) <@ any(cast(:paths as ltree[])))
			""";

	// Whole words across the country (the central level): the same keys, read province by province (each child of
	// the root), so that no index on the bare words is needed.
	private static final String COUNTRY_HITS = """
			with m as materialized (
			  select h.* from organizations.organization p
			  cross join lateral (
			    select id, organization_id, given_name, name_rest, status, standing, gender, ethnicity, party_age_basis
			    from organizations.member
			    where name_keys @> array(select p.id::text || ' ' || w from unnest(cast(:words as text[])) w)) h
			  where p.parent_id = :org and cast(:root as ltree) <@ any(cast(:paths as ltree[])))
			""";

	/**
	 * The shapes of the list, each with its own text so that each gets its own plan. A name is matched as whole
	 * words, or else as text anywhere: never both, so that the planner is not tempted by the trigram index (its
	 * estimate of a multi-word pattern is far too low) when the words index is the selective one.
	 */
	enum Shape {
		/** An organization without children, no name. */
		LEAF,
		/** A subtree, no name. */
		SUBTREE,
		/** Whole words, the whole country (the central level). */
		WORDS,
		/** Whole words, the whole country, by a user whose scope covers it. */
		WHOLE_COUNTRY_WORDS,
		/** Whole words, part of a province. */
		PROVINCE_WORDS,
		/** Whole words, a whole province. */
		WHOLE_PROVINCE_WORDS,
		/** The text anywhere (a partly typed word). */
		TEXT;

		boolean counted() {
			return this == WORDS || this == WHOLE_COUNTRY_WORDS || this == PROVINCE_WORDS || this == WHOLE_PROVINCE_WORDS;
		}

		String hits() {
			return this == WORDS || this == WHOLE_COUNTRY_WORDS ? COUNTRY_HITS : counted() ? PROVINCE_HITS : "";
		}
	}

	private static String from(Shape shape) {
		return switch (shape) {
			case LEAF -> LEAF_WHERE;
			case SUBTREE -> LIST_WHERE;
			case WORDS, WHOLE_COUNTRY_WORDS, PROVINCE_WORDS, WHOLE_PROVINCE_WORDS -> HITS_WHERE;
			case TEXT -> LIST_WHERE + "  and m.name_folded like '%' || :q || '%'\n";
		};
	}

	// Within a province the hits are all read and sorted anyway: the same query counts them (count_all).
	private static String list(Shape shape, int limit, int offset) {
		return switch (shape) {
			case WHOLE_PROVINCE_WORDS -> wholeProvince(limit, offset);
			case WORDS, PROVINCE_WORDS -> scopedHits(shape, limit, offset);
			case WHOLE_COUNTRY_WORDS -> wholeCountry(limit, offset);
			default -> "select " + ROW_COLUMNS + from(shape) + ORDER + page(limit, offset);
		};
	}

	private static String count(Shape shape) {
		return shape.hits() + "select count(*) from (select 1 " + from(shape) + " limit 10001) x";
	}



	private static final String TEMPORARY = """
			select m.id, m.full_name, m.gender, m.birth_date, m.standing, m.status, m.admitted_on, m.party_age_basis,
			       m.ethnicity, m.phone, o.id as org_id, o.name as org_name, true as temporary, m.card_no
			from organizations.member m
			join organizations.organization t on t.id = m.temp_organization_id
			join organizations.organization o on o.id = m.organization_id
			where m.temp_organization_id = :org and t.path <@ any(cast(:paths as ltree[]))
			  and m.status not in ('REMOVED','EXPELLED','LEFT','DECEASED','TRANSFERRING')
			order by m.given_name collate "vi-x-icu", m.name_rest collate "vi-x-icu", m.id
			""";

	private static final String LIST_AS_OF = """
			select m.id, m.full_name, m.gender, m.birth_date, m.standing, m.status, m.admitted_on, m.party_age_basis,
			       m.ethnicity, m.phone, o.id as org_id, o.name as org_name, (ms.kind = 'TEMPORARY') as temporary, m.card_no
			from organizations.membership ms
			join organizations.member m on m.id = ms.member_id
			join organizations.organization o on o.id = ms.organization_id
			where ms.organization_id = :org and ms.valid @> cast(:date as date)
			  and o.path <@ any(cast(:paths as ltree[]))
			order by m.given_name collate "vi-x-icu", m.name_rest collate "vi-x-icu", m.id
			""";

	private static final String PEERS = """
			select m.id, m.full_name, m.standing, m.status,
			       coalesce((select string_agg(p.title, ',') from organizations.position p
			                 where p.member_id = m.id and p.ended_on is null), '') as positions
			from organizations.member m
			where m.organization_id = :org and m.status not in ('REMOVED','EXPELLED','LEFT','DECEASED','TRANSFERRING')
			order by m.given_name collate "vi-x-icu", m.name_rest collate "vi-x-icu", m.id
			""";

	private static final String DETAILS = """
			select m.*, o.name as org_name, o.path::text as org_path, t.name as temp_org_name,
			       case when m.citizen_id_enc is null then null else pgp_sym_decrypt(m.citizen_id_enc, :key) end as citizen_id,
			       exists (select 1 from organizations.member_photo ph where ph.member_id = m.id) as has_photo
			from organizations.member m
			join organizations.organization o on o.id = m.organization_id
			left join organizations.organization t on t.id = m.temp_organization_id
			where m.id = :id
			  and (o.path <@ any(cast(:paths as ltree[]))
			       or t.path <@ any(cast(:paths as ltree[]))
			       or m.id = :self)
			""";

	private static final String INCOMING = """
			select m.id, m.full_name, m.gender, m.birth_date, m.standing, m.status, m.admitted_on, m.party_age_basis,
			       m.ethnicity, null as phone, o.id as org_id, o.name as org_name, false as temporary, null as card_no
			from organizations.member m
			join organizations.organization o on o.id = m.organization_id
			join organizations.organization d on d.id = m.transfer_to_id
			where m.status = 'TRANSFERRING' and d.id = :org and d.path <@ any(cast(:paths as ltree[]))
			order by m.given_name collate "vi-x-icu", m.id
			""";

	private static final String INSERT = """
			insert into organizations.member (organization_id, full_name, birth_name, aliases, gender, birth_date,
			    birthplace, hometown, residence, ethnicity, religion, citizen_id_enc, citizen_id_hash, citizen_id_last4,
			    record_no, card_no, card_issue, admitted_on, ceremony_on, recognized_on, party_age_basis, standing, status,
			    status_since, education, professional, political_theory, foreign_language, occupation, workplace, phone,
			    email, demo)
			values (:org, :fullName, :birthName, :aliases, :gender, :birthDate, :birthplace, :hometown, :residence,
			    :ethnicity, :religion,
			    case when cast(:cid as text) is null then null else pgp_sym_encrypt(cast(:cid as text), :key, 's2k-mode=1, cipher-algo=aes256') end,
			    case when cast(:cid as text) is null then null else hmac(cast(:cid as text), :key, 'sha256') end,
			    right(cast(:cid as text), 4),
			    :recordNo, :cardNo, :cardIssue, :admittedOn, :ceremonyOn, :recognizedOn, :admittedOn, :standing, 'ACTIVE',
			    coalesce(:recognizedOn, :admittedOn), :education, :professional, :politicalTheory, :foreignLanguage,
			    :occupation, :workplace, :phone, :email, false)
			returning id
			""";

	private static final String UPDATE = """
			update organizations.member set full_name = :fullName, birth_name = :birthName, aliases = :aliases,
			    gender = :gender, birth_date = :birthDate, birthplace = :birthplace, hometown = :hometown,
			    residence = :residence, ethnicity = :ethnicity, religion = :religion,
			    citizen_id_enc = case when cast(:cid as text) is null then null else pgp_sym_encrypt(cast(:cid as text), :key, 's2k-mode=1, cipher-algo=aes256') end,
			    citizen_id_hash = case when cast(:cid as text) is null then null else hmac(cast(:cid as text), :key, 'sha256') end,
			    citizen_id_last4 = right(cast(:cid as text), 4),
			    record_no = :recordNo, card_no = :cardNo, card_issue = :cardIssue, admitted_on = :admittedOn,
			    ceremony_on = :ceremonyOn, recognized_on = :recognizedOn, party_age_basis = :admittedOn,
			    education = :education, professional = :professional, political_theory = :politicalTheory,
			    foreign_language = :foreignLanguage, occupation = :occupation, workplace = :workplace, phone = :phone,
			    email = :email, updated_at = now(), version = version + 1
			where id = :id and version = :version
			""";

	private static final String DUPLICATES = """
			select m.id, m.full_name,
			       case when m.citizen_id_hash = hmac(cast(:cid as text), :key, 'sha256') then 'Số CCCD'
			            when m.card_no = :cardNo then 'Số thẻ đảng viên'
			            else 'Số lý lịch' end as field
			from organizations.member m
			where m.id <> :self
			  and (m.citizen_id_hash = hmac(cast(:cid as text), :key, 'sha256')
			       or (cast(:cardNo as text) is not null and m.card_no = :cardNo)
			       or (cast(:recordNo as text) is not null and m.record_no = :recordNo))
			limit 3
			""";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate named;
	private final String key;

	MemberRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, @Value("${dangvu.crypto.key}") String key) {
		this.jdbc = jdbc;
		this.named = named;
		this.key = key;
	}

	/**
	 * A page of the list. A name query first matches whole words (fast, through the words index); when nothing
	 * matches, it matches the text anywhere (a partly typed word), through the trigram index.
	 */
	PageRows list(String rootPath, List<String> paths, MemberFilter f, boolean leaf) {
		boolean text = !likeText(f).isEmpty();
		int depth = rootPath.split("\\.").length;
		boolean whole = paths.stream().anyMatch(p -> Scope.isWithin(rootPath, p));
		Shape shape = !text ? (leaf ? Shape.LEAF : Shape.SUBTREE)
				: depth < 2 ? (whole ? Shape.WHOLE_COUNTRY_WORDS : Shape.WORDS)
				: depth == 2 && whole ? Shape.WHOLE_PROVINCE_WORDS
				: Shape.PROVINCE_WORDS;
		int offset = (f.page() - 1) * f.size();
		long[] countAll = { -1 };
		RowMapper<MemberRow> mapper = (rs, i) -> {
			if (shape.counted()) {
				countAll[0] = rs.getLong("count_all");
			}
			return row(rs, i);
		};
		var rows = shape.counted() ? plannedOnce(list(shape, f.size(), offset), params(rootPath, paths, f, true), mapper)
				: bind(jdbc.sql(list(shape, f.size(), offset)), rootPath, paths, f, text).query(mapper).list();
		Shape counting = shape;
		if (rows.isEmpty() && text && offset == 0) {
			counting = Shape.TEXT;
			rows = bind(jdbc.sql(list(Shape.TEXT, f.size(), offset)), rootPath, paths, f, false).query(this::row).list();
		}
		// A short first page is the whole list; otherwise count, stopping at 10,001 ("more than 10,000").
		long count = countAll[0] >= 0 ? countAll[0] : offset == 0 && rows.size() < f.size() ? rows.size()
				: bind(jdbc.sql(count(counting)), rootPath, paths, f, counting != Shape.TEXT).query(Long.class).single();
		return new PageRows(rows, count);
	}

	// A search by whole words runs with the plan PostgreSQL made for the statement once (its generic plan) instead of
	// a fresh plan for each request's words: planning cost 0.4–0.5 ms a search, about a sixth of it, and could only
	// pick the same plan, as the hits are read through the words index whatever the words (the materialized hits
	// above). Left to itself PostgreSQL plans afresh here, as its cost for unknown words is higher than for known
	// ones. That higher guess (28,000 hits) would also make it start parallel workers, which cost 60 ms here to
	// save nothing on a request of a few ms: they are kept off too. Both settings are set and reset around this one
	// statement in the same round trip; if the statement fails, its implicit transaction undoes them as well.
	private static final String PLAN_ONCE = """
			set plan_cache_mode = force_generic_plan;
			set max_parallel_workers_per_gather = 0;
			""";

	private static final String PLAN_AS_USUAL = """
			;
			reset plan_cache_mode;
			reset max_parallel_workers_per_gather""";

	private List<MemberRow> plannedOnce(String sql, Map<String, Object> params, RowMapper<MemberRow> mapper) {
		var read = OneTrip.read(PLAN_ONCE + sql.strip() + PLAN_AS_USUAL, mapper);
		return OneTrip.run(named, params, List.of(read)).of(read);
	}

	/** Streams the whole filtered list (exports). */
	void each(String rootPath, List<String> paths, MemberFilter f, java.util.function.Consumer<MemberRow> out) {
		boolean text = !likeText(f).isEmpty();
		bind(jdbc.sql(list(text ? Shape.TEXT : Shape.SUBTREE, 1_000_000, 0)), rootPath, paths, f, false)
			.query(this::row).stream().forEach(out);
	}

	record PageRows(List<MemberRow> rows, long total) {
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String rootPath, List<String> paths, MemberFilter f,
			boolean wholeWords) {
		return spec.params(params(rootPath, paths, f, wholeWords));
	}

	private static Map<String, Object> params(String rootPath, List<String> paths, MemberFilter f, boolean wholeWords) {
		String folded = VnText.fold(f.q());
		String[] labels = rootPath.split("\\.");
		String words = wholeWords ? textArray(folded, "") : "{}";
		String keys = wholeWords && labels.length >= 2 ? textArray(folded, labels[1] + " ") : "{}";
		var p = new HashMap<String, Object>();
		p.put("words", words);
		p.put("keys", keys);
		p.put("org", Long.parseLong(labels[labels.length - 1]));
		p.put("root", rootPath);
		p.put("paths", OrganizationRepository.array(paths));
		p.put("q", folded.replace("%", "").replace("_", ""));
		p.put("status", f.status());
		p.put("gender", f.gender());
		p.put("ethnicity", f.ethnicity());
		p.put("minAge", f.minPartyAge());
		p.put("cutoff", VnText.today().minusYears(f.minPartyAge()));
		return p;
	}

	/** The name typed, folded, without LIKE's wildcards: empty when there is no name to match. */
	private static String likeText(MemberFilter f) {
		return VnText.fold(f.q()).replace("%", "").replace("_", "");
	}

	/** The words of a folded name as a text[] literal, each after the prefix. */
	private static String textArray(String folded, String prefix) {
		return folded.isEmpty() ? "{}" : java.util.Arrays.stream(folded.split(" "))
			.map(w -> "\"" + prefix + w.replace("\\", "").replace("\"", "") + "\"")
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	List<MemberRow> listAsOf(long orgId, LocalDate date, List<String> paths) {
		return jdbc.sql(LIST_AS_OF).param("org", orgId).param("date", date)
			.param("paths", OrganizationRepository.array(paths)).query(this::row).list();
	}

	// Who is invited to a meeting of :org: its members (or its whole subtree's, for a plenary) who are not gone,
	// not leaving and not attending another cell temporarily, plus members attached to it temporarily.
	private static final String ROSTER = """
			select m.id, m.full_name, m.gender, m.birth_date, m.standing, m.status, m.admitted_on, m.party_age_basis,
			       m.ethnicity, m.phone, o.id as org_id, o.name as org_name,
			       (m.temp_organization_id = c.id) as temporary, m.card_no
			from organizations.organization c
			join organizations.member m on (m.temp_organization_id = c.id
			      or m.temp_organization_id is null and m.organization_id in
			         (select s.id from organizations.organization s where s.path <@ c.path and (:subtree or s.id = c.id)))
			join organizations.organization o on o.id = m.organization_id
			where c.id = :org and c.path <@ any(cast(:paths as ltree[]))
			  and m.status in ('ACTIVE','EXEMPT','ON_LEAVE')
			order by m.given_name collate "vi-x-icu", m.name_rest collate "vi-x-icu", m.id
			""";

	List<MemberRow> roster(long orgId, boolean subtree, List<String> paths) {
		return jdbc.sql(ROSTER).param("org", orgId).param("subtree", subtree)
			.param("paths", OrganizationRepository.array(paths)).query(this::row).list();
	}

	List<MemberRow> registered(long orgId, boolean subtree, List<String> paths) {
		return jdbc.sql("""
				select m.id, m.full_name, m.gender, m.birth_date, m.standing, m.status, m.admitted_on, m.party_age_basis,
				       m.ethnicity, m.phone, o.id as org_id, o.name as org_name, false as temporary, m.card_no
				from organizations.member m join organizations.organization o on o.id = m.organization_id
				where (o.path <@ (select path from organizations.organization where id = :org) and :subtree or o.id = :org)
				  and o.path <@ any(cast(:paths as ltree[]))
				  and m.status not in ('REMOVED','EXPELLED','LEFT','DECEASED')
				order by m.given_name collate "vi-x-icu", m.name_rest collate "vi-x-icu", m.id
				""").param("org", orgId).param("subtree", subtree).param("paths", OrganizationRepository.array(paths))
			.query(this::row).list();
	}

	private static final String ONE_ROW = """
			select m.id, m.full_name, m.gender, m.birth_date, m.standing, m.status, m.admitted_on, m.party_age_basis,
			       m.ethnicity, m.phone, o.id as org_id, o.name as org_name, false as temporary, m.card_no
			from organizations.member m
			join organizations.organization o on o.id = m.organization_id
			where m.id = :id and (o.path <@ any(cast(:paths as ltree[])) or m.id = :self)
			""";

	Optional<MemberRow> row(long id, List<String> paths, @Nullable Long self) {
		return jdbc.sql(ONE_ROW).param("id", id).param("paths", OrganizationRepository.array(paths))
			.param("self", self == null ? -1L : self).query(this::row).optional();
	}

	List<MemberRow> temporary(long orgId, List<String> paths) {
		return jdbc.sql(TEMPORARY).param("org", orgId).param("paths", OrganizationRepository.array(paths))
			.query(this::row).list();
	}

	List<MemberRow> incoming(long orgId, List<String> paths) {
		return jdbc.sql(INCOMING).param("org", orgId).param("paths", OrganizationRepository.array(paths))
			.query(this::row).list();
	}

	List<MemberPeer> peers(long orgId) {
		return jdbc.sql(PEERS).param("org", orgId).query((rs, i) -> new MemberPeer(rs.getLong("id"),
				rs.getString("full_name"), MemberStatus.of(rs.getString("standing"), rs.getString("status")),
				titles(rs.getString("positions")))).list();
	}

	private static String titles(String codes) {
		if (codes.isEmpty()) {
			return "";
		}
		return String.join(", ", java.util.Arrays.stream(codes.split(",")).map(c -> Position.TITLES.getOrDefault(c, c)).toList());
	}

	Optional<MemberDetails> details(long id, List<String> paths, @Nullable Long self) {
		return jdbc.sql(DETAILS).param("id", id).param("paths", OrganizationRepository.array(paths))
			.param("self", self == null ? -1L : self).param("key", key).query(this::details).optional();
	}

	/** The same access rule as {@link #details}, without reading (and decrypting) the record. */
	boolean visible(long id, List<String> paths, @Nullable Long self) {
		return jdbc.sql("""
				select exists (
				    select 1 from organizations.member m
				    join organizations.organization o on o.id = m.organization_id
				    left join organizations.organization t on t.id = m.temp_organization_id
				    where m.id = :id
				      and (o.path <@ any(cast(:paths as ltree[])) or t.path <@ any(cast(:paths as ltree[])) or m.id = :self))
				""").param("id", id).param("paths", OrganizationRepository.array(paths)).param("self", self == null ? -1L : self)
			.query(Boolean.class).single();
	}

	/** For a pending transfer only: the receiving cell acts on a record it cannot yet see. */
	Optional<MemberDetails> detailsUnscoped(long id) {
		String sql = DETAILS.substring(0, DETAILS.indexOf("where m.id = :id")) + "where m.id = :id";
		return jdbc.sql(sql).param("id", id).param("key", key).query(this::details).optional();
	}

	Optional<Long> currentOrganization(long memberId) {
		return jdbc.sql("""
				select organization_id from organizations.member
				where id = :id and status not in ('REMOVED','EXPELLED','LEFT','DECEASED')
				""").param("id", memberId).query(Long.class).optional();
	}

	List<String[]> duplicates(MemberInput.Data d, long self) {
		return jdbc.sql(DUPLICATES).param("cid", d.citizenId()).param("key", key).param("cardNo", d.cardNo())
			.param("recordNo", d.recordNo()).param("self", self)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list();
	}

	long insert(long orgId, MemberInput.Data d) {
		return bindData(jdbc.sql(INSERT), d).param("org", orgId).query(Long.class).single();
	}

	boolean update(long id, int version, MemberInput.Data d) {
		return bindData(jdbc.sql(UPDATE), d).param("id", id).param("version", version).update() == 1;
	}

	private JdbcClient.StatementSpec bindData(JdbcClient.StatementSpec s, MemberInput.Data d) {
		return s.param("fullName", d.fullName()).param("birthName", d.birthName()).param("aliases", d.aliases())
			.param("gender", d.gender()).param("birthDate", d.birthDate()).param("birthplace", d.birthplace())
			.param("hometown", d.hometown()).param("residence", d.residence()).param("ethnicity", d.ethnicity())
			.param("religion", d.religion()).param("cid", d.citizenId()).param("key", key)
			.param("recordNo", d.recordNo()).param("cardNo", d.cardNo()).param("cardIssue", d.cardIssue())
			.param("admittedOn", d.admittedOn()).param("ceremonyOn", d.ceremonyOn())
			.param("recognizedOn", d.recognizedOn()).param("standing", d.standing())
			.param("education", d.education()).param("professional", d.professional())
			.param("politicalTheory", d.politicalTheory()).param("foreignLanguage", d.foreignLanguage())
			.param("occupation", d.occupation()).param("workplace", d.workplace()).param("phone", d.phone())
			.param("email", d.email());
	}

	void openMembership(long memberId, long orgId, String kind, LocalDate from) {
		jdbc.sql("""
				insert into organizations.membership (member_id, organization_id, kind, valid)
				values (:m, :o, :k, daterange(cast(:from as date), null))
				on conflict do nothing
				""").param("m", memberId).param("o", orgId).param("k", kind).param("from", from).update();
	}

	void closeMembership(long memberId, String kind, LocalDate to) {
		jdbc.sql("""
				update organizations.membership set valid = daterange(lower(valid), greatest(lower(valid), cast(:to as date)))
				where member_id = :m and kind = :k and upper_inf(valid)
				""").param("m", memberId).param("k", kind).param("to", to).update();
	}

	void setState(long id, String standing, String status, LocalDate since) {
		jdbc.sql("""
				update organizations.member set standing = :standing, status = :status, status_since = :since,
				    updated_at = now(), version = version + 1 where id = :id
				""").param("standing", standing).param("status", status).param("since", since).param("id", id).update();
	}

	void setRecognized(long id, LocalDate on) {
		jdbc.sql("update organizations.member set recognized_on = :d where id = :id").param("d", on).param("id", id).update();
	}

	void setTransfer(long id, @Nullable Long toId, @Nullable String toText, @Nullable LocalDate deadline) {
		jdbc.sql("""
				update organizations.member set transfer_to_id = :toId, transfer_to_text = :toText, transfer_deadline = :dl
				where id = :id
				""").param("toId", toId).param("toText", toText).param("dl", deadline).param("id", id).update();
	}

	void setTemporary(long id, @Nullable Long orgId, @Nullable LocalDate until) {
		jdbc.sql("update organizations.member set temp_organization_id = :o, temp_until = :u where id = :id")
			.param("o", orgId).param("u", until).param("id", id).update();
	}

	void setOrganization(long id, long orgId) {
		jdbc.sql("update organizations.member set organization_id = :o, version = version + 1 where id = :id")
			.param("o", orgId).param("id", id).update();
	}

	void setEnded(long id, @Nullable LocalDate on) {
		jdbc.sql("update organizations.member set ended_on = :d where id = :id").param("d", on).param("id", id).update();
	}

	void readmit(long id, LocalDate admittedOn) {
		jdbc.sql("""
				update organizations.member set readmitted = true, admitted_on = :d, party_age_basis = :d,
				    recognized_on = null, card_no = null, ended_on = null where id = :id
				""").param("d", admittedOn).param("id", id).update();
	}

	/** Moves every current member of one organization to another (merge), closing and opening memberships; their ids. */
	List<Long> reassignAll(long fromOrg, long toOrg, LocalDate on) {
		List<Long> ids = activeMemberIds(fromOrg);
		for (long id : ids) {
			reassign(id, toOrg, on);
		}
		return ids;
	}

	void reassign(long memberId, long toOrg, LocalDate on) {
		closeMembership(memberId, "OFFICIAL", on);
		setOrganization(memberId, toOrg);
		openMembership(memberId, toOrg, "OFFICIAL", on);
		event(memberId, "MOVE_ORG", on, null, null, null, null, toOrg, null, "hệ thống");
	}

	List<Long> activeMemberIds(long orgId) {
		return jdbc.sql("""
				select id from organizations.member
				where organization_id = :o and status not in ('REMOVED','EXPELLED','LEFT','DECEASED')
				""").param("o", orgId).query(Long.class).list();
	}

	void event(long memberId, String kind, LocalDate on, @Nullable String ref, @Nullable String note, @Nullable String from,
			@Nullable String to, @Nullable Long orgId, @Nullable LocalDate deadline, String actor) {
		jdbc.sql("""
				insert into organizations.member_event (member_id, kind, effective_on, decision_ref, note, from_state,
				    to_state, organization_id, deadline, recorded_by)
				values (:m, :k, :d, :ref, :note, :from, :to, :org, :dl, :actor)
				""").param("m", memberId).param("k", kind).param("d", on).param("ref", ref).param("note", note)
			.param("from", from).param("to", to).param("org", orgId).param("dl", deadline).param("actor", actor).update();
	}

	List<MemberEvent> events(long memberId) {
		return jdbc.sql("""
				select e.id, e.kind, e.effective_on, e.decision_ref, e.note, e.from_state, e.to_state, o.name,
				       e.deadline, e.recorded_by, e.recorded_at
				from organizations.member_event e
				left join organizations.organization o on o.id = e.organization_id
				where e.member_id = :m
				order by e.effective_on desc, e.id desc
				""").param("m", memberId).query((rs, i) -> new MemberEvent(rs.getLong(1), rs.getString(2),
					rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getString(8), rs.getObject(9, LocalDate.class), rs.getString(10), rs.getTimestamp(11).toInstant()))
			.list();
	}

	@Nullable
	LocalDate lastEventDate(long memberId, String kind) {
		return jdbc.sql("select max(effective_on) from organizations.member_event where member_id = :m and kind = :k")
			.param("m", memberId).param("k", kind).query(LocalDate.class).optional().orElse(null);
	}

	List<Position> positions(long memberId) {
		return jdbc.sql("""
				select p.id, p.member_id, p.organization_id, o.name, p.title, p.started_on, p.ended_on, p.decision_ref
				from organizations.position p join organizations.organization o on o.id = p.organization_id
				where p.member_id = :m order by p.ended_on is null desc, p.started_on desc
				""").param("m", memberId).query((rs, i) -> new Position(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
					rs.getString(8))).list();
	}

	List<Position> currentPositionsIn(long orgId, boolean subtree, List<String> paths) {
		return jdbc.sql("""
				select p.id, p.member_id, p.organization_id, o.name, p.title, p.started_on, p.ended_on, p.decision_ref
				from organizations.position p join organizations.organization o on o.id = p.organization_id
				where p.ended_on is null
				  and (o.path <@ (select path from organizations.organization where id = :org) and :subtree or o.id = :org)
				  and o.path <@ any(cast(:paths as ltree[]))
				order by p.member_id, p.id
				""").param("org", orgId).param("subtree", subtree).param("paths", OrganizationRepository.array(paths))
			.query((rs, i) -> new Position(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8))).list();
	}

	long addPosition(long memberId, long orgId, String title, LocalDate from, @Nullable String ref) {
		return jdbc.sql("""
				insert into organizations.position (member_id, organization_id, title, started_on, decision_ref)
				values (:m, :o, :t, :f, :r) returning id
				""").param("m", memberId).param("o", orgId).param("t", title).param("f", from).param("r", ref)
			.query(Long.class).single();
	}

	int endPosition(long positionId, long memberId, LocalDate on) {
		return jdbc.sql("""
				update organizations.position set ended_on = :d
				where id = :id and member_id = :m and ended_on is null and started_on <= :d
				""").param("d", on).param("id", positionId).param("m", memberId).update();
	}

	int endOpenPositions(long memberId, LocalDate on) {
		return jdbc.sql("""
				update organizations.position set ended_on = greatest(started_on, cast(:d as date))
				where member_id = :m and ended_on is null
				""").param("d", on).param("m", memberId).update();
	}

	boolean holdsOpenPosition(long memberId, long orgId, String title) {
		return jdbc.sql("""
				select exists (select 1 from organizations.position
				               where member_id = :m and organization_id = :o and title = :t and ended_on is null)
				""").param("m", memberId).param("o", orgId).param("t", title).query(Boolean.class).single();
	}

	Optional<byte[]> photo(long memberId) {
		return jdbc.sql("select bytes from organizations.member_photo where member_id = :m").param("m", memberId)
			.query(byte[].class).optional();
	}

	void savePhoto(long memberId, String contentType, byte[] bytes) {
		jdbc.sql("""
				insert into organizations.member_photo (member_id, content_type, bytes) values (:m, :c, :b)
				on conflict (member_id) do update set content_type = excluded.content_type, bytes = excluded.bytes
				""").param("m", memberId).param("c", contentType).param("b", bytes).update();
	}

	private MemberRow row(ResultSet rs, int i) throws SQLException {
		return new MemberRow(rs.getLong("id"), rs.getString("full_name"), rs.getString("gender"),
				rs.getObject("birth_date", LocalDate.class), MemberStatus.of(rs.getString("standing"), rs.getString("status")),
				rs.getObject("admitted_on", LocalDate.class), rs.getObject("party_age_basis", LocalDate.class),
				rs.getString("ethnicity"), rs.getString("phone"), rs.getLong("org_id"), rs.getString("org_name"),
				rs.getBoolean("temporary"), rs.getString("card_no"));
	}

	private MemberDetails details(ResultSet rs, int i) throws SQLException {
		return new MemberDetails(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("org_name"),
				rs.getString("org_path"), (Long) rs.getObject("temp_organization_id"), rs.getString("temp_org_name"),
				rs.getObject("temp_until", LocalDate.class), rs.getString("full_name"), rs.getString("birth_name"),
				rs.getString("aliases"), rs.getString("gender"), rs.getObject("birth_date", LocalDate.class),
				rs.getString("birthplace"), rs.getString("hometown"), rs.getString("residence"), rs.getString("ethnicity"),
				rs.getString("religion"), rs.getString("citizen_id"), rs.getString("record_no"), rs.getString("card_no"),
				rs.getString("card_issue"), rs.getObject("admitted_on", LocalDate.class),
				rs.getObject("ceremony_on", LocalDate.class), rs.getObject("recognized_on", LocalDate.class),
				rs.getObject("party_age_basis", LocalDate.class), rs.getString("standing"), rs.getString("status"),
				MemberStatus.of(rs.getString("standing"), rs.getString("status")),
				rs.getObject("status_since", LocalDate.class), (Long) rs.getObject("transfer_to_id"),
				rs.getString("transfer_to_text"), rs.getObject("transfer_deadline", LocalDate.class),
				rs.getString("education"), rs.getString("professional"), rs.getString("political_theory"),
				rs.getString("foreign_language"), rs.getString("occupation"), rs.getString("workplace"),
				rs.getString("phone"), rs.getString("email"), rs.getBoolean("readmitted"), rs.getBoolean("has_photo"),
				rs.getInt("version"));
	}
}

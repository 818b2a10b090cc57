package vn.dangvu.organizations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dangvu.shared.Audited;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/**
 * Use cases of the organization tree: browse (lazily, or as of a past date), search, count, and the
 * reorganizations — create, rename, move, merge, split, dissolve — each recorded as an event with its decision.
 * Reads see only organizations within the scope; changes need {@link Capability#MANAGE_ORGANIZATIONS} over
 * every organization they touch.
 */
@Service
public class OrganizationManagement {

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	public static final int CHILD_PAGE = 500;

	private final OrganizationRepository orgs;
	private final MemberRepository members;
	private final ApplicationEventPublisher events;

	OrganizationManagement(OrganizationRepository orgs, MemberRepository members, ApplicationEventPublisher events) {
		this.orgs = orgs;
		this.members = members;
		this.events = events;
	}

	/** Any grant lets its holder see the organizations of its subtree (a member: their own cell). */
	static List<String> visiblePaths(Scope scope) {
		List<String> all = scope.grants().stream().map(Scope.Grant::path).distinct().toList();
		return all.isEmpty() ? List.of(Scope.NOTHING) : all;
	}

	/** @throws NotFound when the organization does not exist or lies outside the scope */
	public OrganizationSummary get(Scope scope, long id) {
		return orgs.findVisible(id, visiblePaths(scope)).orElseThrow(() -> new NotFound("organization " + id));
	}

	/** An organization whatever the scope: for background jobs only (schedules), never for a user's request. */
	public java.util.Optional<OrganizationSummary> find(long id) {
		return orgs.findAny(id);
	}

	/** Organizations by id whatever the scope (at most a few thousand): for background jobs only. */
	public Map<Long, OrganizationSummary> findAll(Collection<Long> ids) {
		Map<Long, OrganizationSummary> out = new java.util.HashMap<>();
		orgs.findAll(ids).forEach(o -> out.put(o.id(), o));
		return out;
	}

	public List<OrganizationSummary> roots(Scope scope) {
		return orgs.roots(visiblePaths(scope));
	}

	public List<OrganizationSummary> children(Scope scope, long id, boolean withEnded) {
		return children(scope, get(scope, id), withEnded);
	}

	/** Children of an organization the caller has just read with {@link #get}; no second read of it. */
	public List<OrganizationSummary> children(Scope scope, OrganizationSummary org, boolean withEnded) {
		return orgs.children(org.id(), visiblePaths(scope), withEnded, true, CHILD_PAGE);
	}

	/**
	 * The active children of an organization the caller has just read, for pages that show only their names beside
	 * counts of their own: {@link OrganizationSummary#members()} is 0, not read.
	 */
	public List<OrganizationSummary> childrenUncounted(Scope scope, OrganizationSummary org) {
		return orgs.children(org.id(), visiblePaths(scope), false, false, CHILD_PAGE);
	}

	public List<OrganizationSummary> childrenAsOf(Scope scope, long id, LocalDate date) {
		get(scope, id);
		return orgs.childrenAsOf(id, date, visiblePaths(scope));
	}

	/** The chain from the highest visible ancestor down to the organization itself. */
	public List<OrganizationSummary> breadcrumb(Scope scope, OrganizationSummary org) {
		return orgs.ancestors(org.path(), visiblePaths(scope));
	}

	/** Finds organizations by name, ignoring case and diacritics ("xa tan an" finds "Xã Tân An"). */
	public List<OrganizationSummary> search(Scope scope, String query) {
		String q = VnText.fold(query);
		if (q.length() < 2) {
			return List.of();
		}
		return orgs.search(q, visiblePaths(scope));
	}

	/** The active organizations of the subtree (itself included), parents before children, within the scope. */
	public List<OrganizationSummary> subtree(Scope scope, long id) {
		return orgs.activeSubtree(id, visiblePaths(scope));
	}

	/** Member counts by status for the whole subtree, from the kept counters. */
	public List<StatusCount> counts(Scope scope, long id) {
		return orgs.counts(id, visiblePaths(scope));
	}

	public List<OrganizationEvent> events(Scope scope, long id) {
		return events(scope, get(scope, id));
	}

	/** The reorganizations of an organization the caller has just read with {@link #get}. */
	public List<OrganizationEvent> events(Scope scope, OrganizationSummary org) {
		if (visiblePaths(scope).stream().noneMatch(p -> Scope.isWithin(org.path(), p))) {
			throw new NotFound("organization " + org.id());
		}
		return orgs.events(org.id());
	}

	/** Paths of organizations by id, for building scopes. No scope applies: callers hold the ids already. */
	public Map<Long, String> pathsOf(Collection<Long> ids) {
		return orgs.pathsOf(ids);
	}

	/** The organizations' paths and the member's current cell with its path, in one query (for building a scope). */
	public record ScopePaths(Map<Long, String> paths, @Nullable Long memberOrganizationId) {
	}

	public ScopePaths scopePaths(Collection<Long> ids, long memberId) {
		Map<Long, String> all = new java.util.HashMap<>(orgs.pathsWithMemberCell(ids, memberId));
		String mine = all.remove(-1L);
		return new ScopePaths(all, mine == null ? null : Long.valueOf(mine));
	}

	private OrganizationSummary managed(Scope scope, long id, String field) {
		OrganizationSummary o = orgs.findVisible(id, scope.paths(Capability.MANAGE_ORGANIZATIONS))
			.orElseThrow(() -> new InvalidInput(field, "không tìm thấy tổ chức số " + id + " trong phạm vi quản lý của bạn"));
		return o;
	}

	private static void requireActive(OrganizationSummary o, String field) {
		if (!o.active()) {
			throw new InvalidInput(field, "“" + o.name() + "” đã kết thúc hoạt động (" + statusVi(o.status()) + ")");
		}
	}

	static String statusVi(String status) {
		return switch (status) {
			case "DISSOLVED" -> "đã giải thể";
			case "MERGED" -> "đã hợp nhất";
			case "SPLIT" -> "đã chia tách";
			default -> "đang hoạt động";
		};
	}

	private static String cleanName(@Nullable String name) {
		String n = name == null ? "" : name.trim().replaceAll("\\s+", " ");
		if (n.length() < 2) {
			throw new InvalidInput("Tên tổ chức", "chưa nhập hoặc quá ngắn");
		}
		if (n.length() > 300) {
			throw new InvalidInput("Tên tổ chức", "dài quá 300 ký tự");
		}
		return n;
	}

	public record CreateOrganization(long parentId, Level level, @Nullable String kind, String name, @Nullable String code,
			Decision decision) {
	}

	@Transactional
	public long create(Scope scope, CreateOrganization cmd) {
		OrganizationSummary parent = managed(scope, cmd.parentId(), "Tổ chức cấp trên");
		requireActive(parent, "Tổ chức cấp trên");
		if (!cmd.level().allowedParents().contains(parent.level())) {
			throw new InvalidInput("Cấp tổ chức", "“" + cmd.level().vi() + "” không thể trực thuộc “" + parent.level().vi()
					+ "”; cấp trên hợp lệ: " + cmd.level().allowedParents().stream().map(Level::vi).toList());
		}
		if (cmd.kind() != null && !Set.of("RESIDENTIAL", "WORKPLACE").contains(cmd.kind())) {
			throw new InvalidInput("Loại hình", "chỉ nhận khu dân cư hoặc cơ quan, đơn vị");
		}
		String name = cleanName(cmd.name());
		long id = orgs.insert(parent.id(), parent.path(), cmd.level(), cmd.kind(), name, cmd.code(),
				cmd.decision().effectiveOn(), false);
		long event = orgs.recordEvent("CREATE", cmd.decision(), json(Map.of("name", name, "level", cmd.level().name(),
				"parentId", parent.id())), scope.username());
		orgs.eventSubject(event, id, "SUBJECT");
		orgs.eventSubject(event, parent.id(), "NEW_PARENT");
		audit(scope, "ORG_CREATE", id, parent.path() + "." + id, "Thành lập " + name + " (" + cmd.decision().ref() + ")",
				null, Map.of("name", name, "level", cmd.level().name(), "parentId", parent.id()));
		return id;
	}

	@Transactional
	public void rename(Scope scope, long id, String newName, Decision decision) {
		OrganizationSummary o = managed(scope, id, "Tổ chức");
		requireActive(o, "Tổ chức");
		String name = cleanName(newName);
		if (name.equals(o.name())) {
			throw new InvalidInput("Tên mới", "trùng với tên hiện tại");
		}
		checkNotBefore(o, decision);
		orgs.rename(id, name);
		orgs.newVersion(id, decision.effectiveOn());
		long event = orgs.recordEvent("RENAME", decision, json(Map.of("from", o.name(), "to", name)), scope.username());
		orgs.eventSubject(event, id, "SUBJECT");
		audit(scope, "ORG_RENAME", id, o.path(), "Đổi tên " + o.name() + " thành " + name, Map.of("name", o.name()),
				Map.of("name", name));
	}

	@Transactional
	public void move(Scope scope, long id, long newParentId, Decision decision) {
		OrganizationSummary o = managed(scope, id, "Tổ chức");
		OrganizationSummary parent = managed(scope, newParentId, "Tổ chức cấp trên mới");
		requireActive(o, "Tổ chức");
		requireActive(parent, "Tổ chức cấp trên mới");
		if (o.parentId() == null) {
			throw new InvalidInput("Tổ chức", "không thể chuyển tổ chức gốc");
		}
		if (Scope.isWithin(parent.path(), o.path())) {
			throw new InvalidInput("Tổ chức cấp trên mới", "không thể chuyển một tổ chức vào chính nó hoặc tổ chức trực thuộc nó");
		}
		if (o.parentId() == newParentId) {
			throw new InvalidInput("Tổ chức cấp trên mới", "tổ chức đã trực thuộc “" + parent.name() + "”");
		}
		if (!o.level().allowedParents().contains(parent.level())) {
			throw new InvalidInput("Tổ chức cấp trên mới", "“" + o.level().vi() + "” không thể trực thuộc “" + parent.level().vi() + "”");
		}
		checkNotBefore(o, decision);
		moveAndAnnounce(o, parent);
		orgs.newVersion(id, decision.effectiveOn());
		long event = orgs.recordEvent("MOVE", decision, json(Map.of("from", o.parentId(), "to", parent.id())), scope.username());
		orgs.eventSubject(event, id, "SUBJECT");
		orgs.eventSubject(event, o.parentId(), "OLD_PARENT");
		orgs.eventSubject(event, parent.id(), "NEW_PARENT");
		audit(scope, "ORG_MOVE", id, parent.path() + "." + id, "Chuyển " + o.name() + " sang " + parent.name(),
				Map.of("parentId", o.parentId()), Map.of("parentId", parent.id()));
	}

	/**
	 * Merges the sources into the target: their members and subordinate organizations pass to the target, and the
	 * sources end with status MERGED. All must be of the same level.
	 */
	@Transactional
	public void merge(Scope scope, Collection<Long> sourceIds, long targetId, Decision decision) {
		OrganizationSummary target = managed(scope, targetId, "Tổ chức sau hợp nhất");
		requireActive(target, "Tổ chức sau hợp nhất");
		Set<Long> ids = new LinkedHashSet<>(sourceIds);
		ids.remove(targetId);
		if (ids.isEmpty()) {
			throw new InvalidInput("Các tổ chức hợp nhất", "chọn ít nhất một tổ chức khác với tổ chức sau hợp nhất");
		}
		List<OrganizationSummary> sources = new ArrayList<>();
		for (long sid : ids) {
			OrganizationSummary s = managed(scope, sid, "Các tổ chức hợp nhất");
			requireActive(s, "Các tổ chức hợp nhất");
			if (s.level() != target.level()) {
				throw new InvalidInput("Các tổ chức hợp nhất", "“" + s.name() + "” là " + s.level().vi()
						+ ", khác cấp với “" + target.name() + "” (" + target.level().vi() + ")");
			}
			if (Scope.isWithin(target.path(), s.path())) {
				throw new InvalidInput("Tổ chức sau hợp nhất", "không được là tổ chức trực thuộc “" + s.name() + "”");
			}
			checkNotBefore(s, decision);
			sources.add(s);
		}
		long event = orgs.recordEvent("MERGE", decision, json(Map.of("sources", ids, "target", targetId)), scope.username());
		orgs.eventSubject(event, targetId, "TARGET");
		for (OrganizationSummary s : sources) {
			for (long child : orgs.activeChildIds(s.id())) {
				OrganizationSummary c = orgs.findVisible(child, List.of(s.path())).orElseThrow();
				moveAndAnnounce(c, orgs.findVisible(targetId, List.of(target.path())).orElseThrow());
				orgs.newVersion(child, decision.effectiveOn());
				orgs.eventSubject(event, child, "MOVED_CHILD");
			}
			List<Long> reassigned = members.reassignAll(s.id(), targetId, decision.effectiveOn());
			int moved = reassigned.size();
			events.publishEvent(new MembersMoved(reassigned, targetId));
			orgs.end(s.id(), "MERGED", decision.effectiveOn());
			orgs.eventSubject(event, s.id(), "SOURCE");
			audit(scope, "ORG_MERGE", s.id(), s.path(), "Hợp nhất " + s.name() + " vào " + target.name() + " ("
					+ moved + " đảng viên)", Map.of("status", "ACTIVE"), Map.of("status", "MERGED", "into", targetId));
		}
	}

	public record Allocation(long memberOrChildId, long targetId) {
	}

	/**
	 * Splits the source: each active member and each active subordinate organization is allocated to one of the
	 * targets (organizations of the same level, created beforehand); the source ends with status SPLIT.
	 */
	@Transactional
	public void split(Scope scope, long sourceId, Collection<Long> targetIds, Map<Long, Long> memberTargets,
			Map<Long, Long> childTargets, Decision decision) {
		split(scope, sourceId, targetIds, memberTargets, childTargets, null, null, decision);
	}

	/**
	 * As {@link #split(Scope, long, Collection, Map, Map, Decision)}, with a target for every member
	 * ({@code restMembersTo}) and every subordinate organization ({@code restChildrenTo}) not allocated one by one:
	 * an organization of hundreds of members is split without choosing for each.
	 */
	@Transactional
	public void split(Scope scope, long sourceId, Collection<Long> targetIds, Map<Long, Long> memberChoices,
			Map<Long, Long> childChoices, @Nullable Long restMembersTo, @Nullable Long restChildrenTo, Decision decision) {
		OrganizationSummary source = managed(scope, sourceId, "Tổ chức chia tách");
		requireActive(source, "Tổ chức chia tách");
		checkNotBefore(source, decision);
		Map<Long, OrganizationSummary> targets = new LinkedHashMap<>();
		for (long t : targetIds) {
			if (t == sourceId) {
				throw new InvalidInput("Các tổ chức mới", "không được gồm chính tổ chức chia tách");
			}
			OrganizationSummary o = managed(scope, t, "Các tổ chức mới");
			requireActive(o, "Các tổ chức mới");
			if (o.level() != source.level()) {
				throw new InvalidInput("Các tổ chức mới", "“" + o.name() + "” khác cấp với tổ chức chia tách");
			}
			targets.put(t, o);
		}
		if (targets.size() < 2) {
			throw new InvalidInput("Các tổ chức mới", "chia tách cần ít nhất hai tổ chức mới");
		}
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (restMembersTo != null && !targets.containsKey(restMembersTo)) {
			problems.add(new InvalidInput.Problem("Các đảng viên còn lại", "phải chuyển về một trong các tổ chức mới đã chọn"));
		}
		if (restChildrenTo != null && !targets.containsKey(restChildrenTo)) {
			problems.add(new InvalidInput.Problem("Các tổ chức trực thuộc còn lại", "phải chuyển về một trong các tổ chức mới đã chọn"));
		}
		List<Long> activeMembers = members.activeMemberIds(sourceId);
		Map<Long, Long> memberTargets = new LinkedHashMap<>(memberChoices);
		if (restMembersTo != null) {
			activeMembers.forEach(m -> memberTargets.putIfAbsent(m, restMembersTo));
		}
		for (long m : activeMembers) {
			Long t = memberTargets.get(m);
			if (t == null || !targets.containsKey(t)) {
				problems.add(new InvalidInput.Problem("Đảng viên số " + m, "chưa được phân về tổ chức mới nào"));
			}
		}
		for (long m : memberTargets.keySet()) {
			if (!activeMembers.contains(m)) {
				problems.add(new InvalidInput.Problem("Đảng viên số " + m, "không sinh hoạt tại “" + source.name() + "”"));
			}
		}
		List<Long> children = orgs.activeChildIds(sourceId);
		Map<Long, Long> childTargets = new LinkedHashMap<>(childChoices);
		if (restChildrenTo != null) {
			children.forEach(c -> childTargets.putIfAbsent(c, restChildrenTo));
		}
		for (long c : children) {
			Long t = childTargets.get(c);
			if (t == null || !targets.containsKey(t)) {
				problems.add(new InvalidInput.Problem("Tổ chức trực thuộc số " + c, "chưa được phân về tổ chức mới nào"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long event = orgs.recordEvent("SPLIT", decision, json(Map.of("source", sourceId, "targets", targets.keySet())),
				scope.username());
		orgs.eventSubject(event, sourceId, "SOURCE");
		targets.keySet().forEach(t -> orgs.eventSubject(event, t, "TARGET"));
		for (long c : children) {
			OrganizationSummary child = orgs.findVisible(c, List.of(source.path())).orElseThrow();
			OrganizationSummary t = orgs.findVisible(childTargets.get(c), List.of(targets.get(childTargets.get(c)).path())).orElseThrow();
			moveAndAnnounce(child, t);
			orgs.newVersion(c, decision.effectiveOn());
		}
		Map<Long, List<Long>> byTarget = new LinkedHashMap<>();
		for (long m : activeMembers) {
			members.reassign(m, memberTargets.get(m), decision.effectiveOn());
			byTarget.computeIfAbsent(memberTargets.get(m), k -> new ArrayList<>()).add(m);
		}
		byTarget.forEach((target, moved) -> events.publishEvent(new MembersMoved(moved, target)));
		orgs.end(sourceId, "SPLIT", decision.effectiveOn());
		audit(scope, "ORG_SPLIT", sourceId, source.path(), "Chia tách " + source.name() + " thành "
				+ targets.values().stream().map(OrganizationSummary::name).toList(), Map.of("status", "ACTIVE"),
				Map.of("status", "SPLIT", "into", targets.keySet()));
	}

	@Transactional
	public void dissolve(Scope scope, long id, Decision decision) {
		OrganizationSummary o = managed(scope, id, "Tổ chức");
		requireActive(o, "Tổ chức");
		if (o.parentId() == null) {
			throw new InvalidInput("Tổ chức", "không thể giải thể tổ chức gốc");
		}
		checkNotBefore(o, decision);
		if (!orgs.activeChildIds(id).isEmpty()) {
			throw new InvalidInput("Tổ chức", "còn tổ chức trực thuộc đang hoạt động; hãy chuyển, hợp nhất hoặc giải thể chúng trước");
		}
		int active = members.activeMemberIds(id).size();
		if (active > 0) {
			throw new InvalidInput("Tổ chức", "còn " + active + " đảng viên sinh hoạt; hãy chuyển sinh hoạt hoặc hợp nhất trước khi giải thể");
		}
		orgs.end(id, "DISSOLVED", decision.effectiveOn());
		long event = orgs.recordEvent("DISSOLVE", decision, json(Map.of("name", o.name())), scope.username());
		orgs.eventSubject(event, id, "SUBJECT");
		audit(scope, "ORG_DISSOLVE", id, o.path(), "Giải thể " + o.name(), Map.of("status", "ACTIVE"),
				Map.of("status", "DISSOLVED"));
	}

	private void moveAndAnnounce(OrganizationSummary org, OrganizationSummary newParent) {
		orgs.move(org, newParent);
		events.publishEvent(new OrganizationMoved(org.id(), org.path(), newParent.path() + "." + org.id()));
	}

	private static void checkNotBefore(OrganizationSummary o, Decision d) {
		if (d.effectiveOn().isBefore(o.establishedOn())) {
			throw new InvalidInput("Ngày hiệu lực", "trước ngày thành lập của “" + o.name() + "” ("
					+ VnText.date(o.establishedOn()) + ")");
		}
	}

	private void audit(Scope scope, String action, long id, String path, String summary, @Nullable Map<String, ?> before,
			@Nullable Map<String, ?> after) {
		events.publishEvent(new Audited(scope.username(), action, "organization", String.valueOf(id), path, summary, before, after));
	}

	static String json(Map<String, ?> map) {
		return JSON.writeValueAsString(map);
	}
}

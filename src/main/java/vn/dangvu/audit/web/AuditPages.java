package vn.dangvu.audit.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import vn.dangvu.audit.AuditManagement;
import vn.dangvu.audit.ChainCheck;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.Denied;
import vn.dangvu.shared.Scope;

/** The trail of one's scope, and the check of the whole chain (page and API). */
@Controller
class AuditPages {

	private final AuditManagement audit;

	AuditPages(AuditManagement audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	ModelAndView list(Scope scope, @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "1") int page) {
		if (!scope.can(Capability.READ_AUDIT)) {
			throw new Denied("Chỉ cán bộ tổ chức và quản trị viên được xem nhật ký.");
		}
		return new ModelAndView("audit/list").addObject("page", audit.page(scope, action, Math.max(1, page), 50))
			.addObject("action", action).addObject("check", null);
	}

	@GetMapping("/audit/verify")
	ModelAndView verifyPage(Scope scope) {
		ChainCheck check = verify(scope);
		return new ModelAndView("audit/list").addObject("page", audit.page(scope, "", 1, 50)).addObject("action", "")
			.addObject("check", check);
	}

	@GetMapping("/api/v1/audit/verify")
	@ResponseBody
	ChainCheck verify(Scope scope) {
		if (!scope.can(Capability.READ_AUDIT)) {
			throw new Denied("Chỉ cán bộ tổ chức và quản trị viên được kiểm tra nhật ký.");
		}
		return audit.verify();
	}
}

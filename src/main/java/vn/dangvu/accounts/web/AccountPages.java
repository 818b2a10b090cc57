package vn.dangvu.accounts.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import vn.dangvu.accounts.AccountManagement;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.Role;
import vn.dangvu.shared.Scope;

/** Administration of accounts and grants within the administrator's scope; one's own account page. */
@Controller
class AccountPages {

	private final AccountManagement accounts;

	AccountPages(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/account/me")
	ModelAndView me(Scope scope) {
		return me(scope, accounts.emailSettings(scope.username()), List.of(), false);
	}

	private ModelAndView me(Scope scope, AccountManagement.EmailSettings email, List<InvalidInput.Problem> problems, boolean saved) {
		ModelAndView mav = new ModelAndView("accounts/me").addObject("scope", scope).addObject("email", email)
			.addObject("problems", problems).addObject("saved", saved);
		if (!problems.isEmpty()) {
			mav.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return mav;
	}

	/** The person's own address for reminders, and whether they want them. */
	@PostMapping("/account/email")
	ModelAndView email(Scope scope, @RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String notify) {
		boolean on = "true".equals(notify);
		try {
			accounts.setEmailSettings(scope.username(), email, on);
			return me(scope, accounts.emailSettings(scope.username()), List.of(), true);
		}
		catch (InvalidInput e) {
			return me(scope, new AccountManagement.EmailSettings(email, on), e.problems(), false);
		}
	}

	@GetMapping("/accounts")
	ModelAndView list(Scope scope, @RequestParam(defaultValue = "") String q) {
		if (!scope.can(Capability.MANAGE_ACCOUNTS)) {
			return me(scope);
		}
		return page(scope, q, List.of(), null);
	}

	private ModelAndView page(Scope scope, String q, List<InvalidInput.Problem> problems, AccountManagement.@Nullable Created created) {
		ModelAndView mav = new ModelAndView("accounts/list").addObject("accounts", accounts.list(scope, q)).addObject("q", q)
			.addObject("problems", problems).addObject("created", created).addObject("roles", Role.values())
			.addObject("home", scope.homeOrganizationId());
		if (!problems.isEmpty()) {
			mav.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return mav;
	}

	@PostMapping("/accounts")
	ModelAndView create(Scope scope, @RequestParam String username, @RequestParam String displayName,
			@RequestParam long homeOrganizationId, @RequestParam(required = false) @Nullable Long memberId,
			@RequestParam(required = false) @Nullable String role) {
		try {
			Role r = role == null || role.isBlank() ? null : Role.valueOf(role);
			var created = accounts.create(scope, new AccountManagement.CreateAccount(username, displayName, homeOrganizationId,
					memberId, r, homeOrganizationId));
			return page(scope, "", List.of(), created);
		}
		catch (InvalidInput e) {
			return page(scope, "", e.problems(), null);
		}
	}

	@GetMapping("/accounts/{id}")
	ModelAndView show(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String password) {
		return account(scope, id, List.of(), null);
	}

	private ModelAndView account(Scope scope, long id, List<InvalidInput.Problem> problems, @Nullable String newPassword) {
		ModelAndView mav = new ModelAndView("accounts/account").addObject("account", accounts.get(scope, id))
			.addObject("grants", accounts.grants(scope, id)).addObject("roles", Role.values()).addObject("problems", problems)
			.addObject("newPassword", newPassword);
		if (!problems.isEmpty()) {
			mav.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return mav;
	}

	@PostMapping("/accounts/{id}/grants")
	ModelAndView grant(Scope scope, @PathVariable long id, @RequestParam long organizationId, @RequestParam String role) {
		try {
			accounts.grant(scope, id, organizationId, Role.valueOf(role));
			return account(scope, id, List.of(), null);
		}
		catch (InvalidInput e) {
			return account(scope, id, e.problems(), null);
		}
	}

	@PostMapping("/accounts/{id}/grants/{grantId}/revoke")
	ModelAndView revoke(Scope scope, @PathVariable long id, @PathVariable long grantId) {
		accounts.revoke(scope, id, grantId);
		return account(scope, id, List.of(), null);
	}

	@PostMapping("/accounts/{id}/reset")
	ModelAndView reset(Scope scope, @PathVariable long id) {
		return account(scope, id, List.of(), accounts.resetPassword(scope, id));
	}

	@PostMapping("/accounts/{id}/enabled")
	ModelAndView enabled(Scope scope, @PathVariable long id, @RequestParam boolean enabled) {
		accounts.setEnabled(scope, id, enabled);
		return account(scope, id, List.of(), null);
	}
}

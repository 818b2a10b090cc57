package vn.dangvu.accounts.web;

import java.util.List;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import vn.dangvu.accounts.AccountManagement;
import vn.dangvu.shared.InvalidInput;

/** The sign-in steps: password (handled by Spring Security), second factor, first-login password change. */
@Controller
class SignInPages {

	private final AccountManagement accounts;

	SignInPages(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/login")
	ModelAndView login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String logout) {
		String message = error == null ? null : "locked".equals(error)
				? "Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Hãy thử lại sau 15 phút hoặc nhờ quản trị viên đặt lại."
				: "Tên đăng nhập hoặc mật khẩu không đúng.";
		return new ModelAndView("accounts/login").addObject("error", message).addObject("loggedOut", logout != null);
	}

	@GetMapping("/login/totp")
	ModelAndView totp() {
		return new ModelAndView("accounts/totp").addObject("error", null);
	}

	@PostMapping("/login/totp")
	Object verify(Authentication auth, HttpSession session, @RequestParam String code) {
		if (!"VERIFY".equals(session.getAttribute(Gate.SECOND_FACTOR))) {
			return "redirect:/";
		}
		if (accounts.verifyTotp(auth.getName(), code)) {
			session.setAttribute(Gate.SECOND_FACTOR, "OK");
			return "redirect:" + Gate.next(session);
		}
		return new ModelAndView("accounts/totp").addObject("error", "Mã xác thực không đúng hoặc đã hết hạn.");
	}

	@GetMapping("/account/totp")
	ModelAndView enrol(Authentication auth) {
		var e = accounts.startTotp(auth.getName());
		return new ModelAndView("accounts/totp_setup").addObject("secret", e.secret()).addObject("qr", e.qrDataUri())
			.addObject("error", null);
	}

	@PostMapping("/account/totp")
	Object confirm(Authentication auth, HttpSession session, @RequestParam String code) {
		if (accounts.confirmTotp(auth.getName(), code)) {
			session.setAttribute(Gate.SECOND_FACTOR, "OK");
			return "redirect:" + Gate.next(session);
		}
		var e = accounts.startTotp(auth.getName());
		return new ModelAndView("accounts/totp_setup").addObject("secret", e.secret()).addObject("qr", e.qrDataUri())
			.addObject("error", "Mã chưa đúng. Đã tạo mã bí mật mới: hãy quét lại rồi nhập mã.");
	}

	@GetMapping("/account/password")
	ModelAndView password(HttpSession session) {
		return new ModelAndView("accounts/password").addObject("problems", List.of())
			.addObject("forced", Boolean.TRUE.equals(session.getAttribute(Gate.MUST_CHANGE_PASSWORD)));
	}

	@PostMapping("/account/password")
	Object change(Authentication auth, HttpSession session, @RequestParam String current, @RequestParam String next,
			@RequestParam String repeat) {
		try {
			accounts.changePassword(auth.getName(), current, next, repeat);
			session.setAttribute(Gate.MUST_CHANGE_PASSWORD, false);
			return "redirect:" + Gate.next(session) + ("/".equals(Gate.next(session)) ? "?changed" : "");
		}
		catch (InvalidInput e) {
			return new ModelAndView("accounts/password").addObject("problems", e.problems())
				.addObject("forced", Boolean.TRUE.equals(session.getAttribute(Gate.MUST_CHANGE_PASSWORD)));
		}
	}
}

package vn.dangvu.system;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import vn.dangvu.shared.Denied;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.NotFound;

/**
 * One answer for each kind of failure: a page for browsers, an RFC 9457 problem for {@code /api/}. Not found and
 * outside the scope look the same, so guessing ids reveals nothing.
 */
@ControllerAdvice
class ErrorHandling {

	@ExceptionHandler(NotFound.class)
	Object notFound(HttpServletRequest req) {
		return answer(req, HttpStatus.NOT_FOUND, "Không tìm thấy", "Không tìm thấy nội dung này, hoặc nó nằm ngoài phạm vi của bạn.", List.of());
	}

	@ExceptionHandler(Denied.class)
	Object denied(HttpServletRequest req, Denied e) {
		return answer(req, HttpStatus.FORBIDDEN, "Không được phép", e.getMessage(), List.of());
	}

	@ExceptionHandler(InvalidInput.class)
	Object invalid(HttpServletRequest req, InvalidInput e) {
		return answer(req, HttpStatus.UNPROCESSABLE_CONTENT, "Dữ liệu không hợp lệ", e.getMessage(), e.problems());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	Object badRequest(HttpServletRequest req, Exception e) {
		String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
				: ((MissingServletRequestParameterException) e).getParameterName();
		return answer(req, HttpStatus.BAD_REQUEST, "Yêu cầu không hợp lệ", "Tham số “" + name + "” thiếu hoặc sai dạng.",
				List.of(new InvalidInput.Problem(name, "thiếu hoặc sai dạng")));
	}

	static boolean isApi(HttpServletRequest req) {
		return req.getRequestURI().startsWith(req.getContextPath() + "/api/");
	}

	private static Object answer(HttpServletRequest req, HttpStatus status, String title, String detail,
			List<InvalidInput.Problem> problems) {
		if (isApi(req)) {
			ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
			p.setTitle(title);
			p.setInstance(URI.create(req.getRequestURI()));
			if (!problems.isEmpty()) {
				p.setProperty("errors", problems.stream().map(x -> Map.of("field", x.field(), "message", x.message())).toList());
			}
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
		}
		ModelAndView mav = new ModelAndView("system/error");
		mav.setStatus(status);
		mav.addObject("status", status.value());
		mav.addObject("title", title);
		mav.addObject("detail", detail);
		mav.addObject("problems", problems);
		return mav;
	}
}

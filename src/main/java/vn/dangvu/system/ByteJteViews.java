package vn.dangvu.system;

import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Pages are rendered into jte's {@link Utf8ByteOutput} and sent as one block of bytes with its length, instead of
 * jte's default of writing each piece of text through the response's writer. The templates are compiled with
 * {@code binaryStaticContent} (pom.xml), so their fixed parts are UTF-8 bytes made once at build time; only the
 * values are encoded per request. Measured on the cell member page (docs/benchmarks.md): the writer path spent a
 * third of the request's CPU in per-piece wrapper calls and UTF-8 encoding. A failure while rendering now leaves
 * nothing written, so the error page is whole; the length lets a slow phone show progress.
 */
@Configuration(proxyBeanMethods = false)
class ByteJteViews {

	@Bean
	JteViewResolver jteViewResolver(TemplateEngine engine, JteProperties properties) {
		JteViewResolver resolver = new JteViewResolver(engine, properties) {
			@Override
			protected AbstractUrlBasedView instantiateView() {
				return new ByteView(engine);
			}
		};
		// the templates use T, not Spring's macro helpers: no RequestContext built for every page
		resolver.setExposeSpringMacroHelpers(false);
		return resolver;
	}

	static final class ByteView extends JteView {

		private final TemplateEngine engine;

		ByteView(TemplateEngine engine) {
			super(engine);
			this.engine = engine;
		}

		@Override
		protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			Utf8ByteOutput out = new Utf8ByteOutput();
			engine.render(getUrl(), model, out);
			response.setCharacterEncoding("UTF-8");
			response.setContentLength(out.getContentLength());
			out.writeTo(response.getOutputStream());
		}
	}
}

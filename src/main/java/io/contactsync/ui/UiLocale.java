package io.contactsync.ui;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.contactsync.platform.web.ApiLocaleResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The UI speaks Norwegian Bokmål unless the user chose English (a cookie, set by the
 * switch on every page) or the browser asks for English before Norwegian. The API keeps
 * its own rule (English unless {@code Accept-Language} asks for Norwegian), whatever
 * cookie comes with its requests.
 */
@Configuration(proxyBeanMethods = false)
class UiLocale implements WebMvcConfigurer {

	static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

	static final Locale ENGLISH = Locale.ENGLISH;

	/** Norwegian in any of its written forms is answered in Bokmål. */
	private static final List<Locale> OFFERED = List.of(NORWEGIAN, Locale.forLanguageTag("no"),
			Locale.forLanguageTag("nn"), ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("contactsync-language");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction(UiLocale::fromBrowser);
		return ApiLocaleResolver.around(resolver);
	}

	static Locale fromBrowser(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return NORWEGIAN;
		}
		try {
			Locale best = Locale.lookup(Locale.LanguageRange.parse(header), OFFERED);
			return best != null && best.getLanguage().equals("en") ? ENGLISH : NORWEGIAN;
		}
		catch (IllegalArgumentException ex) {
			return NORWEGIAN;
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LanguageSwitch()).excludePathPatterns("/api/**");
	}

	/** {@code ?lang=en} or {@code ?lang=nb} on any page: remembered in the cookie. */
	static final class LanguageSwitch implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String wanted = request.getParameter("lang");
			if ("en".equals(wanted) || "nb".equals(wanted)) {
				LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
				if (resolver != null) {
					resolver.setLocale(request, response, "en".equals(wanted) ? ENGLISH : NORWEGIAN);
				}
			}
			return true;
		}

	}

}

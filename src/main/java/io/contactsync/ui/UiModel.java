package io.contactsync.ui;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.contactsync.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page needs (who is signed in, which roles, which language), and the page a
 * user sees when something cannot be shown: never a stack trace.
 */
@ControllerAdvice(basePackageClasses = UiModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UiModel {

	private static final Logger log = LoggerFactory.getLogger(UiModel.class);

	/** Where the UI shows each kind of linked record. */
	static final Map<String, String> RECORD_PATHS = Map.of("CUSTOMER", "customers", "VENDOR", "vendors", "BANK_ACCOUNT",
			"bank-accounts");

	private final Forms forms;

	UiModel(Forms forms) {
		this.forms = forms;
	}

	@ModelAttribute
	void everyPage(Model model, Locale locale, HttpServletRequest request) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn instanceof AnonymousAuthenticationToken) {
			// Spring Security's stand-in for nobody, named "anonymousUser": not signed
			// in.
			signedIn = null;
		}
		Set<String> roles = signedIn == null ? Set.of()
				: signedIn.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.filter(authority -> authority.startsWith("ROLE_"))
					.map(authority -> authority.substring("ROLE_".length()))
					.collect(Collectors.toSet());
		model.addAttribute("user", signedIn == null ? null : signedIn.getName());
		model.addAttribute("roles", roles);
		model.addAttribute("lang", locale.getLanguage().equals("en") ? "en" : "nb");
		model.addAttribute("path", request.getRequestURI());
		model.addAttribute("recordPaths", RECORD_PATHS);
		model.addAttribute("can", permissions(roles));
	}

	/**
	 * What the signed-in user's roles allow, so that a page offers only what will be
	 * accepted; the security rules and the services decide all the same.
	 */
	static Map<String, Boolean> permissions(Set<String> roles) {
		return Map.of("editContacts", any(roles, "ADMIN", "SALES", "PURCHASING"), "createCustomer",
				any(roles, "ADMIN", "SALES", "FINANCE"), "createVendor", any(roles, "ADMIN", "PURCHASING", "FINANCE"),
				"createBankAccount", any(roles, "ADMIN", "FINANCE"), "link",
				any(roles, "ADMIN", "SALES", "PURCHASING", "FINANCE"), "salesQuote", any(roles, "ADMIN", "SALES"),
				"purchaseQuote", any(roles, "ADMIN", "PURCHASING"), "mergeContacts", any(roles, "ADMIN", "SALES"));
	}

	private static boolean any(Set<String> roles, String... wanted) {
		for (String role : wanted) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

	@ExceptionHandler(ProblemException.class)
	String refused(ProblemException refused, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		everyPage(model, locale, request);
		response.setStatus(refused.status().value());
		model.addAttribute("status", refused.status().value());
		model.addAttribute("message", forms.problem(refused, locale));
		return "error-page";
	}

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class })
	String databaseAway(RuntimeException ex, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		everyPage(model, locale, request);
		log.warn("The database could not be reached for a page: {}", ex.getMessage());
		response.setStatus(503);
		model.addAttribute("status", 503);
		model.addAttribute("message", forms.message("error.unavailable", locale));
		return "error-page";
	}

}

package io.contactsync.ui;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (Spring Security checks what it posts) and the way in. */
@Controller
class LoginWebController {

	private static final String TYPED_USER_NAME = LoginWebController.class.getName() + ".username";

	/** Longer than any user name; what is kept of a longer one is only shown back. */
	private static final int MAX_KEPT = 100;

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		// Only read: showing the page to a stranger starts no session.
		HttpSession session = request.getSession(false);
		if (session != null) {
			model.addAttribute("typedUserName", session.getAttribute(TYPED_USER_NAME));
			session.removeAttribute(TYPED_USER_NAME);
		}
		return "login";
	}

	@GetMapping("/")
	String home() {
		return "redirect:/contacts";
	}

	/**
	 * After a failed sign-in the page comes back with the user name that was typed, so
	 * only the password is typed again. It travels in the session (where Spring Security
	 * keeps the failure anyway), not in the address, which browsers and proxies keep.
	 */
	static final class KeepUserName extends SimpleUrlAuthenticationFailureHandler {

		KeepUserName() {
			super("/login?error");
		}

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException, ServletException {
			String typed = request.getParameter("username");
			if (typed != null && !typed.isBlank()) {
				request.getSession()
					.setAttribute(TYPED_USER_NAME, typed.length() > MAX_KEPT ? typed.substring(0, MAX_KEPT) : typed);
			}
			super.onAuthenticationFailure(request, response, exception);
		}

	}

}

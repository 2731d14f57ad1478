package io.contactsync.ui;

import io.contactsync.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may see and do what in the UI: form login with a session, CSRF tokens on every form
 * and htmx request, and the same roles per kind of record as the API (docs/rest.md,
 * "Roles"). A path without a rule of its own is for administrators only, so nothing new
 * is open by accident.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurityConfiguration {

	private static final String ADMIN = Role.ADMIN.name();

	private static final String SALES = Role.SALES.name();

	private static final String PURCHASING = Role.PURCHASING.name();

	private static final String FINANCE = Role.FINANCE.name();

	@Bean
	@Order(2)
	SecurityFilterChain ui(HttpSecurity http) throws Exception {
		SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
		signedIn.setDefaultTargetUrl("/contacts");
		signedIn.setRedirectStrategy(new PathOnlyRedirects());
		http.formLogin(form -> form.loginPage("/login")
			.successHandler(signedIn)
			.failureHandler(new LoginWebController.KeepUserName())
			.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; object-src 'none';"
						+ " base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.authorizeHttpRequests(rules -> rules
				.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
				.permitAll()
				.requestMatchers("/setup/**")
				.hasRole(ADMIN)
				.requestMatchers("/bank-accounts/**")
				.hasAnyRole(ADMIN, FINANCE)
				// Who may import a kind of record is who may write it: the import checks
				// it.
				.requestMatchers("/imports", "/imports/**")
				.hasAnyRole(ADMIN, SALES, PURCHASING, FINANCE)
				// Merging contacts is for those who own the customer side
				// (docs/merge.md).
				.requestMatchers("/contacts/merge", "/contacts/merge/**", "/contacts/merges/**")
				.hasAnyRole(ADMIN, SALES)
				.requestMatchers(HttpMethod.GET, "/**")
				.authenticated()
				.requestMatchers("/contacts/*/create/CUSTOMER")
				.hasAnyRole(ADMIN, SALES, FINANCE)
				.requestMatchers("/contacts/*/create/VENDOR")
				.hasAnyRole(ADMIN, PURCHASING, FINANCE)
				.requestMatchers("/contacts/*/create/BANK_ACCOUNT")
				.hasAnyRole(ADMIN, FINANCE)
				// Which kind of record is linked is in the form: Linking checks it.
				.requestMatchers("/contacts/*/link")
				.hasAnyRole(ADMIN, SALES, PURCHASING, FINANCE)
				.requestMatchers("/contacts/*/documents/sales-quotes")
				.hasAnyRole(ADMIN, SALES)
				.requestMatchers("/contacts/*/documents/purchase-quotes")
				.hasAnyRole(ADMIN, PURCHASING)
				.requestMatchers("/contacts", "/contacts/**")
				.hasAnyRole(ADMIN, SALES, PURCHASING)
				.requestMatchers("/customers", "/customers/**")
				.hasAnyRole(ADMIN, SALES, FINANCE)
				.requestMatchers("/vendors", "/vendors/**")
				.hasAnyRole(ADMIN, PURCHASING, FINANCE)
				.requestMatchers("/documents/sales-*/**", "/documents/service-orders/**")
				.hasAnyRole(ADMIN, SALES)
				.requestMatchers("/documents/purchase-*/**")
				.hasAnyRole(ADMIN, PURCHASING)
				.requestMatchers("/jobs", "/jobs/**")
				.hasAnyRole(ADMIN, FINANCE)
				.anyRequest()
				.hasRole(ADMIN));
		return http.build();
	}

}

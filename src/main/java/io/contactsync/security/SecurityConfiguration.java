package io.contactsync.security;

import java.util.List;

import io.contactsync.platform.Message;
import io.contactsync.platform.ContactSyncProperties;
import io.contactsync.platform.web.ProblemWriter;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Who may call what. The API is stateless (HTTP Basic or a bearer token on every call);
 * each path is given to the roles of docs/rest.md ("Roles"), and a path without a rule of
 * its own falls to the last rule, administrators only, so that nothing new is open by
 * accident.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String ADMIN = Role.ADMIN.name();

	private static final String SALES = Role.SALES.name();

	private static final String PURCHASING = Role.PURCHASING.name();

	private static final String FINANCE = Role.FINANCE.name();

	private static final String[] EVERY_ROLE = { Role.ADMIN.name(), Role.SALES.name(), Role.PURCHASING.name(),
			Role.FINANCE.name(), Role.VIEWER.name() };

	/** The methods the firewall lets through (its defaults). */
	private static final List<String> KNOWN_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
			"OPTIONS");

	/** The setup resources: everybody reads them, administrators change them. */
	static final String[] SETUP_PATHS = { "/api/v1/setup/**", "/api/v1/number-series/**",
			"/api/v1/business-relations/**", "/api/v1/customer-templates/**", "/api/v1/vendor-templates/**",
			"/api/v1/interaction-templates/**", "/api/v1/salespeople/**", "/api/v1/territories/**",
			"/api/v1/countries-regions/**", "/api/v1/languages/**", "/api/v1/currencies/**", "/api/v1/post-codes/**" };

	/** Sales documents and service orders: SALES writes them. */
	static final String[] SALES_DOCUMENTS = { "/api/v1/sales-quotes/**", "/api/v1/sales-orders/**",
			"/api/v1/sales-blanket-orders/**", "/api/v1/service-orders/**" };

	static final String[] PURCHASE_DOCUMENTS = { "/api/v1/purchase-quotes/**", "/api/v1/purchase-orders/**",
			"/api/v1/purchase-blanket-orders/**" };

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Sign-ins, right and wrong, as events: {@link FailedLogins} counts the wrong ones.
	 */
	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
		return new DefaultAuthenticationEventPublisher(events);
	}

	/**
	 * A request the firewall refuses (a path with {@code //}, {@code ;} or an encoded
	 * {@code %}) is told so in the API's own words, not by the container's error page.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, ex) -> {
			// The firewall refuses methods it does not know too: that is 405, not a bad
			// path.
			if (!KNOWN_METHODS.contains(request.getMethod())) {
				response.setHeader(HttpHeaders.ALLOW, String.join(", ", KNOWN_METHODS));
				ProblemWriter.write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
						Message.of("detail.methodNotAllowed",
								request.getMethod().matches("[A-Za-z]{1,20}") ? request.getMethod() : "?"));
				return;
			}
			ProblemWriter.write(request, response, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
					Message.of("detail.badPath"));
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ContactSyncProperties properties) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"ContactSync\"");
			ProblemWriter.write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
					Message.of("detail.unauthorized"));
		};
		AccessDeniedHandler forbidden = (request, response, ex) -> ProblemWriter.write(request, response,
				HttpStatus.FORBIDDEN, "FORBIDDEN", Message.of("detail.forbidden"));
		// The YAML form of the API's description too: without it, it fell to the web
		// pages' chain, which sent a program with a token to the sign-in page.
		http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**",
				"/swagger-ui.html")
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.addFilterBefore(new CrossSiteWrites(properties.publicOrigin()), BasicAuthenticationFilter.class)
			.addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
			.authorizeHttpRequests(rules -> rules.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(ADMIN)
				.requestMatchers("/api/v1/users/**")
				.hasRole(ADMIN)
				.requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**")
				.hasRole(ADMIN)
				.requestMatchers(HttpMethod.GET, SETUP_PATHS)
				.hasAnyRole(EVERY_ROLE)
				.requestMatchers(SETUP_PATHS)
				.hasRole(ADMIN)
				// Who may import a kind of record is who may write it: Imports checks it.
				.requestMatchers("/api/v1/imports", "/api/v1/imports/**")
				.hasAnyRole(ADMIN, SALES, PURCHASING, FINANCE)
				.requestMatchers(HttpMethod.GET, "/api/v1/contacts/**", "/api/v1/customers/**", "/api/v1/vendors/**",
						"/api/v1/change-log")
				.hasAnyRole(EVERY_ROLE)
				.requestMatchers(HttpMethod.GET, "/api/v1/jobs/**")
				.hasAnyRole(EVERY_ROLE)
				// Which record types a reader sees is decided by the feed, by role.
				.requestMatchers(HttpMethod.GET, "/api/v1/changes")
				.hasAnyRole(EVERY_ROLE)
				.requestMatchers("/api/v1/jobs/**")
				.hasAnyRole(ADMIN, FINANCE)
				.requestMatchers(HttpMethod.GET, SALES_DOCUMENTS)
				.hasAnyRole(EVERY_ROLE)
				.requestMatchers(HttpMethod.GET, PURCHASE_DOCUMENTS)
				.hasAnyRole(EVERY_ROLE)
				.requestMatchers(SALES_DOCUMENTS)
				.hasAnyRole(ADMIN, SALES)
				.requestMatchers(PURCHASE_DOCUMENTS)
				.hasAnyRole(ADMIN, PURCHASING)
				.requestMatchers(HttpMethod.GET, "/api/v1/interaction-log-entries/**", "/api/v1/outbox")
				.hasAnyRole(EVERY_ROLE)
				.requestMatchers("/api/v1/interaction-log-entries/*/cancel")
				.hasAnyRole(ADMIN, SALES, PURCHASING)
				.requestMatchers(HttpMethod.GET, "/api/v1/bank-accounts/**")
				.hasAnyRole(ADMIN, FINANCE)
				.requestMatchers("/api/v1/contacts/*/create-customer")
				.hasAnyRole(ADMIN, SALES, FINANCE)
				.requestMatchers("/api/v1/contacts/*/create-vendor")
				.hasAnyRole(ADMIN, PURCHASING, FINANCE)
				.requestMatchers("/api/v1/contacts/*/create-bank-account")
				.hasAnyRole(ADMIN, FINANCE)
				// Merging contacts is for those who own the customer side
				// (docs/merge.md).
				.requestMatchers("/api/v1/contacts/merge", "/api/v1/contacts/merge/**", "/api/v1/contacts/merges/**")
				.hasAnyRole(ADMIN, SALES)
				// Which kind of record is linked is in the body: Linking checks it.
				.requestMatchers("/api/v1/contacts/*/link")
				.hasAnyRole(ADMIN, SALES, PURCHASING, FINANCE)
				.requestMatchers("/api/v1/contacts/**")
				.hasAnyRole(ADMIN, SALES, PURCHASING)
				.requestMatchers("/api/v1/customers/**")
				.hasAnyRole(ADMIN, SALES, FINANCE)
				.requestMatchers("/api/v1/vendors/**")
				.hasAnyRole(ADMIN, PURCHASING, FINANCE)
				.requestMatchers("/api/v1/bank-accounts/**")
				.hasAnyRole(ADMIN, FINANCE)
				.anyRequest()
				.hasRole(ADMIN));
		return http.build();
	}

}

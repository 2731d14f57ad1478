package io.contactsync.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.util.AntPathMatcher;

/**
 * Who may call what: the role tables {@link AuthorizationMatrixTest} holds every mapped
 * endpoint to, as docs/rest.md ("Users and roles") and the web UI give them.
 */
final class AccessTables {

	private static final Set<Role> ALL = EnumSet.allOf(Role.class);

	private static final Set<Role> ALL_BUT_BANK = EnumSet.of(Role.ADMIN, Role.SALES, Role.PURCHASING, Role.FINANCE,
			Role.VIEWER);

	private static final String[] SETUP = { "/api/v1/setup/**", "/api/v1/number-series/**",
			"/api/v1/business-relations/**", "/api/v1/customer-templates/**", "/api/v1/vendor-templates/**",
			"/api/v1/interaction-templates/**", "/api/v1/salespeople/**", "/api/v1/territories/**",
			"/api/v1/countries-regions/**", "/api/v1/languages/**", "/api/v1/currencies/**", "/api/v1/post-codes/**" };

	/**
	 * docs/rest.md, "Users and roles", one rule per line; the first that matches decides.
	 * A change made on a contact that creates or links a customer, vendor or bank account
	 * is a write of that record.
	 */
	static final List<Rule> API = List.of(
			// the API's own description is public
			Rule.get(ALL, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml"),
			Rule.any(EnumSet.of(Role.ADMIN), "/api/v1/users/**", "/api/v1/users"), Rule.get(ALL, SETUP),
			Rule.any(EnumSet.of(Role.ADMIN), SETUP),
			Rule.get(EnumSet.of(Role.ADMIN, Role.FINANCE), "/api/v1/bank-accounts", "/api/v1/bank-accounts/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.FINANCE), "/api/v1/bank-accounts", "/api/v1/bank-accounts/**"),
			Rule.any(EnumSet.of(Role.ADMIN), "/api/v1/webhooks", "/api/v1/webhooks/**"),
			// who may import a kind is who may write it, which the import checks by its
			// kind
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES, Role.PURCHASING, Role.FINANCE), "/api/v1/imports",
					"/api/v1/imports/**"),
			Rule.get(ALL_BUT_BANK, "/api/v1/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES, Role.FINANCE), "/api/v1/contacts/*/create-customer"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.PURCHASING, Role.FINANCE), "/api/v1/contacts/*/create-vendor"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.FINANCE), "/api/v1/contacts/*/create-bank-account"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES, Role.PURCHASING, Role.FINANCE), "/api/v1/contacts/*/link"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES), "/api/v1/contacts/merge", "/api/v1/contacts/merge/**",
					"/api/v1/contacts/merges/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES, Role.PURCHASING), "/api/v1/contacts", "/api/v1/contacts/**",
					"/api/v1/interaction-log-entries/*/cancel"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES, Role.FINANCE), "/api/v1/customers", "/api/v1/customers/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.PURCHASING, Role.FINANCE), "/api/v1/vendors", "/api/v1/vendors/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES), "/api/v1/sales-*", "/api/v1/sales-*/**",
					"/api/v1/service-orders", "/api/v1/service-orders/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.PURCHASING), "/api/v1/purchase-*", "/api/v1/purchase-*/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.FINANCE), "/api/v1/jobs", "/api/v1/jobs/**"));

	/** The web UI gives each role the same as the API does, page by page. */
	static final List<Rule> UI = List.of(Rule.get(ALL, "/login"),
			Rule.any(EnumSet.of(Role.ADMIN), "/setup", "/setup/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.FINANCE), "/bank-accounts", "/bank-accounts/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES, Role.PURCHASING, Role.FINANCE), "/imports", "/imports/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES), "/contacts/merge", "/contacts/merge/**",
					"/contacts/merges/**"),
			Rule.get(ALL_BUT_BANK, "/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES, Role.FINANCE), "/contacts/*/create/CUSTOMER"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.PURCHASING, Role.FINANCE), "/contacts/*/create/VENDOR"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.FINANCE), "/contacts/*/create/BANK_ACCOUNT"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES, Role.PURCHASING, Role.FINANCE), "/contacts/*/link"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES), "/contacts/*/documents/sales-quotes"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.PURCHASING), "/contacts/*/documents/purchase-quotes"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES, Role.PURCHASING), "/contacts", "/contacts/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES, Role.FINANCE), "/customers", "/customers/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.PURCHASING, Role.FINANCE), "/vendors", "/vendors/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.SALES), "/documents/sales-*/**", "/documents/service-orders/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.PURCHASING), "/documents/purchase-*/**"),
			Rule.any(EnumSet.of(Role.ADMIN, Role.FINANCE), "/jobs", "/jobs/**"));

	private AccessTables() {
	}

	/** Some methods of some paths, given to some roles. */
	record Rule(Set<String> methods, List<String> patterns, Set<Role> roles) {

		private static final AntPathMatcher PATHS = new AntPathMatcher();

		static Rule get(Set<Role> roles, String... patterns) {
			return new Rule(Set.of("GET", "HEAD"), List.of(patterns), roles);
		}

		static Rule any(Set<Role> roles, String... patterns) {
			return new Rule(Set.of(), List.of(patterns), roles);
		}

		boolean matches(AuthorizationMatrixTest.Endpoint endpoint) {
			return (methods.isEmpty() || methods.contains(endpoint.method()))
					&& patterns.stream().anyMatch(pattern -> PATHS.match(pattern, endpoint.path()));
		}

	}

}

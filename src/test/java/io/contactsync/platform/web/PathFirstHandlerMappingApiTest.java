package io.contactsync.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over every mapping of the application: a request made from each of its patterns, with
 * its own methods and with one it does not take, finds the same handler (or the same
 * refusal) through the path-first mapping the application uses as through Spring's own,
 * set up alike. It also prints what one look-up costs each way, for the record; the
 * benchmarks say what that is worth to a request.
 */
class PathFirstHandlerMappingApiTest extends ApiTest {

	private static final int LOOKUPS = 20_000;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping application;

	@Autowired
	ApplicationContext context;

	@Test
	void everyMappingOfTheApplicationFindsWhatSpringFinds() {
		RequestMappingHandlerMapping spring = springsOwn();
		List<String[]> requests = new ArrayList<>();
		for (RequestMappingInfo info : application.getHandlerMethods().keySet()) {
			Set<PathPattern> patterns = info.getPathPatternsCondition() == null ? Set.of()
					: info.getPathPatternsCondition().getPatterns();
			for (PathPattern pattern : patterns) {
				String path = pathFor(pattern.getPatternString());
				info.getMethodsCondition()
					.getMethods()
					.forEach(method -> requests.add(new String[] { method.name(), path }));
				requests.add(new String[] { "GET", path });
				requests.add(new String[] { "PUT", path });
				requests.add(new String[] { "GET", path + "/x/y" });
			}
		}

		assertThat(requests).as("requests made from the application's mappings").hasSizeGreaterThan(500);
		for (String[] request : requests) {
			assertThat(outcome(application, request[0], request[1])).as(request[0] + " " + request[1])
				.isEqualTo(outcome(spring, request[0], request[1]));
		}

		for (String[] request : List.of(new String[] { "GET", "/api/v1/contacts/K00010" },
				new String[] { "PATCH", "/api/v1/contacts/K00010" }, new String[] { "GET", "/api/v1/contacts" })) {
			System.out.printf("Handler look-up of %s %s: %.1f µs through Spring's own mapping, %.1f µs path first%n",
					request[0], request[1], microsPerLookup(spring, request), microsPerLookup(application, request));
		}
	}

	private RequestMappingHandlerMapping springsOwn() {
		RequestMappingHandlerMapping spring = new RequestMappingHandlerMapping();
		spring.setPatternParser(application.getPatternParser());
		spring.setContentNegotiationManager(application.getContentNegotiationManager());
		spring.setPathPrefixes(application.getPathPrefixes());
		spring.setApplicationContext(context);
		// paths named by settings (${server.error.path}) read as the application reads
		// them
		spring.setEmbeddedValueResolver(
				new EmbeddedValueResolver(((ConfigurableApplicationContext) context).getBeanFactory()));
		spring.afterPropertiesSet();
		return spring;
	}

	/** A path the pattern matches: each variable and wildcard filled in. */
	private static String pathFor(String pattern) {
		return pattern.replaceAll("\\{\\*[^}]*}", "a/b")
			.replaceAll("\\{[^}]*}", "X1")
			.replace("**", "a/b")
			.replace("*", "a")
			.replace("?", "a");
	}

	private static double microsPerLookup(RequestMappingHandlerMapping mapping, String[] request) {
		for (int i = 0; i < LOOKUPS; i++) {
			outcome(mapping, request[0], request[1]);
		}
		long started = System.nanoTime();
		for (int i = 0; i < LOOKUPS; i++) {
			outcome(mapping, request[0], request[1]);
		}
		return (System.nanoTime() - started) / 1e3 / LOOKUPS;
	}

	private static String outcome(RequestMappingHandlerMapping mapping, String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (!method.equals("GET") && !method.equals("DELETE")) {
			request.setContentType("application/json");
			request.setContent("{}".getBytes());
		}
		request.addHeader("Accept", "application/json");
		ServletRequestPathUtils.parseAndCache(request);
		try {
			HandlerExecutionChain chain = mapping.getHandler(request);
			return chain == null ? "none" : ((HandlerMethod) chain.getHandler()).getMethod().toGenericString();
		}
		catch (Exception ex) {
			return ex.getClass().getSimpleName();
		}
	}

}

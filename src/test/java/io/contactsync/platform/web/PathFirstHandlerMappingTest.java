package io.contactsync.platform.web;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler mapping that looks at the path first finds what Spring's own finds, for
 * every kind of request: a match by variable, wildcard or capture, a wrong method (405),
 * a wrong media type (415), an escaped path, a matrix parameter, a path in another case,
 * and none at all.
 */
class PathFirstHandlerMappingTest {

	private final RequestMappingHandlerMapping spring = mapping(new RequestMappingHandlerMapping());

	private final RequestMappingHandlerMapping pathFirst = mapping(new PathFirstHandlerMapping());

	@ParameterizedTest(name = "{0} {1} -> {3}")
	@CsvSource(delimiter = '|', textBlock = """
			GET    | /api/v1/things/K1                  |                  | get
			GET    | /api/v1/things                     |                  | list
			GET    | /api/v1/thingsets/7                |                  | thingset
			PATCH  | /api/v1/things/K1                  | application/json | patch
			PATCH  | /api/v1/things/K1                  | text/plain       | HttpMediaTypeNotSupportedException
			PUT    | /api/v1/things/K1                  | application/json | HttpRequestMethodNotSupportedException
			DELETE | /api/v1/things/K1                  |                  | delete
			POST   | /api/v1/things/K1/create-vendor    |                  | createVendor
			GET    | /api/v1/things/K1/documents/3      |                  | document
			GET    | /api/v1/things/files/a/b/c         |                  | files
			GET    | /api/v1/things/kode                |                  | wildcard
			GET    | /api/v1/things/K%201               |                  | get
			GET    | /api/v1/%74hings/K1                |                  | get
			GET    | /api/v1/things;x=1/K1              |                  | get
			GET    | /API/v1/things/K1                  |                  | none
			GET    | /ui/contacts/K1                    |                  | ui
			GET    | /nothing/here                      |                  | none
			""")
	void findsWhatSpringFinds(String method, String path, String contentType, String expected) throws Exception {
		assertThat(outcome(pathFirst, method, path, contentType)).as("the path-first mapping")
			.isEqualTo(outcome(spring, method, path, contentType))
			.isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/api/v1/things/{no}                  | /api/v1/things/
			/api/v1/things/files/{*rest}         | /api/v1/things/files/
			/api/v1/things/k?de                  | /api/v1/things/k
			/ui/**                               | /ui/
			/api/v1/things                       | /api/v1/things
			""")
	void aPatternBeginsWithItsTextUpToTheFirstVariableOrWildcard(String pattern, String start) {
		assertThat(PathFirstHandlerMapping.starts(RequestMappingInfo.paths(pattern).build())).containsExactly(start);
	}

	private static String outcome(RequestMappingHandlerMapping mapping, String method, String path,
			String contentType) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (contentType != null) {
			request.setContentType(contentType);
			request.setContent("{}".getBytes());
		}
		ServletRequestPathUtils.parseAndCache(request);
		try {
			HandlerExecutionChain chain = mapping.getHandler(request);
			return chain == null ? "none" : ((HandlerMethod) chain.getHandler()).getMethod().getName();
		}
		catch (Exception ex) {
			return ex.getClass().getSimpleName();
		}
	}

	private static RequestMappingHandlerMapping mapping(RequestMappingHandlerMapping mapping) {
		StaticWebApplicationContext context = new StaticWebApplicationContext();
		for (Class<?> controller : List.of(Things.class, Others.class)) {
			context.registerSingleton(controller.getSimpleName(), controller);
		}
		context.refresh();
		mapping.setApplicationContext(context);
		mapping.afterPropertiesSet();
		return mapping;
	}

	@RestController
	@RequestMapping("/api/v1/things")
	static class Things {

		@GetMapping("/{no}")
		void get() {
		}

		@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
		void list() {
		}

		@PatchMapping(path = "/{no}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
		void patch() {
		}

		@DeleteMapping("/{no}")
		void delete() {
		}

		@PostMapping("/{no}/create-vendor")
		void createVendor() {
		}

		@GetMapping("/{no}/documents/{id}")
		void document() {
		}

		@GetMapping("/files/{*rest}")
		void files() {
		}

		@GetMapping("/k?de")
		void wildcard() {
		}

	}

	@RestController
	static class Others {

		@GetMapping("/api/v1/thingsets/{id}")
		void thingset() {
		}

		@GetMapping("/ui/**")
		void ui() {
		}

	}

}

package io.contactsync.platform.web;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.contactsync.platform.Message;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Problems;
import io.contactsync.support.ApiSlice;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every kind of failure a request can meet becomes a problem a client can act on: its
 * status, the stable {@code code}, the fields it is about, as
 * {@code application/problem+json}. A probe controller raises each kind; no service and
 * no database take part.
 */
@ApiSlice(ApiProblemMappingTest.ProbeController.class)
@Import(ApiProblemMappingTest.ProbeController.class)
@TestPropertySource(properties = "contactsync.max-request-bytes=256")
@WithMockUser
class ApiProblemMappingTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	static Stream<Arguments> problemsOfTheApplication() {
		return Stream.of(
				Arguments.of(
						new Problems.ValidationFailed(List.of(new FieldError("name", "invalid.required"),
								new FieldError("city", "invalid.tooLong", "31", "30"))),
						422, "VALIDATION_FAILED", List.of("name", "city")),
				Arguments.of(new Problems.MalformedRequest("cursor", "invalid.cursor"), 400, "MALFORMED_REQUEST",
						List.of("cursor")),
				Arguments.of(
						new Problems.UnknownCode("salespersonCode", "invalid.unknownCode",
								Problems.kindName("SALESPERSON"), "X"),
						422, "UNKNOWN_CODE", List.of("salespersonCode")),
				Arguments.of(new Problems.NotFound(Problems.kindName("CONTACT"), "CT404"), 404, "NOT_FOUND", List.of()),
				Arguments.of(new Problems.AlreadyExists(Problems.kindName("CUSTOMER"), "K1"), 409, "ALREADY_EXISTS",
						List.of()),
				Arguments.of(new Problems.InUse(Message.of("detail.stillUsed", Problems.kindName("CUSTOMER"), "K1")),
						409, "IN_USE", List.of()),
				Arguments.of(new Problems.Forbidden(Message.of("detail.forbidden")), 403, "FORBIDDEN", List.of()),
				Arguments.of(new Problems.PreconditionRequired(), 428, "PRECONDITION_REQUIRED", List.of()),
				Arguments.of(new Problems.VersionConflict(Problems.kindName("CONTACT"), "CT1", 4), 412,
						"VERSION_CONFLICT", List.of()));
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("problemsOfTheApplication")
	void aProblemOfTheApplicationKeepsItsStatusCodeAndFields(RuntimeException problem, int status, String code,
			List<String> fields) {
		ProbeController.raising(problem);

		assertProblem(mvc.get().uri("/api/v1/probe/raise").exchange(), status, code, fields);
	}

	@Test
	void aStaleVersionTellsTheCurrentOne() {
		ProbeController.raising(new Problems.VersionConflict(Problems.kindName("CONTACT"), "CT1", 4));

		assertThat(mvc.get().uri("/api/v1/probe/raise")).bodyJson().extractingPath("$.currentVersion").isEqualTo(4);
	}

	@Test
	void aQueryParameterOfTheWrongTypeIsAMalformedRequestNamingIt() {
		assertProblem(mvc.get().uri("/api/v1/probe/numbers/{n}", "seven").exchange(), 400, "MALFORMED_REQUEST",
				List.of("n"));
	}

	@Test
	void bodyThatIsNoJsonIsAMalformedRequest() {
		MvcTestResult result = postOrder("{\"customerNo\": ");

		assertProblem(result, 400, "MALFORMED_REQUEST", List.of());
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("The request body is not valid JSON.");
	}

	@Test
	void aFieldTheRequestDoesNotHaveIsNamedWhereverItIs() {
		assertProblem(postOrder("{\"customerNo\": \"K1\", \"colour\": \"red\"}"), 400, "MALFORMED_REQUEST",
				List.of("colour"));
		assertProblem(postOrder(
				"{\"customerNo\": \"K1\", \"lines\": [{\"itemNo\": \"A\", \"quantity\": 2, \"colour\": \"red\"}]}"),
				400, "MALFORMED_REQUEST", List.of("lines[0].colour"));
	}

	@Test
	void aValueOfTheWrongTypeIsNamedWhereverItIs() {
		assertProblem(postOrder("{\"customerNo\": \"K1\", \"lines\": [{\"itemNo\": \"A\", \"quantity\": \"two\"}]}"),
				400, "MALFORMED_REQUEST", List.of("lines[0].quantity"));
		assertProblem(postOrder("{\"customerNo\": 10}"), 400, "MALFORMED_REQUEST", List.of("customerNo"));
	}

	@Test
	void aDateIsTextAndNothingElse() {
		// Jackson would read [] as no date, and [y, m, d] as one; nor is a date a day
		// number
		assertProblem(postOrder("{\"customerNo\": \"K1\", \"deliveryDate\": []}"), 400, "MALFORMED_REQUEST",
				List.of("deliveryDate"));
		assertProblem(postOrder("{\"customerNo\": \"K1\", \"deliveryDate\": [2026, 12, 24]}"), 400, "MALFORMED_REQUEST",
				List.of("deliveryDate"));
		assertProblem(postOrder("{\"customerNo\": \"K1\", \"deliveryDate\": 20811}"), 400, "MALFORMED_REQUEST",
				List.of("deliveryDate"));
		assertThat(postOrder("{\"customerNo\": \"K1\", \"deliveryDate\": \"2026-12-24\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("deliveryDate")
			.isEqualTo("2026-12-24");
	}

	@Test
	void aKeyGivenTwiceIsAMalformedRequest() {
		assertProblem(postOrder("{\"customerNo\": \"K1\", \"customerNo\": \"K2\"}"), 400, "MALFORMED_REQUEST",
				List.of());
	}

	@Test
	void aMissingBodyIsAMalformedRequest() {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/probe/orders")
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.exchange();

		assertProblem(result, 400, "MALFORMED_REQUEST", List.of());
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("The request needs a JSON body.");
	}

	@Test
	void aDuplicateKeyMetInTheDatabaseIsAConflictOverTheKey() {
		ProbeController.raising(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505")));

		assertProblem(mvc.get().uri("/api/v1/probe/raise").exchange(), 409, "ALREADY_EXISTS", List.of());
	}

	@Test
	void aReferenceToNothingMetInTheDatabaseIsAConflictOverItsUse() {
		ProbeController.raising(new DataIntegrityViolationException("foreign key",
				new SQLException("violates foreign key constraint", "23503")));

		assertProblem(mvc.get().uri("/api/v1/probe/raise").exchange(), 409, "IN_USE", List.of());
	}

	@Test
	void anyOtherRuleOfTheDatabaseIsAValidationProblemThatTellsNothingOfItsInsides() {
		ProbeController.raising(new DataIntegrityViolationException("check",
				new SQLException("new row violates check constraint \"contact_type_valid\"", "23514")));

		MvcTestResult result = mvc.get().uri("/api/v1/probe/raise").exchange();

		assertProblem(result, 422, "VALIDATION_FAILED", List.of());
		assertThat(result).bodyText().doesNotContain("contact_type_valid");
	}

	@Test
	void twoWritersMeetingInTheDatabaseIsAVersionConflict() {
		ProbeController.raising(new OptimisticLockingFailureException("row was updated"));

		assertProblem(mvc.get().uri("/api/v1/probe/raise").exchange(), 412, "VERSION_CONFLICT", List.of());
	}

	@Test
	void aDatabaseThatIsAwayIsUnavailableForAWhileAndSaysWhenToTryAgain() {
		ProbeController.raising(new CannotGetJdbcConnectionException("pool timed out"));

		MvcTestResult result = mvc.get().uri("/api/v1/probe/raise").exchange();

		assertProblem(result, 503, "SERVICE_UNAVAILABLE", List.of());
		assertThat(result).hasHeader("Retry-After", "5");
	}

	@Test
	void aFaultOfTheServerIsAnInternalErrorThatTellsNothingOfItsInsides() {
		ProbeController.raising(new IllegalStateException("connection to db-internal-7:5432 as app_owner failed"));

		MvcTestResult result = mvc.get().uri("/api/v1/probe/raise").exchange();

		assertProblem(result, 500, "INTERNAL_ERROR", List.of());
		assertThat(result).bodyText().doesNotContain("db-internal-7").doesNotContain("app_owner");
	}

	@Test
	void aPathThatLeadsNowhereIsNotFound() {
		assertProblem(mvc.get().uri("/api/v1/probe/nothing/here").exchange(), 404, "NOT_FOUND", List.of());
	}

	@Test
	void aMethodThePathDoesNotTakeIsNotAllowed() {
		assertProblem(mvc.delete().uri("/api/v1/probe/raise").with(csrf()).exchange(), 405, "METHOD_NOT_ALLOWED",
				List.of());
	}

	@Test
	void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/probe/orders")
			.with(csrf())
			.contentType(MediaType.TEXT_PLAIN)
			.content("customerNo=K1")
			.exchange();

		assertProblem(result, 415, "UNSUPPORTED_MEDIA_TYPE", List.of());
	}

	@Test
	void aControlCharacterInAQueryParameterIsRefusedNamingTheParameter() {
		assertProblem(mvc.get().uri("/api/v1/probe/raise?q={q}", "Aker\u0000; DROP").exchange(), 400,
				"MALFORMED_REQUEST", List.of("q"));
	}

	@Test
	void aBodyLargerThanTheLimitIsRefusedBeforeAnythingReadsIt() {
		MvcTestResult result = postOrder("{\"customerNo\": \"" + "K".repeat(300) + "\"}");

		assertProblem(result, 413, "PAYLOAD_TOO_LARGE", List.of());
	}

	private MvcTestResult postOrder(String json) {
		return mvc.post()
			.uri("/api/v1/probe/orders")
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private static void assertProblem(MvcTestResult result, int status, String code, List<String> fields) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = JSON.readTree(result.getResponse().getContentAsByteArray());
		assertThat(problem.path("status").asInt()).as("status").isEqualTo(status);
		assertThat(problem.path("code").asString()).as("code").isEqualTo(code);
		// RFC 9457: a problem without a type is of type about:blank, as is one that says
		// so
		assertThat(problem.path("type").asString("about:blank")).as("type").isEqualTo("about:blank");
		// Spring MVC's own problems (404, 405, 415) have no errors member: no field to
		// name
		List<String> named = new ArrayList<>();
		problem.path("errors").forEach(error -> named.add(error.path("field").asString()));
		assertThat(named).as("errors[].field").containsExactlyElementsOf(fields);
	}

	/**
	 * Raises what a test asks for, and takes the shapes of request a real controller
	 * takes.
	 */
	@RestController
	@RequestMapping("/api/v1/probe")
	static class ProbeController {

		private static final Map<Thread, RuntimeException> NEXT = new java.util.concurrent.ConcurrentHashMap<>();

		static void raising(RuntimeException problem) {
			NEXT.put(Thread.currentThread(), problem);
		}

		@GetMapping("/raise")
		void raise() {
			RuntimeException problem = NEXT.remove(Thread.currentThread());
			throw problem != null ? problem : new IllegalStateException("the test did not say what to raise");
		}

		@GetMapping("/numbers/{n}")
		int number(@PathVariable int n) {
			return n;
		}

		@PostMapping("/orders")
		Order order(@RequestBody Order order) {
			return order;
		}

		record Order(String customerNo, List<Line> lines, @Nullable LocalDate deliveryDate) {
		}

		record Line(String itemNo, int quantity) {
		}

	}

}

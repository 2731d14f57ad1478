package io.contactsync.platform.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns everything a request can go wrong with into an RFC 9457 problem with a stable
 * {@code code}: the application's own {@link ProblemException}s, Spring MVC's own errors,
 * bad JSON, database constraints met in a race, and a database that is away. Nothing a
 * client sends leads to a 5xx; what the server did wrong leads to a 500 that tells
 * nothing of its insides.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	private final MessageSource messages;

	ApiProblemHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> handleProblem(ProblemException ex) {
		ProblemDetail problem = problem(ex.status(), ex.code(), ex.detail(), ex.errors());
		ex.properties().forEach(problem::setProperty);
		return response(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		FieldError error = new FieldError(ex.getName(), "invalid.type",
				ex.getRequiredType() == null ? "?" : ex.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT));
		return response(
				problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", Problems.summary(List.of(error)), List.of(error)));
	}

	/** A query parameter whose bytes are not UTF-8: Tomcat finds it when it is read. */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> handleUndecodableParameter(InvalidParameterException ex) {
		return response(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", Message.of("detail.notUtf8"), List.of()));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> handleConstraint(DataIntegrityViolationException ex) {
		// The services check every rule first; a constraint met here is a race between
		// two requests, or a rule only the database knows. Either way the client can act
		// on it.
		String state = sqlState(ex);
		log.debug("Constraint violation {}", state, ex);
		return switch (state == null ? "" : state) {
			case "23505" ->
				response(problem(HttpStatus.CONFLICT, "ALREADY_EXISTS", Message.of("detail.keyTaken"), List.of()));
			case "23503" ->
				response(problem(HttpStatus.CONFLICT, "IN_USE", Message.of("detail.danglingReference"), List.of()));
			default -> response(problem(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED",
					Message.of("detail.dataRule"), List.of()));
		};
	}

	@ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class })
	ResponseEntity<ProblemDetail> handleLocking(RuntimeException ex) {
		return response(problem(HttpStatus.PRECONDITION_FAILED, "VERSION_CONFLICT",
				Message.of("detail.changedMeanwhile"), List.of()));
	}

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
			DataAccessResourceFailureException.class, TransientDataAccessException.class })
	ResponseEntity<ProblemDetail> handleDatabaseAway(Exception ex) {
		log.warn("Database unavailable: {}", ex.getMessage());
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", DatabaseAway.DETAIL,
				List.of());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		if (RequestBodyTooLarge.isCauseOf(ex)) {
			// a body sent without a length, cut off while a service read it (an import's
			// file)
			return response(problem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", RequestBodyTooLarge.detailOf(ex),
					List.of()));
		}
		if (DatabaseAway.isCauseOf(ex)) {
			// such as a rollback that failed because the connection had gone
			return handleDatabaseAway(ex);
		}
		log.error("Unexpected error", ex);
		return response(
				problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", Message.of("detail.internal"), List.of()));
	}

	/**
	 * A person's browser asking for a page that is not there gets the UI's error page,
	 * not JSON; everyone else, and every path under /api, gets the problem.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (request instanceof ServletWebRequest page && page.getResponse() != null
				&& !page.getRequest().getRequestURI().startsWith(page.getRequest().getContextPath() + "/api/")
				&& String.valueOf(page.getHeader(HttpHeaders.ACCEPT)).contains("text/html")) {
			try {
				page.getResponse().sendError(HttpStatus.NOT_FOUND.value());
				return null;
			}
			catch (IOException notSent) {
				log.debug("The error page could not be sent: {}", notSent.getMessage());
			}
		}
		return super.handleNoResourceFoundException(ex, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (RequestBodyTooLarge.isCauseOf(ex)) {
			return new ResponseEntity<>(problem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
					RequestBodyTooLarge.detailOf(ex), List.of()), headers, HttpStatus.CONTENT_TOO_LARGE);
		}
		Throwable cause = ex.getMostSpecificCause();
		List<FieldError> errors = List.of();
		Message detail = Message.of("detail.jsonShape");
		if (cause instanceof UnrecognizedPropertyException unknown) {
			errors = List.of(new FieldError(path(unknown), "invalid.notAFieldOfRequest"));
			detail = Problems.summary(errors);
		}
		else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			errors = List.of(new FieldError(path(mismatch), "invalid.shape"));
			detail = Problems.summary(errors);
		}
		else if (cause instanceof StreamReadException) {
			detail = Message.of("detail.notJson");
		}
		else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
			detail = Message.of("detail.bodyMissing");
		}
		return new ResponseEntity<>(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", detail, errors), headers,
				HttpStatus.BAD_REQUEST);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new FieldError(e.getField(), "invalid.constraint", String.valueOf(e.getDefaultMessage())))
			.toList();
		return new ResponseEntity<>(validationFailed(errors), headers, HttpStatus.UNPROCESSABLE_CONTENT);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(e -> new FieldError(String.valueOf(result.getMethodParameter().getParameterName()),
						"invalid.constraint", String.valueOf(e.getDefaultMessage()))))
			.toList();
		return new ResponseEntity<>(validationFailed(errors), headers, HttpStatus.UNPROCESSABLE_CONTENT);
	}

	/** Spring MVC's own errors (404 for a path, 405, 415, ...) get a code too. */
	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			problem.setProperty("code", codeFor(statusCode));
			// Spring's own words are English: said again in the client's language where
			// the bundles have words for the status
			Locale locale = currentRequest().map(ApiLanguage::of).orElse(Locale.ENGLISH);
			problem.setDetail(ApiLanguage.say(messages,
					Message.orElse("detail.http." + statusCode.value(), String.valueOf(problem.getDetail())), locale));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private ProblemDetail validationFailed(List<FieldError> errors) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", Problems.summary(errors), errors);
	}

	/**
	 * The problem in the language the request's Accept-Language asks for; the code and
	 * the fields are the same in every language.
	 */
	private ProblemDetail problem(HttpStatusCode status, String code, Message detail, List<FieldError> errors) {
		Locale locale = currentRequest().map(ApiLanguage::of).orElse(Locale.ENGLISH);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ApiLanguage.say(messages, detail, locale));
		problem.setProperty("code", code);
		problem.setProperty("errors", ApiLanguage.say(messages, errors, locale));
		return problem;
	}

	private static java.util.Optional<HttpServletRequest> currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? java.util.Optional.of(attributes.getRequest()) : java.util.Optional.empty();
	}

	static String codeFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "MALFORMED_REQUEST";
			case 401 -> "UNAUTHORIZED";
			case 403 -> "FORBIDDEN";
			case 404 -> "NOT_FOUND";
			case 405 -> "METHOD_NOT_ALLOWED";
			case 406 -> "NOT_ACCEPTABLE";
			case 409 -> "CONFLICT";
			case 412 -> "VERSION_CONFLICT";
			case 413 -> "PAYLOAD_TOO_LARGE";
			case 415 -> "UNSUPPORTED_MEDIA_TYPE";
			case 422 -> "VALIDATION_FAILED";
			case 428 -> "PRECONDITION_REQUIRED";
			case 503 -> "SERVICE_UNAVAILABLE";
			default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "BAD_REQUEST";
		};
	}

	private static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static String path(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	private static @Nullable String sqlState(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

}

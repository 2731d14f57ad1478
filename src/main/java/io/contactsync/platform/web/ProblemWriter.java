package io.contactsync.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.modulith.NamedInterface;

/**
 * Writes a problem where no controller answers: the security filters' 401 and 403, and
 * requests refused before they reach Spring MVC.
 */
@NamedInterface("web")
public final class ProblemWriter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemWriter() {
	}

	public static void write(HttpServletResponse response, HttpStatus status, String code, String detail)
			throws IOException {
		write(response, status, code, detail, List.of());
	}

	/** A problem that names the fields it is about. */
	public static void write(HttpServletResponse response, HttpStatus status, String code, String detail,
			List<FieldError> errors) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		Map<String, Object> body = body(status, code, detail);
		body.put("errors", errors);
		JSON.writeValue(response.getOutputStream(), body);
	}

	/** The problem as JSON text, for a writer that is not a servlet response's stream. */
	static String json(HttpStatus status, String code, String detail) {
		return JSON.writeValueAsString(body(status, code, detail));
	}

	/** The fields every problem of the API has, in their order. */
	static Map<String, Object> body(HttpStatus status, String code, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("code", code);
		problem.put("errors", List.of());
		return problem;
	}

}

package io.contactsync.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Writes a problem where no controller answers: the security filters' 401 and 403, and
 * requests refused before they reach Spring MVC. It speaks the language the request's
 * Accept-Language asks for, as every answer of the API does.
 */
@NamedInterface("web")
public final class ProblemWriter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemWriter() {
	}

	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			Message detail) throws IOException {
		write(request, response, status, code, detail, List.of());
	}

	/** A problem that names the fields it is about. */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			Message detail, List<FieldError> errors) throws IOException {
		var messages = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
		var locale = ApiLanguage.of(request);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		Map<String, Object> body = body(status, code,
				messages == null ? detail.english() : ApiLanguage.say(messages, detail, locale));
		body.put("errors",
				messages == null
						? errors.stream().map(e -> new ApiLanguage.Shown(e.field(), e.message().english())).toList()
						: ApiLanguage.say(messages, errors, locale));
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

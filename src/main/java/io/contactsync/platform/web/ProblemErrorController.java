package io.contactsync.platform.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The container's error page for programs: a request the container refused (both a length
 * and chunks, say) or a status sent without a body becomes a problem with a {@code code},
 * not Spring Boot's own JSON.
 */
class ProblemErrorController extends BasicErrorController {

	ProblemErrorController(ErrorAttributes attributes, ErrorProperties properties, List<ErrorViewResolver> resolvers) {
		super(attributes, properties, resolvers);
	}

	/**
	 * Called directly ({@code GET /error}) there is no error, and so no status: that is a
	 * path with nothing to show, 404, not the 500 the base class assumes.
	 */
	@Override
	protected HttpStatus getStatus(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
			return HttpStatus.NOT_FOUND;
		}
		return super.getStatus(request);
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		Map<String, Object> problem = ProblemWriter.body(status, ApiProblemHandler.codeFor(status),
				(status == HttpStatus.BAD_REQUEST) ? "The request is malformed; check its headers, path and body."
						: status.getReasonPhrase() + ".");
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		problem.put("instance", uri != null ? uri : request.getRequestURI());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}

package io.contactsync.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that the application refuses for a reason the client can act on. Each
 * subclass names one condition and carries a stable {@code code} (docs/rest.md, "Error
 * codes"); the API turns it into an RFC 9457 problem.
 */
public abstract class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Message detail;

	private final List<FieldError> errors;

	protected ProblemException(HttpStatus status, String code, Message detail) {
		this(status, code, detail, List.of());
	}

	/**
	 * @param detail what is wrong and how to put it right, by its code in the message
	 * bundles: said in the reader's language where it is shown
	 */
	protected ProblemException(HttpStatus status, String code, Message detail, List<FieldError> errors) {
		super(null, null, false, false);
		this.status = status;
		this.code = code;
		this.detail = detail;
		this.errors = List.copyOf(errors);
	}

	/** The detail in English, for logs and what is kept (a job's errors). */
	@Override
	public String getMessage() {
		return detail.english();
	}

	public Message detail() {
		return detail;
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public List<FieldError> errors() {
		return errors;
	}

	/**
	 * What the message of this code in the message bundles ({@code problem.<code>}) fills
	 * in, such as the record and the number it is about.
	 */
	public Object[] messageArguments() {
		return new Object[0];
	}

	/**
	 * Extra members of the problem body, such as the current version of a stale record.
	 */
	public Map<String, Object> properties() {
		return Map.of();
	}

}

package io.contactsync.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/** The conditions every module may report, each with its stable code. */
public final class Problems {

	private Problems() {
	}

	/** Broken JSON, a wrong type, an unknown or read-only field: 400. */
	public static final class MalformedRequest extends ProblemException {

		public MalformedRequest(String message, List<FieldError> errors) {
			super(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", message, errors);
		}

		public MalformedRequest(String field, String message) {
			this(message, List.of(new FieldError(field, message)));
		}

	}

	/** Values that break a rule: 422, one error per field. */
	public static final class ValidationFailed extends ProblemException {

		public ValidationFailed(List<FieldError> errors) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", summary(errors), errors);
		}

		public ValidationFailed(String field, String message) {
			this(List.of(new FieldError(field, message)));
		}

	}

	/** A code that names nothing in its code list: 422. */
	public static final class UnknownCode extends ProblemException {

		public UnknownCode(List<FieldError> errors) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_CODE", summary(errors), errors);
		}

		public UnknownCode(String field, String message) {
			this(List.of(new FieldError(field, message)));
		}

	}

	/** Signed in, but the roles do not allow this: 403. */
	public static final class Forbidden extends ProblemException {

		public Forbidden(String message) {
			super(HttpStatus.FORBIDDEN, "FORBIDDEN", message);
		}

	}

	public static final class NotFound extends ProblemException {

		public NotFound(String what, String key) {
			super(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " " + key + " does not exist.");
		}

	}

	public static final class AlreadyExists extends ProblemException {

		private final String key;

		public AlreadyExists(String what, String key) {
			super(HttpStatus.CONFLICT, "ALREADY_EXISTS",
					what + " " + key + " exists already; choose another key or change the existing one.");
			this.key = key;
		}

		@Override
		public Object[] messageArguments() {
			return new Object[] { key };
		}

	}

	/**
	 * A delete that would leave something pointing at nothing: 409, naming what uses the
	 * record so that the user knows what to change first.
	 */
	public static final class InUse extends ProblemException {

		private final @Nullable Use what;

		private final List<Use> usedBy;

		public InUse(String message) {
			super(HttpStatus.CONFLICT, "IN_USE", message);
			this.what = null;
			this.usedBy = List.of();
		}

		/**
		 * @param what the record that was to be deleted
		 * @param usedBy a few of the records that use it
		 */
		public InUse(Use what, List<Use> usedBy) {
			super(HttpStatus.CONFLICT, "IN_USE",
					capitalized(what.english()) + " is in use and cannot be deleted; it is used by "
							+ usedBy.stream().map(Use::english).collect(Collectors.joining(", "))
							+ ". Change or delete what uses it first.");
			this.what = what;
			this.usedBy = List.copyOf(usedBy);
		}

		public @Nullable Use what() {
			return what;
		}

		public List<Use> usedBy() {
			return usedBy;
		}

	}

	/**
	 * A record named in a problem: its kind (a record type such as CUSTOMER or
	 * SALES_ORDER, or a table such as SALESPERSON) and its number or code.
	 */
	public record Use(String kind, String no) {

		/** {@code sales order SO000002}. */
		public String english() {
			return (kind.toLowerCase(Locale.ROOT).replace('_', ' ') + " " + no).strip();
		}

	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** A write without {@code If-Match}: 428. */
	public static final class PreconditionRequired extends ProblemException {

		public PreconditionRequired() {
			super(HttpStatus.PRECONDITION_REQUIRED, "PRECONDITION_REQUIRED",
					"Send If-Match with the version you read (the ETag), or If-Match: * to overwrite knowingly.");
		}

	}

	/** A write based on a version that is no longer current: 412, nothing written. */
	public static final class VersionConflict extends ProblemException {

		private final long currentVersion;

		public VersionConflict(String what, String key, long currentVersion) {
			super(HttpStatus.PRECONDITION_FAILED, "VERSION_CONFLICT", what + " " + key
					+ " was changed by someone else (now version " + currentVersion + "); read it again and retry.");
			this.currentVersion = currentVersion;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("currentVersion", currentVersion);
		}

	}

	private static String summary(List<FieldError> errors) {
		if (errors.size() == 1) {
			FieldError error = errors.get(0);
			return error.field() + ": " + error.message();
		}
		return errors.size() + " fields need attention; see errors.";
	}

}

package io.contactsync.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The conditions every module may report, each with its stable code. What they say is in
 * the message bundles (keys {@code detail.*} for the problem, {@code invalid.*} for a
 * field), so that each reader gets it in their language.
 */
public final class Problems {

	private Problems() {
	}

	/** Broken JSON, a wrong type, an unknown or read-only field: 400. */
	public static final class MalformedRequest extends ProblemException {

		public MalformedRequest(Message detail, List<FieldError> errors) {
			super(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", detail, errors);
		}

		public MalformedRequest(String field, String code, Object... arguments) {
			this(List.of(new FieldError(field, code, arguments)));
		}

		private MalformedRequest(List<FieldError> errors) {
			this(summary(errors), errors);
		}

	}

	/** Values that break a rule: 422, one error per field. */
	public static final class ValidationFailed extends ProblemException {

		public ValidationFailed(List<FieldError> errors) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", summary(errors), errors);
		}

		public ValidationFailed(String field, String code, Object... arguments) {
			this(List.of(new FieldError(field, code, arguments)));
		}

	}

	/** A code that names nothing in its code list: 422. */
	public static final class UnknownCode extends ProblemException {

		public UnknownCode(List<FieldError> errors) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_CODE", summary(errors), errors);
		}

		public UnknownCode(String field, String code, Object... arguments) {
			this(List.of(new FieldError(field, code, arguments)));
		}

	}

	/** Signed in, but the roles do not allow this: 403. */
	public static final class Forbidden extends ProblemException {

		public Forbidden(Message detail) {
			super(HttpStatus.FORBIDDEN, "FORBIDDEN", detail);
		}

	}

	public static final class NotFound extends ProblemException {

		/**
		 * @param what the kind of thing, such as {@code Message.of("record.CUSTOMER")}
		 */
		public NotFound(Message what, String key) {
			super(HttpStatus.NOT_FOUND, "NOT_FOUND", Message.of("detail.notFound", what, key));
		}

	}

	public static final class AlreadyExists extends ProblemException {

		private final Object key;

		/**
		 * @param key the key, or a message that stands for it ("one of 3 new rows")
		 */
		public AlreadyExists(Message what, Object key) {
			super(HttpStatus.CONFLICT, "ALREADY_EXISTS", Message.of("detail.alreadyExists", what, key));
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

		public InUse(Message detail) {
			super(HttpStatus.CONFLICT, "IN_USE", detail);
			this.what = null;
			this.usedBy = List.of();
		}

		/**
		 * @param what the record that was to be deleted
		 * @param usedBy a few of the records that use it
		 */
		public InUse(Use what, List<Use> usedBy) {
			super(HttpStatus.CONFLICT, "IN_USE", Message.of("problem.IN_USE.by", what.name(), listed(usedBy)));
			this.what = what;
			this.usedBy = List.copyOf(usedBy);
		}

		public @Nullable Use what() {
			return what;
		}

		public List<Use> usedBy() {
			return usedBy;
		}

		/** "a, b, c" as messages, each said in the reader's language. */
		private static Object listed(List<Use> uses) {
			Object listed = uses.get(uses.size() - 1).name();
			for (int i = uses.size() - 2; i >= 0; i--) {
				listed = Message.of("detail.list", uses.get(i).name(), listed);
			}
			return listed;
		}

	}

	/**
	 * A record named in a problem: its kind (a record type such as CUSTOMER or
	 * SALES_ORDER, or a table such as SALESPERSON) and its number or code.
	 */
	public record Use(String kind, String no) {

		/** Sales order SO000002, Salgsordre SO000002. */
		public Message name() {
			return Message.of("detail.named", kindName(kind), no);
		}

	}

	/**
	 * A kind of record (CUSTOMER, SALES_ORDER, SALESPERSON) by its name in the bundles.
	 */
	public static Message kindName(String kind) {
		String spoken = kind.toLowerCase(Locale.ROOT).replace('_', ' ');
		return Message.orElse("record." + kind,
				spoken.isEmpty() ? spoken : Character.toUpperCase(spoken.charAt(0)) + spoken.substring(1));
	}

	/** A write without {@code If-Match}: 428. */
	public static final class PreconditionRequired extends ProblemException {

		public PreconditionRequired() {
			super(HttpStatus.PRECONDITION_REQUIRED, "PRECONDITION_REQUIRED", Message.of("detail.preconditionRequired"));
		}

	}

	/** A write based on a version that is no longer current: 412, nothing written. */
	public static final class VersionConflict extends ProblemException {

		private final long currentVersion;

		public VersionConflict(Message what, String key, long currentVersion) {
			super(HttpStatus.PRECONDITION_FAILED, "VERSION_CONFLICT",
					Message.of("detail.versionConflict", what, key, Long.toString(currentVersion)));
			this.currentVersion = currentVersion;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("currentVersion", currentVersion);
		}

	}

	/** One field: "name: is required"; several: how many, see errors. */
	public static Message summary(List<FieldError> errors) {
		if (errors.size() == 1) {
			FieldError error = errors.get(0);
			return Message.of("detail.field", error.field(), error.message());
		}
		return Message.of("detail.fields", Integer.toString(errors.size()));
	}

}

package io.contactsync.platform.table;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import io.contactsync.platform.TextRules;
import org.jspecify.annotations.Nullable;

/**
 * One field of a {@link Table}: its JSON name, its column, its type and the rules a value
 * must keep. Instances are immutable; the builder-style methods return changed copies.
 */
public final class Field {

	enum Kind {

		TEXT, CODE, BOOLEAN, INTEGER, DECIMAL, ENUM, INSTANT

	}

	private final String name;

	private final Kind kind;

	private int maxLength;

	private boolean required;

	private boolean readOnly;

	private boolean derived;

	private @Nullable Object defaultValue;

	private @Nullable Reference reference;

	private @Nullable String column;

	private List<String> values = List.of();

	private long min;

	private long max = Long.MAX_VALUE;

	private @Nullable Format format;

	private Field(String name, Kind kind) {
		this.name = name;
		this.kind = kind;
	}

	private Field copy() {
		Field copy = new Field(name, kind);
		copy.maxLength = maxLength;
		copy.required = required;
		copy.readOnly = readOnly;
		copy.derived = derived;
		copy.defaultValue = defaultValue;
		copy.reference = reference;
		copy.values = values;
		copy.min = min;
		copy.max = max;
		copy.format = format;
		return copy;
	}

	/** Free text of at most {@code maxLength} characters; empty when not given. */
	public static Field text(String name, int maxLength) {
		Field field = new Field(name, Kind.TEXT);
		field.maxLength = maxLength;
		field.defaultValue = "";
		return field;
	}

	/** A code: upper-cased, at most {@code maxLength} characters, null when not given. */
	public static Field code(String name, int maxLength) {
		Field field = new Field(name, Kind.CODE);
		field.maxLength = maxLength;
		return field;
	}

	public static Field bool(String name, boolean defaultValue) {
		Field field = new Field(name, Kind.BOOLEAN);
		field.defaultValue = defaultValue;
		return field;
	}

	/** A whole number, at least {@code min}, null when not given. */
	public static Field integer(String name, long min) {
		Field field = new Field(name, Kind.INTEGER);
		field.min = min;
		return field;
	}

	/** A non-negative amount, null when not given. */
	public static Field decimal(String name) {
		return new Field(name, Kind.DECIMAL);
	}

	/**
	 * When the row was last changed: kept by the store, shown, never taken from a
	 * request.
	 */
	public static Field lastModified(String name) {
		Field field = new Field(name, Kind.INSTANT);
		field.readOnly = true;
		return field;
	}

	/** One of the given UPPER_SNAKE values, null when not given. */
	public static Field oneOf(String name, List<String> values) {
		Field field = new Field(name, Kind.ENUM);
		field.values = List.copyOf(values);
		return field;
	}

	public Field required() {
		Field field = copy();
		field.required = true;
		field.defaultValue = null;
		return field;
	}

	/** Shown, but never taken from a request: the application maintains it. */
	public Field readOnly() {
		Field field = copy();
		field.readOnly = true;
		return field;
	}

	/**
	 * Read-only, and worked out by the application from other fields of the row (a phone
	 * number's E.164 form): written with them, never a change of its own, so that the
	 * change log and the change events name only what was changed.
	 */
	public Field derived() {
		Field field = readOnly();
		field.derived = true;
		return field;
	}

	/** Whether the value is worked out from other fields ({@link #derived()}). */
	boolean isDerived() {
		return derived;
	}

	public Field defaultsTo(Object value) {
		Field field = copy();
		field.defaultValue = value;
		return field;
	}

	/** The value must be a key of another table; else UNKNOWN_CODE. */
	public Field references(String table, String column, String what) {
		Field field = copy();
		field.reference = new Reference(table, column, what);
		return field;
	}

	public Field atMost(long limit) {
		Field field = copy();
		field.max = limit;
		return field;
	}

	/**
	 * Text that must match a pattern; {@code hint} is the code of the message that says
	 * what is expected.
	 */
	public Field matching(Pattern pattern, String hint) {
		Field field = copy();
		field.format = new Format(pattern, hint);
		return field;
	}

	public String name() {
		return name;
	}

	/** The column: the JSON name in snake_case. */
	public String column() {
		// Asked for every value of every row read or written: worked out once.
		String known = column;
		if (known == null) {
			known = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
			column = known;
		}
		return known;
	}

	Kind kind() {
		return kind;
	}

	/**
	 * How a form asks for this field: {@code text}, {@code number}, {@code checkbox},
	 * {@code select} (one of {@link #values()}) or {@code timestamp} (shown, never
	 * typed).
	 */
	public String inputType() {
		return switch (kind) {
			case TEXT, CODE -> "text";
			case BOOLEAN -> "checkbox";
			case INTEGER, DECIMAL -> "number";
			case ENUM -> "select";
			case INSTANT -> "timestamp";
		};
	}

	/**
	 * Whether the value is a code (a key of this or another table), which is absent
	 * rather than empty when not given.
	 */
	public boolean isCode() {
		return kind == Kind.CODE || reference != null;
	}

	/** Whether the value is a whole number, so a form may send it as one. */
	public boolean isInteger() {
		return kind == Kind.INTEGER;
	}

	public int maxLength() {
		return maxLength;
	}

	public boolean isRequired() {
		return required;
	}

	long min() {
		return min;
	}

	/** The values a field of {@code select} input may take. */
	public List<String> values() {
		return values;
	}

	boolean isTimestamp() {
		return kind == Kind.INSTANT;
	}

	public boolean isReadOnly() {
		return readOnly;
	}

	@Nullable Format format() {
		return format;
	}

	@Nullable Reference reference() {
		return reference;
	}

	public @Nullable Object defaultValue() {
		return defaultValue;
	}

	/**
	 * A pattern that text must match, and the message code that tells the client what it
	 * wants.
	 */
	record Format(Pattern pattern, String hint) {
	}

	/** A reference to the key column of another table. */
	record Reference(String table, String column, String what) {
	}

	/** The rule this value breaks, if any (references are checked by the store). */
	@Nullable FieldError check(@Nullable Object value) {
		if (value == null || (kind == Kind.TEXT && value.toString().isEmpty())) {
			return required ? new FieldError(name, "invalid.required") : null;
		}
		return switch (kind) {
			case TEXT, CODE -> {
				String text = (String) value;
				FieldError broken = TextRules.check(name, text, maxLength);
				if (broken != null) {
					yield broken;
				}
				if (format != null && !format.pattern().matcher(text).matches()) {
					yield new FieldError(name, format.hint());
				}
				yield null;
			}
			case ENUM ->
				values.contains(value) ? null : new FieldError(name, "invalid.oneOf", String.join(", ", values));
			case INTEGER -> {
				long number = (Long) value;
				if (number < min || number > max) {
					yield new FieldError(name, max == Long.MAX_VALUE ? Message.of("invalid.atLeast", Long.toString(min))
							: Message.of("invalid.between", Long.toString(min), Long.toString(max)));
				}
				yield null;
			}
			case DECIMAL -> {
				BigDecimal amount = (BigDecimal) value;
				if (amount.signum() < 0) {
					yield new FieldError(name, "invalid.negative");
				}
				if (amount.precision() - amount.scale() > 15 || amount.scale() > 5) {
					yield new FieldError(name, "invalid.digits");
				}
				yield null;
			}
			case BOOLEAN, INSTANT -> null;
		};
	}

	/** Normalises what JDBC returns to the Java type {@link FieldJson#read} produces. */
	@Nullable Object fromColumn(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		return switch (kind) {
			case INTEGER -> ((Number) value).longValue();
			case DECIMAL -> plain((value instanceof BigDecimal decimal) ? decimal : new BigDecimal(value.toString()));
			case INSTANT -> (value instanceof Timestamp timestamp) ? timestamp.toInstant()
					: (value instanceof OffsetDateTime time) ? time.toInstant() : value;
			default -> value;
		};
	}

	/** 12.50000 and 1.25E+1 both as 12.5, so that equal amounts compare equal. */
	static BigDecimal plain(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	/** The value as the change log shows it. */
	static @Nullable String asText(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : value.toString();
	}

}

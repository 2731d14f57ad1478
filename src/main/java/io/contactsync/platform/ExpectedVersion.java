package io.contactsync.platform;

import org.jspecify.annotations.Nullable;

/**
 * The version a client says it is changing, from {@code If-Match}: a number, or any
 * version ({@code *}) for a client that overwrites knowingly.
 */
public final class ExpectedVersion {

	private static final ExpectedVersion ANY = new ExpectedVersion(null);

	private final @Nullable Long version;

	private ExpectedVersion(@Nullable Long version) {
		this.version = version;
	}

	public static ExpectedVersion any() {
		return ANY;
	}

	public static ExpectedVersion of(long version) {
		return new ExpectedVersion(version);
	}

	/**
	 * Reads an {@code If-Match} header that the request must have.
	 * @throws Problems.PreconditionRequired when it is missing
	 */
	public static ExpectedVersion required(@Nullable String ifMatch) {
		ExpectedVersion expected = optional(ifMatch);
		if (expected == null) {
			throw new Problems.PreconditionRequired();
		}
		return expected;
	}

	/**
	 * Reads an {@code If-Match} header that the request may have; null when it has none.
	 */
	public static @Nullable ExpectedVersion optional(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		String value = ifMatch.trim();
		if (value.equals("*")) {
			return ANY;
		}
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		try {
			return of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			// An entity tag we never issued matches no version: the write is stale.
			return of(-1);
		}
	}

	public boolean matches(long current) {
		return version == null || version == current;
	}

	/** The ETag of a version, as this API issues it. */
	public static String etag(long version) {
		return "\"" + version + "\"";
	}

}

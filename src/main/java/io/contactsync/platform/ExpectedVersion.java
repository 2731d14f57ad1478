package io.contactsync.platform;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The versions a client says it is changing, from {@code If-Match}: one or more numbers
 * (a list of entity tags matches when any of them does), or any version ({@code *}) for a
 * client that overwrites knowingly.
 */
public final class ExpectedVersion {

	private static final ExpectedVersion ANY = new ExpectedVersion(null);

	/** A version no record ever has: what an entity tag we never issued names. */
	private static final long NONE = -1;

	/** The versions that match; null for any. */
	private final @Nullable Set<Long> versions;

	private ExpectedVersion(@Nullable Set<Long> versions) {
		this.versions = versions;
	}

	public static ExpectedVersion any() {
		return ANY;
	}

	public static ExpectedVersion of(long version) {
		return new ExpectedVersion(Set.of(version));
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
	 * Entity tags are compared strongly, as HTTP asks of {@code If-Match}: a weak tag
	 * ({@code W/"1"}) or one this API never issued ({@code "abc"}) matches no version, so
	 * the write is stale (412); a value that is no entity tag at all ({@code 1}) is a
	 * malformed request (400).
	 */
	public static @Nullable ExpectedVersion optional(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		String value = ifMatch.trim();
		if (value.equals("*")) {
			return ANY;
		}
		Set<Long> matching = new HashSet<>();
		for (String tag : value.split(",")) {
			long version = strongVersion(tag.trim());
			if (version != NONE) {
				matching.add(version);
			}
		}
		return new ExpectedVersion(Set.copyOf(matching));
	}

	/** The version a strong entity tag names; NONE for a weak or foreign one. */
	private static long strongVersion(String tag) {
		boolean weak = tag.startsWith("W/");
		String opaque = weak ? tag.substring(2) : tag;
		if (opaque.length() < 2 || !opaque.startsWith("\"") || !opaque.endsWith("\"")
				|| opaque.substring(1, opaque.length() - 1).contains("\"")) {
			throw new Problems.MalformedRequest("If-Match", "invalid.ifMatch");
		}
		if (weak) {
			return NONE;
		}
		try {
			long version = Long.parseLong(opaque.substring(1, opaque.length() - 1));
			return version < 0 ? NONE : version;
		}
		catch (NumberFormatException ex) {
			return NONE;
		}
	}

	public boolean matches(long current) {
		return versions == null || versions.contains(current);
	}

	/** The ETag of a version, as this API issues it. */
	public static String etag(long version) {
		return "\"" + version + "\"";
	}

}

package io.contactsync.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paged list: the items, and the opaque cursor of the next page, or
 * null on the last page.
 */
public record Page<T>(List<T> items, @Nullable String next) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 1000;

	/** The page size a client asked for, checked against the limits of the API. */
	public static int limit(@Nullable Integer requested) {
		if (requested == null) {
			return DEFAULT_LIMIT;
		}
		if (requested < 1 || requested > MAX_LIMIT) {
			throw new Problems.ValidationFailed("limit", "invalid.between", "1", Integer.toString(MAX_LIMIT));
		}
		return requested;
	}

	/**
	 * Makes a page from up to {@code limit + 1} rows read in key order: the extra row
	 * only says that there is a next page, whose cursor is the key of the last row shown.
	 */
	public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> key) {
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		List<T> items = rows.subList(0, limit);
		return new Page<>(List.copyOf(items), encode(key.apply(items.get(limit - 1))));
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(items.stream().map(mapper).toList(), next);
	}

	/** The JSON form of a page: {@code {"items": [...], "next": ...}}. */
	public Map<String, @Nullable Object> asMap() {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("items", items);
		body.put("next", next);
		return body;
	}

	public static String encode(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
	}

	/** The key a cursor stands for; a cursor that was not issued here is refused. */
	public static @Nullable String decode(@Nullable String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			// A cursor made here is the Base64 of a key, which is text: bytes that are
			// not (a cursor made up, or cut short) would else page from a key nobody has.
			String key = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor)))
				.toString();
			if (key.isEmpty() || key.chars().anyMatch(Character::isISOControl)) {
				throw new IllegalArgumentException("not a key");
			}
			return key;
		}
		catch (IllegalArgumentException | CharacterCodingException ex) {
			throw new Problems.MalformedRequest("cursor", "invalid.cursor");
		}
	}

}

package io.contactsync.setup;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.contactsync.platform.table.Row;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Fills city and county from the post code list, the same on every card: contacts,
 * customers, vendors and bank accounts (docs/rules.md, "Post codes"). Each side fills its
 * own record with the same rule, and the sync carries what it filled, so a contact and
 * its records never read {@code 8006 Tromsø} on one side and {@code 8006 Bodø} on the
 * other.
 */
@Component
public class PostCodeLookup {

	private static final List<String> FILLED = List.of("city", "county");

	private final SetupApi setup;

	PostCodeLookup(SetupApi setup) {
		this.setup = setup;
	}

	/** A new record: an empty city or county is taken from its post code. */
	public void fillNew(Map<String, @Nullable Object> values) {
		fill(values, null);
	}

	/**
	 * A changed record whose post code changed: an empty city or county is taken from the
	 * new post code, and so is one that still reads what the old post code gave. One the
	 * write itself sets to something else, or one typed by hand, stays.
	 */
	public void fillChanged(Row current, Map<String, @Nullable Object> values) {
		if (Objects.equals(current.get("postCode"), values.get("postCode"))) {
			return;
		}
		fill(values, current);
	}

	private void fill(Map<String, @Nullable Object> values, @Nullable Row current) {
		Optional<Row> match = single(values.get("postCode"), values.get("countryRegionCode"));
		if (match.isEmpty()) {
			return;
		}
		Optional<Row> old = current == null ? Optional.empty()
				: single(current.get("postCode"), current.get("countryRegionCode"));
		for (String field : FILLED) {
			Object now = values.get(field);
			boolean fromOldCode = current != null && old.isPresent() && Objects.equals(now, current.get(field))
					&& Objects.equals(now, old.get().text(field));
			String filled = match.get().text(field);
			if ((isBlank(now) || fromOldCode) && !isBlank(filled)) {
				values.put(field, filled);
			}
		}
	}

	/** The one entry of the post code list a code names; none when it names several. */
	private Optional<Row> single(@Nullable Object postCode, @Nullable Object countryRegionCode) {
		if (isBlank(postCode)) {
			return Optional.empty();
		}
		List<Row> matches = setup.postCodes(postCode.toString(),
				isBlank(countryRegionCode) ? null : countryRegionCode.toString());
		return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
	}

	private static boolean isBlank(@Nullable Object value) {
		return value == null || value.toString().isBlank();
	}

}

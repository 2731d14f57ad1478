package io.contactsync.relation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import io.contactsync.platform.table.Row;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.setup.SyncDirection;
import io.contactsync.setup.SyncFieldMap;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Which values travel between a contact and a linked record, by the sync field map.
 * Fields are matched by name, never by position, so no value lands in an unrelated field.
 */
@Component
class SharedFields {

	private final SyncFieldMap map;

	SharedFields(SyncFieldMap map) {
		this.map = map;
	}

	/** The values among {@code values} that travel to the record (from the contact). */
	Map<String, @Nullable Object> toRecord(LinkedRecordType type, Map<String, @Nullable Object> values) {
		return select(type, values, SyncDirection::toRecord);
	}

	/** The values among {@code values} that travel to the contact (from the record). */
	Map<String, @Nullable Object> toContact(LinkedRecordType type, Map<String, @Nullable Object> values) {
		return select(type, values, SyncDirection::toContact);
	}

	/** Every shared value of a row that is shared at all, whichever way. */
	Map<String, @Nullable Object> shared(LinkedRecordType type, Row row) {
		return select(type, row.values(), direction -> direction != SyncDirection.NONE);
	}

	private Map<String, @Nullable Object> select(LinkedRecordType type, Map<String, @Nullable Object> values,
			Predicate<SyncDirection> travels) {
		Map<String, SyncDirection> directions = map.directions().get(type);
		Map<String, @Nullable Object> selected = new LinkedHashMap<>();
		values.forEach((field, value) -> {
			SyncDirection direction = directions.get(field);
			if (direction != null && travels.test(direction)) {
				selected.put(field, value);
			}
		});
		return selected;
	}

}

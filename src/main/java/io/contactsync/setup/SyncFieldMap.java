package io.contactsync.setup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.FieldChange;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Problems;
import io.contactsync.platform.TransactionScoped;
import io.contactsync.platform.table.SetupChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sync field map: for each linked record type, which contact fields are shared and
 * which way. Its defaults reproduce the field set of the system the product is modelled
 * on; an administrator may change any direction, and the sync obeys at once.
 */
@Service
public class SyncFieldMap {

	static final String DIRECTIONS = "sync field directions";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	SyncFieldMap(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Every entry, by record type and then in the order of the domain rules. */
	@Transactional(readOnly = true)
	public List<SyncField> entries() {
		Map<LinkedRecordType, Map<String, SyncDirection>> directions = directions();
		List<SyncField> entries = new ArrayList<>();
		for (LinkedRecordType type : LinkedRecordType.values()) {
			for (String field : type.shareableFields()) {
				entries.add(new SyncField(type, field, directions.get(type).getOrDefault(field, SyncDirection.NONE)));
			}
		}
		return entries;
	}

	/**
	 * The direction of each shareable field, per record type; a field not listed is NONE.
	 */
	@Transactional(readOnly = true)
	public Map<LinkedRecordType, Map<String, SyncDirection>> directions() {
		return TransactionScoped.get(DIRECTIONS, this::load);
	}

	private Map<LinkedRecordType, Map<String, SyncDirection>> load() {
		Map<LinkedRecordType, Map<String, SyncDirection>> directions = new EnumMap<>(LinkedRecordType.class);
		for (LinkedRecordType type : LinkedRecordType.values()) {
			directions.put(type, new LinkedHashMap<>());
		}
		jdbc.sql("SELECT record_type, field, direction FROM sync_field")
			.query((rs, n) -> new SyncField(LinkedRecordType.valueOf(rs.getString(1)), rs.getString(2),
					SyncDirection.valueOf(rs.getString(3))))
			.list()
			.forEach(entry -> directions.get(entry.recordType()).put(entry.field(), entry.direction()));
		directions.replaceAll((type, fields) -> Collections.unmodifiableMap(fields));
		return Collections.unmodifiableMap(directions);
	}

	/**
	 * Sets the direction of each entry given; entries not given keep theirs, so a client
	 * can change one direction without restating the whole map.
	 */
	@Transactional
	public List<SyncField> update(List<SyncField> changes) {
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < changes.size(); i++) {
			SyncField entry = changes.get(i);
			if (entry == null || entry.recordType() == null || entry.field() == null || entry.direction() == null) {
				errors.add(new FieldError("[" + i + "]", "invalid.syncEntry"));
			}
			else if (!entry.recordType().shareableFields().contains(entry.field())) {
				errors.add(new FieldError("[" + i + "].field", "invalid.syncField", entry.field(),
						Problems.kindName(entry.recordType().name()),
						String.join(", ", entry.recordType().shareableFields())));
			}
		}
		if (!errors.isEmpty()) {
			throw new Problems.ValidationFailed(errors);
		}
		Map<LinkedRecordType, Map<String, SyncDirection>> current = new EnumMap<>(LinkedRecordType.class);
		load().forEach((type, fields) -> current.put(type, new LinkedHashMap<>(fields)));
		for (SyncField entry : changes) {
			SyncDirection old = current.get(entry.recordType()).getOrDefault(entry.field(), SyncDirection.NONE);
			if (old == entry.direction()) {
				continue;
			}
			jdbc.sql("INSERT INTO sync_field (record_type, field, direction) VALUES (?, ?, ?)"
					+ " ON CONFLICT (record_type, field) DO UPDATE SET direction = excluded.direction")
				.params(entry.recordType().name(), entry.field(), entry.direction().name())
				.update();
			current.get(entry.recordType()).put(entry.field(), entry.direction());
			events.publishEvent(SetupChanged.of("setup/sync-fields/" + entry.recordType() + "/" + entry.field(),
					List.of(new FieldChange("direction", old.name(), entry.direction().name()))));
		}
		return entries();
	}

}

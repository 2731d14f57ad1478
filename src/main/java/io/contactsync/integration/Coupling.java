package io.contactsync.integration;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.contactsync.contact.Contacts;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;
import io.contactsync.setup.LinkedRecordService;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes records by the keys other systems know them by (the ERP's coupling with its
 * CRM): the first write of an external id creates the record and couples it, later ones
 * change it, through the same services, rules and sync as any write.
 */
@Service
class Coupling {

	private static final Pattern SYSTEM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

	private final Contacts contacts;

	private final List<LinkedRecordService> linked;

	private final ExternalIds ids;

	Coupling(Contacts contacts, List<LinkedRecordService> linked, ExternalIds ids) {
		this.contacts = contacts;
		this.linked = linked;
		this.ids = ids;
	}

	/** What a write by external id did. */
	record Written(Row record, Table table, boolean created) {
	}

	/**
	 * Creates or changes the record of a type that an external id names.
	 * @param ifMatch the versions the caller means to change; null to change whatever is
	 * there
	 * @param createOnly {@code If-None-Match: *}: refused (412) when the id names a
	 * record
	 */
	@Transactional
	Written put(String recordType, String system, String externalId, JsonNode body, @Nullable String ifMatch,
			boolean createOnly) {
		String key = check(system, externalId);
		ids.lock(recordType, key, externalId);
		Optional<String> existing = ids.find(recordType, key, externalId);
		if (existing.isPresent()) {
			if (createOnly) {
				throw new AlreadyCoupled(recordType, key, externalId, existing.get());
			}
			ExpectedVersion expected = ifMatch == null ? ExpectedVersion.any() : ExpectedVersion.required(ifMatch);
			return new Written(patch(recordType, existing.get(), expected, body), table(recordType), false);
		}
		if (ifMatch != null) {
			// If-Match names a version of a record that does not exist: nothing to
			// change.
			throw new NotCoupled(recordType, key, externalId);
		}
		Row created = create(recordType, body);
		ids.couple(recordType, key, externalId, created.text("no"), Actor.current());
		return new Written(created, table(recordType), true);
	}

	private Row create(String recordType, JsonNode body) {
		return recordType.equals("CONTACT") ? contacts.create(body) : service(recordType).create(body);
	}

	private Row patch(String recordType, String no, ExpectedVersion expected, JsonNode body) {
		return recordType.equals("CONTACT") ? contacts.patch(no, expected, body)
				: service(recordType).patch(no, expected, body);
	}

	Table table(String recordType) {
		return recordType.equals("CONTACT") ? contacts.table() : service(recordType).table();
	}

	private LinkedRecordService service(String recordType) {
		return linked.stream()
			.filter(service -> service.type().name().equals(recordType))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No service for " + recordType));
	}

	/** The system name as kept (lower case), once it and the id are fit to be keys. */
	private static String check(String system, String externalId) {
		String key = system.strip().toLowerCase(java.util.Locale.ROOT);
		if (!SYSTEM.matcher(key).matches()) {
			throw new Problems.ValidationFailed("system", "invalid.sourceSystem");
		}
		if (externalId.isBlank() || externalId.length() > 200 || externalId.chars().anyMatch(Character::isISOControl)) {
			throw new Problems.ValidationFailed("id", "invalid.externalId");
		}
		return key;
	}

	/** {@code If-None-Match: *}, and the id already names a record: 412. */
	static final class AlreadyCoupled extends ProblemException {

		AlreadyCoupled(String recordType, String system, String externalId, String no) {
			super(HttpStatus.PRECONDITION_FAILED, "ALREADY_EXISTS",
					Message.of("detail.alreadyCoupled", system, externalId, Problems.kindName(recordType), no),
					List.of(new FieldError("id", "invalid.coupledWith", Problems.kindName(recordType), no)));
		}

	}

	/** {@code If-Match} for an id that names no record yet: 412. */
	static final class NotCoupled extends ProblemException {

		NotCoupled(String recordType, String system, String externalId) {
			super(HttpStatus.PRECONDITION_FAILED, "VERSION_CONFLICT",
					Message.of("detail.notCoupled", Problems.kindName(recordType), system, externalId));
		}

	}

}

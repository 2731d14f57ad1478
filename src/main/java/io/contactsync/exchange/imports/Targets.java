package io.contactsync.exchange.imports;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.contactsync.contact.Contacts;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;
import io.contactsync.platform.table.TableJson;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The record services an import writes through, by kind: every row is a write like any
 * other (every rule, the sync, the change log), through the same service the API calls.
 * Records are read and written in their API form, so what the dry run shows is what the
 * API would show.
 */
@Component
class Targets {

	private final Contacts contacts;

	private final Map<LinkedRecordType, LinkedRecordService> linked = new EnumMap<>(LinkedRecordType.class);

	Targets(Contacts contacts, List<LinkedRecordService> services) {
		this.contacts = contacts;
		services.forEach(service -> linked.put(service.type(), service));
	}

	Table table(ImportKind kind) {
		return kind == ImportKind.CONTACT ? contacts.table() : service(kind).table();
	}

	Optional<ObjectNode> find(ImportKind kind, String no) {
		Optional<Row> row = kind == ImportKind.CONTACT ? contacts.find(no) : service(kind).find(no);
		return row.map(found -> json(kind, found));
	}

	ObjectNode get(ImportKind kind, String no) {
		return json(kind, kind == ImportKind.CONTACT ? contacts.get(no) : service(kind).get(no));
	}

	ObjectNode create(ImportKind kind, JsonNode body) {
		return json(kind, kind == ImportKind.CONTACT ? contacts.create(body) : service(kind).create(body));
	}

	/**
	 * Creates many records of a kind that links with contacts at once (an import's page):
	 * as stored after their creation's listeners, in the given order.
	 */
	List<ObjectNode> createAll(ImportKind kind, List<ObjectNode> bodies) {
		return service(kind).createAll(List.copyOf(bodies)).stream().map(row -> json(kind, row)).toList();
	}

	/** The contacts with these numbers, in their API form, by number. */
	Map<String, ObjectNode> contacts(Collection<String> nos) {
		Map<String, ObjectNode> found = new HashMap<>();
		contacts.getAll(nos).forEach((no, row) -> found.put(no, contacts.json(row)));
		return found;
	}

	ObjectNode patch(ImportKind kind, String no, ExpectedVersion expected, JsonNode patch) {
		return json(kind, kind == ImportKind.CONTACT ? contacts.patch(no, expected, patch)
				: service(kind).patch(no, expected, patch));
	}

	void delete(ImportKind kind, String no, ExpectedVersion expected) {
		if (kind == ImportKind.CONTACT) {
			contacts.delete(no, expected);
		}
		else {
			service(kind).delete(no, expected);
		}
	}

	private ObjectNode json(ImportKind kind, Row row) {
		return kind == ImportKind.CONTACT ? contacts.json(row) : TableJson.write(service(kind).table(), row);
	}

	private LinkedRecordService service(ImportKind kind) {
		return linked.get(LinkedRecordType.valueOf(kind.name()));
	}

}

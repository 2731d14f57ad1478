package io.contactsync.exchange;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.contactsync.contact.Contacts;
import io.contactsync.platform.Page;
import io.contactsync.platform.table.CodeTableController;
import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.Table;
import io.contactsync.platform.table.TableJson;
import io.contactsync.platform.table.TableStore;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The lists that can be exported, each read through its module's service with the same
 * search and filters as its list endpoint, and each record in the form the API answers
 * with. The pages are read {@code limit} records at a time (at most, and by default,
 * {@value Page#MAX_LIMIT}); the file holds the whole list all the same.
 */
@Component
class ExportSources {

	private final Contacts contacts;

	private final Map<LinkedRecordType, LinkedRecordService> linked = new EnumMap<>(LinkedRecordType.class);

	private final TableStore store;

	private final ObjectProvider<CodeTableController> codeLists;

	ExportSources(Contacts contacts, List<LinkedRecordService> linked, TableStore store,
			ObjectProvider<CodeTableController> codeLists) {
		this.contacts = contacts;
		linked.forEach(service -> this.linked.put(service.type(), service));
		this.store = store;
		this.codeLists = codeLists;
	}

	/** The contacts, as {@code GET /api/v1/contacts} filters them. */
	ExportedList contacts(@Nullable String type, @Nullable String companyNo, @Nullable String businessRelation,
			@Nullable String query, @Nullable Integer limit, @Nullable String cursor) {
		int size = pageSize(limit);
		return new ExportedList("contacts", columns(contacts.table()),
				from -> contacts.list(type, companyNo, businessRelation, query, size, from).map(contacts::json),
				cursor);
	}

	/** One contact, as a list of one named by its number; unknown: 404. */
	ExportedList contact(String no) {
		JsonNode contact = contacts.json(contacts.get(no));
		String number = contact.get("no").asString();
		return new ExportedList(number, columns(contacts.table()), from -> new Page<>(List.of(contact), null), null);
	}

	/** The customers, vendors or bank accounts, searched with {@code q}. */
	ExportedList linked(LinkedRecordType type, @Nullable String query, @Nullable Integer limit,
			@Nullable String cursor) {
		int size = pageSize(limit);
		LinkedRecordService records = linked.get(type);
		if (records == null) {
			throw new IllegalStateException("No service for " + type);
		}
		Table table = records.table();
		return new ExportedList(table.resource(), columns(table),
				from -> records.list(query, size, from).map(row -> (JsonNode) TableJson.write(table, row)), cursor);
	}

	/**
	 * A code list of setup ({@code salespeople}, {@code territories}, ...), as its
	 * {@code GET /api/v1/<resource>} lists it; the controller's path names only code
	 * lists.
	 */
	ExportedList codeList(String resource, @Nullable Integer limit, @Nullable String cursor) {
		int size = pageSize(limit);
		CodeTableController list = codeLists.orderedStream()
			.filter(served -> served.path().equals("/api/v1/" + resource))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No code list is served at /api/v1/" + resource));
		Table table = list.table();
		return new ExportedList(resource, columns(table),
				from -> store.list(table, size, from).map(row -> list.shown(TableJson.write(table, row))), cursor);
	}

	/** The API's fields of a record, in the API's order, then its version. */
	static List<String> columns(Table table) {
		List<String> columns = new ArrayList<>(table.allFields().stream().map(Field::name).toList());
		columns.add("version");
		return List.copyOf(columns);
	}

	private static int pageSize(@Nullable Integer limit) {
		return limit == null ? Page.MAX_LIMIT : Page.limit(limit);
	}

}

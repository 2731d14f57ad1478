package io.contactsync.exchange;

import java.util.List;
import java.util.function.Function;

import io.contactsync.platform.Page;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A list to export, with its search and filters already chosen.
 *
 * @param name what the file is called, without its ending ({@code contacts})
 * @param columns the API's field names, in the order the API shows them
 * @param pages reads the page that starts at a cursor (null: the first), each record in
 * the form the API answers with
 * @param cursor where the export starts: null for the start of the list
 */
record ExportedList(String name, List<String> columns, Function<@Nullable String, Page<JsonNode>> pages,
		@Nullable String cursor) {

	/**
	 * The first page; read before anything is written, so a bad filter is still a
	 * problem.
	 */
	Page<JsonNode> first() {
		return pages.apply(cursor);
	}

	/**
	 * Writes the whole list, page by page through the keyset paging: one page is held at
	 * a time, whatever the list's length.
	 */
	void writeTo(ExportFile file, Page<JsonNode> first) throws java.io.IOException {
		file.begin(columns);
		Page<JsonNode> page = first;
		while (true) {
			for (JsonNode record : page.items()) {
				file.write(record);
			}
			file.endOfPage();
			String next = page.next();
			if (next == null) {
				break;
			}
			page = pages.apply(next);
		}
		file.end();
	}

}

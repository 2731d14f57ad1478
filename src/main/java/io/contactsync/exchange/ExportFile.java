package io.contactsync.exchange;

import java.io.IOException;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** A file an export writes as a stream: a header, the records page by page, the end. */
interface ExportFile {

	void begin(List<String> columns) throws IOException;

	/** One record, in the form the API answers with. */
	void write(JsonNode record) throws IOException;

	/** A page is written: what is held for it can go out. */
	void endOfPage() throws IOException;

	void end() throws IOException;

}

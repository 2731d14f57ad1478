package io.contactsync.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import tools.jackson.databind.JsonNode;

/**
 * Contacts as one {@code .vcf} file of vCard 4.0 cards in UTF-8, one card per contact
 * ({@link ContactCards}), written as they are read.
 */
final class VcardFile implements ExportFile {

	private final VCardWriter writer;

	VcardFile(OutputStream out) {
		this.writer = new VCardWriter(out, VCardVersion.V4_0);
		this.writer.setAddProdId(false);
	}

	@Override
	public void begin(List<String> columns) {
	}

	@Override
	public void write(JsonNode contact) throws IOException {
		writer.write(ContactCards.card(contact));
	}

	@Override
	public void endOfPage() throws IOException {
		writer.flush();
	}

	@Override
	public void end() throws IOException {
		// Flushed, not closed: the stream is the caller's.
		writer.flush();
	}

}

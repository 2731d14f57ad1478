package io.contactsync.exchange.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import io.contactsync.exchange.CardValues;
import io.contactsync.platform.Problems;

/**
 * A {@code .vcf} file (one card or many) as the rows of a contacts import
 * (docs/import.md, "vCard"): a card is a row whose columns are the contact's own fields,
 * so the import's dry run, matching, modes, run and undo are the same as for a
 * spreadsheet. The cards are read one at a time, never the file whole. A card's
 * {@code UID} that names a contact of ours ({@code urn:contactsync:contact:<no>}, as the
 * export writes it) fills {@code no}; what else it says is what {@link CardValues} reads.
 */
final class VcardRows {

	/** The columns of every card, by the contact's API names. */
	static final List<String> COLUMNS = List.of("no", "type", "name", "firstName", "middleName", "surname", "jobTitle",
			"address", "address2", "city", "county", "postCode", "countryRegionCode", "phoneNo", "mobilePhoneNo",
			"faxNo", "email", "homePage");

	private VcardRows() {
	}

	/**
	 * Reads the cards into rows, the first card as row 1; a file without a card is
	 * refused.
	 */
	static void read(Path file, SheetReader.Rows rows) throws IOException {
		Charset charset;
		try {
			// vCard 4.0 is UTF-8; an older card from Outlook may be Windows-1252. A NUL
			// byte is in no vCard.
			charset = SheetReader.charset(file);
		}
		catch (Problems.ValidationFailed binary) {
			throw notVcard();
		}
		int count = 0;
		try (BufferedReader text = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset))) {
			text.mark(1);
			if (text.read() != '\uFEFF') {
				text.reset();
			}
			try (VCardReader reader = new VCardReader(text)) {
				rows.header(COLUMNS);
				VCard card;
				while ((card = reader.readNext()) != null) {
					count++;
					rows.row(count, cells(card));
				}
			}
		}
		catch (RuntimeException ex) {
			if (ex instanceof Problems.ValidationFailed) {
				throw ex;
			}
			throw notVcard();
		}
		if (count == 0) {
			throw notVcard();
		}
	}

	private static List<String> cells(VCard card) {
		Map<String, String> values = CardValues.of(card);
		List<String> cells = new ArrayList<>(COLUMNS.size());
		for (String column : COLUMNS) {
			cells.add(switch (column) {
				case "no" -> CardValues.contactNo(card).orElse("");
				case "type" -> CardValues.isPerson(card) ? "PERSON" : "COMPANY";
				default -> values.getOrDefault(column, "");
			});
		}
		return cells;
	}

	static Problems.ValidationFailed notVcard() {
		return new Problems.ValidationFailed("file", "invalid.importNotVcard");
	}

}

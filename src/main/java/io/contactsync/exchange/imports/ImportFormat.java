package io.contactsync.exchange.imports;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** The kinds of file an import reads. */
enum ImportFormat {

	CSV, XLSX, VCARD;

	static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String VCARD_TYPE = "text/vcard";

	/** The media type older programs send a {@code .vcf} file as. */
	static final String OLD_VCARD_TYPE = "text/x-vcard";

	/**
	 * The format a file claims by its media type, else by its name's ending; CSV when
	 * neither says.
	 */
	static ImportFormat of(@Nullable String contentType, @Nullable String fileName) {
		String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (type.startsWith(XLSX_TYPE)) {
			return XLSX;
		}
		if (type.startsWith(VCARD_TYPE) || type.startsWith(OLD_VCARD_TYPE)) {
			return VCARD;
		}
		if (name.endsWith(".xlsx")) {
			return XLSX;
		}
		if (name.endsWith(".vcf") || name.endsWith(".vcard")) {
			return VCARD;
		}
		return CSV;
	}

	/** The ending of a file of this format, for a file sent without a name. */
	String ending() {
		return this == VCARD ? "vcf" : name().toLowerCase(Locale.ROOT);
	}

}

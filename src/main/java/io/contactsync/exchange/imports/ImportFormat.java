package io.contactsync.exchange.imports;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** The kinds of file an import reads. */
enum ImportFormat {

	CSV, XLSX;

	static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/**
	 * The format a file claims by its media type, else by its name's ending; CSV when
	 * neither says.
	 */
	static ImportFormat of(@Nullable String contentType, @Nullable String fileName) {
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(XLSX_TYPE)) {
			return XLSX;
		}
		if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
			return XLSX;
		}
		return CSV;
	}

}

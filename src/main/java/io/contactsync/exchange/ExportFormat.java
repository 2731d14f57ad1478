package io.contactsync.exchange;

/** The kinds of file a list can be exported as. */
enum ExportFormat {

	CSV("text/csv", "csv"), XLSX(ExportFormat.XLSX_TYPE, "xlsx"), VCARD("text/vcard", "vcf");

	static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final String mediaType;

	private final String extension;

	ExportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	/** The media type the API is asked for with {@code Accept}. */
	String mediaType() {
		return mediaType;
	}

	/** The file's name ending, without the dot. */
	String extension() {
		return extension;
	}

}

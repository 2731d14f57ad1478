package io.contactsync.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A list as CSV (RFC 4180, as Excel writes it): UTF-8 with a byte order mark, a header
 * row of the API's field names, one row per record, lines ending in CRLF, cells quoted
 * where they hold the separator, a quote or a line break. Text is made safe for
 * spreadsheets ({@link SpreadsheetText}); numbers are written as the dialect's
 * spreadsheet reads them, booleans as {@code true} and {@code false}, nothing as an empty
 * cell.
 */
final class CsvFile implements ExportFile {

	private final Writer out;

	private final CsvDialect dialect;

	private @Nullable CSVPrinter printer;

	private List<String> columns = List.of();

	CsvFile(OutputStream out, CsvDialect dialect) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		this.dialect = dialect;
	}

	@Override
	public void begin(List<String> columns) throws IOException {
		this.columns = List.copyOf(columns);
		out.write('\uFEFF');
		CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(dialect.separator()).setRecordSeparator("\r\n").get();
		printer = new CSVPrinter(out, format);
		printer.printRecord(columns);
	}

	@Override
	public void write(JsonNode record) throws IOException {
		List<String> cells = new ArrayList<>(columns.size());
		for (String column : columns) {
			cells.add(cell(record.get(column)));
		}
		printer().printRecord(cells);
	}

	@Override
	public void endOfPage() throws IOException {
		printer().flush();
	}

	@Override
	public void end() throws IOException {
		// Flushed, not closed: the stream is the caller's.
		printer().flush();
	}

	private CSVPrinter printer() {
		if (printer == null) {
			throw new IllegalStateException("begin() first");
		}
		return printer;
	}

	private String cell(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isNumber()) {
			String number = value.decimalValue().toPlainString();
			return dialect.decimalComma() ? number.replace('.', ',') : number;
		}
		if (value.isBoolean()) {
			return String.valueOf(value.booleanValue());
		}
		return SpreadsheetText.safe(value.asString());
	}

}

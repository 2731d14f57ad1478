package io.contactsync.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A list as an XLSX workbook of one sheet, written as a stream: each page's rows are
 * flushed to the zip as they are written, and text goes in inline strings, so nothing
 * grows with the list (a shared-string table would). The header row holds the API's field
 * names. Text is a text cell, which a spreadsheet shows and never evaluates, so it is
 * written exactly as it is, {@code =}, {@code +} and all; numbers are number cells,
 * booleans boolean cells, nothing an empty cell.
 */
final class XlsxFile implements ExportFile {

	/** The most rows a sheet can hold. */
	static final int MAX_ROWS = 1_048_576;

	private final Workbook workbook;

	private final Worksheet sheet;

	private List<String> columns = List.of();

	private int row;

	XlsxFile(OutputStream out, String name) {
		this.workbook = new Workbook(out, "ContactSync", "1.0");
		this.sheet = workbook.newWorksheet(name);
	}

	@Override
	public void begin(List<String> columns) throws IOException {
		this.columns = List.copyOf(columns);
		for (int column = 0; column < columns.size(); column++) {
			sheet.inlineString(0, column, columns.get(column));
		}
		sheet.range(0, 0, 0, Math.max(0, columns.size() - 1)).style().bold().set();
		sheet.freezePane(0, 1);
		row = 1;
	}

	@Override
	public void write(JsonNode record) throws IOException {
		if (row >= MAX_ROWS) {
			throw new IllegalStateException("An XLSX sheet holds at most " + MAX_ROWS + " rows");
		}
		for (int column = 0; column < columns.size(); column++) {
			cell(column, record.get(columns.get(column)));
		}
		row++;
	}

	@Override
	public void endOfPage() throws IOException {
		sheet.flush();
	}

	@Override
	public void end() throws IOException {
		sheet.finish();
		workbook.finish();
	}

	private void cell(int column, @Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return;
		}
		if (value.isNumber()) {
			sheet.value(row, column, value.decimalValue());
		}
		else if (value.isBoolean()) {
			sheet.value(row, column, value.booleanValue());
		}
		else {
			String text = value.asString();
			if (!text.isEmpty()) {
				sheet.inlineString(row, column, text);
			}
		}
	}

}

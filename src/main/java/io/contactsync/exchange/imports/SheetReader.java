package io.contactsync.exchange.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.contactsync.exchange.SpreadsheetText;
import io.contactsync.platform.Problems;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads an uploaded file row by row, as a stream: the file is on disk and never held in
 * memory whole (docs/import.md, "Files"). A CSV file is read as Norwegians have them:
 * UTF-8 with or without a byte order mark, else Windows-1252; separated by {@code ;},
 * {@code ,} or a tab, whichever the header row uses most. An XLSX file's first sheet is
 * read after its zip has been measured: a zip bomb is refused before anything unpacks it.
 * A file that is not what it claims to be (a renamed binary) is refused with a clear
 * error rather than read as rubbish.
 */
final class SheetReader {

	/** At most this many bytes unpacked from an XLSX file, all its parts together. */
	static final long MAX_UNPACKED = 100L * 1024 * 1024;

	/** A part that unpacks to more than this many times its packed size is a bomb. */
	private static final long MAX_RATIO = 200;

	static final int MAX_COLUMNS = 200;

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private SheetReader() {
	}

	/** Where the rows go, as they are read. */
	interface Rows {

		void header(List<String> columns);

		/**
		 * @param rowNo the row's number as the spreadsheet shows it (the header is 1)
		 */
		void row(int rowNo, List<String> cells);

	}

	static void read(ImportFormat format, Path file, Rows rows) {
		try {
			if (format == ImportFormat.XLSX) {
				xlsx(file, rows);
			}
			else if (format == ImportFormat.VCARD) {
				VcardRows.read(file, rows);
			}
			else {
				csv(file, rows);
			}
		}
		catch (IOException ex) {
			throw switch (format) {
				case XLSX -> notXlsx();
				case VCARD -> VcardRows.notVcard();
				case CSV -> new Problems.ValidationFailed("file", "invalid.importNotCsv");
			};
		}
	}

	private static void csv(Path file, Rows rows) throws IOException {
		Charset charset = charset(file);
		char separator = separator(file, charset);
		CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(separator).setIgnoreEmptyLines(true).get();
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			if (charset == StandardCharsets.UTF_8) {
				in.mark(3);
				byte[] start = in.readNBytes(3);
				if (!java.util.Arrays.equals(start, BOM)) {
					in.reset();
				}
			}
			Reader reader = new InputStreamReader(in, charset);
			boolean first = true;
			try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
				for (CSVRecord record : parser) {
					List<String> cells = new ArrayList<>(record.size());
					record.forEach(cell -> cells.add(SpreadsheetText.restore(cell)));
					if (first) {
						columns(cells);
						rows.header(cells);
						first = false;
					}
					else if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
						rows.row((int) record.getRecordNumber(), cells);
					}
				}
			}
			catch (java.io.UncheckedIOException | IllegalStateException ex) {
				throw new Problems.ValidationFailed("file", "invalid.importNotCsv");
			}
			if (first) {
				throw new Problems.ValidationFailed("file", "invalid.importEmpty");
			}
		}
	}

	/**
	 * UTF-8 when the whole file decodes as UTF-8 (with or without a byte order mark),
	 * else Windows-1252, as Excel in Norway saves "CSV (semicolon separated)". A NUL byte
	 * is in no text file: a binary renamed to .csv is refused.
	 */
	static Charset charset(Path file) throws IOException {
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		boolean isUtf8 = true;
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			ByteBuffer pending = ByteBuffer.allocate(buffer.length + 8);
			CharBuffer chars = CharBuffer.allocate(buffer.length + 8);
			int read;
			while ((read = in.read(buffer)) > 0) {
				for (int i = 0; i < read; i++) {
					if (buffer[i] == 0) {
						throw new Problems.ValidationFailed("file", "invalid.importNotCsv");
					}
				}
				if (isUtf8) {
					pending.put(buffer, 0, read).flip();
					chars.clear();
					isUtf8 = !utf8.decode(pending, chars, false).isError();
					pending.compact();
				}
			}
			if (isUtf8) {
				pending.flip();
				chars.clear();
				isUtf8 = !utf8.decode(pending, chars, true).isError() && !pending.hasRemaining();
			}
		}
		return isUtf8 ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
	}

	/**
	 * The separator the header row uses most, outside quotes: {@code ;}, {@code ,} or
	 * tab.
	 */
	static char separator(Path file, Charset charset) throws IOException {
		int semicolons = 0;
		int commas = 0;
		int tabs = 0;
		boolean quoted = false;
		try (Reader reader = Files.newBufferedReader(file, charset)) {
			int c;
			int read = 0;
			while ((c = reader.read()) >= 0 && read++ < 64 * 1024) {
				if (c == '"') {
					quoted = !quoted;
				}
				else if (!quoted && (c == '\n' || c == '\r')) {
					break;
				}
				else if (!quoted) {
					semicolons += c == ';' ? 1 : 0;
					commas += c == ',' ? 1 : 0;
					tabs += c == '\t' ? 1 : 0;
				}
			}
		}
		catch (CharacterCodingException ex) {
			throw new Problems.ValidationFailed("file", "invalid.importNotCsv");
		}
		if (semicolons >= commas && semicolons >= tabs && semicolons > 0) {
			return ';';
		}
		return tabs > commas ? '\t' : ',';
	}

	private static void xlsx(Path file, Rows rows) throws IOException {
		measure(file);
		try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
			Sheet sheet = workbook.getFirstSheet();
			boolean[] first = { true };
			try (var stream = sheet.openStream()) {
				stream.forEach(row -> {
					List<String> cells = cells(row);
					if (cells.stream().allMatch(String::isBlank)) {
						return;
					}
					if (first[0]) {
						columns(cells);
						rows.header(cells);
						first[0] = false;
					}
					else {
						rows.row(row.getRowNum(), cells);
					}
				});
			}
			if (first[0]) {
				throw new Problems.ValidationFailed("file", "invalid.importEmpty");
			}
		}
		catch (RuntimeException ex) {
			if (ex instanceof Problems.ValidationFailed) {
				throw ex;
			}
			throw notXlsx();
		}
	}

	/**
	 * A cell as text: text as it is, a number in plain digits (no exponent, no trailing
	 * zeros), a date cell as an ISO date, a boolean as true or false.
	 */
	private static List<String> cells(Row row) {
		List<String> cells = new ArrayList<>(row.getCellCount());
		for (int i = 0; i < row.getCellCount(); i++) {
			Cell cell = row.getCell(i);
			// An XLSX cell may spell a NUL (_x0000_), which no text column takes.
			cells.add(cell == null ? "" : text(cell).replace("\u0000", ""));
		}
		return cells;
	}

	private static String text(Cell cell) {
		return switch (cell.getType()) {
			case NUMBER -> {
				String format = cell.getDataFormatString();
				if (format != null && isDateFormat(format)) {
					yield cell.asDate().toLocalDate().toString();
				}
				BigDecimal number = cell.asNumber();
				yield number.stripTrailingZeros().toPlainString();
			}
			case BOOLEAN -> String.valueOf(cell.asBoolean());
			case EMPTY -> "";
			default -> cell.getText() == null ? "" : cell.getText();
		};
	}

	private static boolean isDateFormat(String format) {
		String plain = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(java.util.Locale.ROOT);
		return plain.contains("d") && plain.contains("y");
	}

	/**
	 * Unpacks every part of the zip, counting, before the reader does: more than
	 * {@link #MAX_UNPACKED} in all, or a part unpacking to hundreds of times its size, is
	 * a zip bomb; no zip at all is no XLSX file.
	 */
	static void measure(Path file) throws IOException {
		byte[] start = new byte[8];
		try (InputStream in = Files.newInputStream(file)) {
			if (in.readNBytes(start, 0, 8) < 4 || !ReadableWorkbook.isOOXMLZipHeader(start)) {
				throw notXlsx();
			}
		}
		long total = 0;
		boolean sheet = false;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			byte[] buffer = new byte[64 * 1024];
			for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
				sheet |= entry.getName().startsWith("xl/worksheets/");
				long size = 0;
				try (InputStream part = zip.getInputStream(entry)) {
					int read;
					while ((read = part.read(buffer)) > 0) {
						size += read;
						total += read;
						if (total > MAX_UNPACKED) {
							throw tooLarge();
						}
					}
				}
				long packed = entry.getCompressedSize();
				if (size > 1024 * 1024 && packed > 0 && size / packed > MAX_RATIO) {
					throw tooLarge();
				}
			}
		}
		catch (java.util.zip.ZipException ex) {
			throw notXlsx();
		}
		if (!sheet) {
			throw notXlsx();
		}
	}

	private static void columns(List<String> header) {
		if (header.size() > MAX_COLUMNS) {
			throw new Problems.ValidationFailed("file", "invalid.importColumns", MAX_COLUMNS);
		}
	}

	private static Problems.ValidationFailed tooLarge() {
		return new Problems.ValidationFailed("file", "invalid.importTooLarge", MAX_UNPACKED / 1024 / 1024);
	}

	private static Problems.ValidationFailed notXlsx() {
		return new Problems.ValidationFailed("file", "invalid.importNotXlsx");
	}

}

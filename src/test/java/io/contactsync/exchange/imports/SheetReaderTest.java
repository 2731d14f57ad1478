package io.contactsync.exchange.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.contactsync.platform.ProblemException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files as Norwegians have them: each encoding and separator, XLSX, and files that are
 * not what they claim to be.
 */
class SheetReaderTest {

	private static final String NORWEGIAN = "Navn;Poststed;Kredittgrense\r\n\"Fjøsnisse; Ærlig AS\";Tromsø;1 250,50\r\n"
			+ "Blåbær AS;Ås;'+47 22\r\n";

	@TempDir
	Path dir;

	@Test
	void utf8WithAndWithoutAByteOrderMarkAndWindows1252AreReadAlike() throws IOException {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		List<Read> reads = List.of(read(ImportFormat.CSV, concat(bom, NORWEGIAN.getBytes(StandardCharsets.UTF_8))),
				read(ImportFormat.CSV, NORWEGIAN.getBytes(StandardCharsets.UTF_8)),
				read(ImportFormat.CSV, NORWEGIAN.getBytes(Charset.forName("windows-1252"))));

		for (Read read : reads) {
			assertThat(read.header).containsExactly("Navn", "Poststed", "Kredittgrense");
			assertThat(read.rows).containsExactly(List.of("Fjøsnisse; Ærlig AS", "Tromsø", "1 250,50"),
					List.of("Blåbær AS", "Ås", "+47 22"));
			assertThat(read.rowNos).containsExactly(2, 3);
		}
	}

	@Test
	void commaAndTabSeparatedFilesAreRecognised() throws IOException {
		Read comma = read(ImportFormat.CSV, "Name,City\r\n\"Nord; Sør AS\",Bodø\r\n".getBytes(StandardCharsets.UTF_8));
		Read tab = read(ImportFormat.CSV, "Name\tCity\nNord, Sør AS\tBodø\n".getBytes(StandardCharsets.UTF_8));

		assertThat(comma.rows).containsExactly(List.of("Nord; Sør AS", "Bodø"));
		assertThat(tab.rows).containsExactly(List.of("Nord, Sør AS", "Bodø"));
	}

	@Test
	void blankRowsAreLeftOutAndRowsKeepTheirNumbers() throws IOException {
		Read read = read(ImportFormat.CSV, "Navn;By\n;\nA;B\n\nC;D\n".getBytes(StandardCharsets.UTF_8));

		assertThat(read.rows).containsExactly(List.of("A", "B"), List.of("C", "D"));
		assertThat(read.rowNos).containsExactly(3, 4);
	}

	@Test
	void anXlsxWorkbookIsReadCellByCell() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "test", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("Kunder");
			sheet.value(0, 0, "Navn");
			sheet.value(0, 1, "Kredittgrense");
			sheet.value(0, 2, "Telefon");
			sheet.value(1, 0, "Havblikk AS");
			sheet.value(1, 1, 1250.5);
			sheet.value(1, 2, "+47 55 00 11 22");
			sheet.value(3, 0, "Fjordkanten AS");
		}

		Read read = read(ImportFormat.XLSX, out.toByteArray());

		assertThat(read.header).containsExactly("Navn", "Kredittgrense", "Telefon");
		assertThat(read.rows).containsExactly(List.of("Havblikk AS", "1250.5", "+47 55 00 11 22"),
				List.of("Fjordkanten AS"));
		assertThat(read.rowNos).containsExactly(2, 4);
	}

	@Test
	void aRenamedBinaryIsRefused() {
		byte[] binary = { 'P', 'K', 3, 4, 0, 0, 1, 2 };
		assertThatThrownBy(() -> read(ImportFormat.CSV, binary)).isInstanceOf(ProblemException.class)
			.satisfies(ex -> assertThat(((ProblemException) ex).errors().get(0).message().code())
				.isEqualTo("invalid.importNotCsv"));
		assertThatThrownBy(() -> read(ImportFormat.XLSX, "Navn;By\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(ProblemException.class)
			.satisfies(ex -> assertThat(((ProblemException) ex).errors().get(0).message().code())
				.isEqualTo("invalid.importNotXlsx"));
	}

	@Test
	void aZipBombIsRefusedBeforeItIsUnpacked() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 50; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}

		assertThatThrownBy(() -> read(ImportFormat.XLSX, out.toByteArray())).isInstanceOf(ProblemException.class)
			.satisfies(ex -> assertThat(((ProblemException) ex).errors().get(0).message().code())
				.isEqualTo("invalid.importTooLarge"));
	}

	@Test
	void aVcardFileIsReadCardByCardInUtf8OrWindows1252() throws IOException {
		String vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:contactsync:contact:KT0042\r\nKIND:org\r\n"
				+ "FN:Fjøsnisse AS\r\nADR;TYPE=work:;;Storgata 1;Tromsø;;9008;NO\r\nEND:VCARD\r\n"
				+ "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Åse Ås\r\nN:Ås;Åse;;;\r\nTEL;TYPE=cell:+47 900 00 001\r\n"
				+ "EMAIL:ase@as.no\r\nEMAIL:ase@privat.no\r\nEND:VCARD\r\n";

		for (byte[] file : List.of(vcf.getBytes(StandardCharsets.UTF_8),
				vcf.getBytes(Charset.forName("windows-1252")))) {
			Read read = read(ImportFormat.VCARD, file);

			assertThat(read.header).isEqualTo(VcardRows.COLUMNS);
			assertThat(read.rowNos).containsExactly(1, 2);
			Map<String, String> company = row(read, 0);
			assertThat(company).containsEntry("no", "KT0042")
				.containsEntry("type", "COMPANY")
				.containsEntry("name", "Fjøsnisse AS")
				.containsEntry("city", "Tromsø")
				.containsEntry("email", "");
			assertThat(row(read, 1)).containsEntry("no", "")
				.containsEntry("type", "PERSON")
				.containsEntry("firstName", "Åse")
				.containsEntry("surname", "Ås")
				.containsEntry("mobilePhoneNo", "+47 900 00 001")
				.containsEntry("email", "ase@as.no; ase@privat.no");
		}
		assertThatThrownBy(() -> read(ImportFormat.VCARD, "Navn;By\r\nA;B\r\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(ProblemException.class)
			.satisfies(ex -> assertThat(((ProblemException) ex).errors().get(0).message().code())
				.isEqualTo("invalid.importNotVcard"));
	}

	private static Map<String, String> row(Read read, int index) {
		Map<String, String> row = new java.util.LinkedHashMap<>();
		for (int i = 0; i < read.header.size(); i++) {
			row.put(read.header.get(i), read.rows.get(index).get(i));
		}
		return row;
	}

	private record Read(List<String> header, List<List<String>> rows, List<Integer> rowNos) {
	}

	private Read read(ImportFormat format, byte[] content) throws IOException {
		Path file = Files.createTempFile(dir, "import", "." + format.name().toLowerCase());
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(content);
		}
		Read read = new Read(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		SheetReader.read(format, file, new SheetReader.Rows() {
			@Override
			public void header(List<String> columns) {
				read.header.addAll(columns);
			}

			@Override
			public void row(int rowNo, List<String> cells) {
				read.rows.add(cells);
				read.rowNos.add(rowNo);
			}
		});
		return read;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}

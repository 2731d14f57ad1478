package io.contactsync.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.contactsync.support.NewRecord.aCompany;
import static io.contactsync.support.NewRecord.aCustomer;
import static io.contactsync.support.NewRecord.aPerson;
import static io.contactsync.support.NewRecord.aVendor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists as CSV and XLSX files through the API: the same records, filters and fields
 * as the JSON list, the whole list however many pages it takes, text a spreadsheet cannot
 * run, Norwegian letters intact, and only for those who may read the list.
 */
class ExportApiTest extends DemoCompanyApiTest {

	private static final String CSV = "text/csv";

	private static final String XLSX = ExportFormat.XLSX_TYPE;

	@Test
	void csvHoldsTheFilteredListAsTheJsonListShowsIt() throws IOException {
		String word = unique();
		JsonNode company = create(aCompany().named("Fjellbekk Reindrift AS")
			.inCity("Čáhppesjávri " + word)
			.withPhone("+47 22 33 44 55")
			.atAddress("Bjørkeveien 1, 2. etg.")
			.with("name2", "Avd. \"Nord\"; æøå ÆØÅ"));
		create(aCompany().named("Annet Firma AS").inCity("Čáhppesjávri " + word));
		create(aPerson().named("Åse Øvrebø").workingFor(no(company)).withEmail("ase@fjellbekk.no"));
		String filter = "/api/v1/contacts?type=COMPANY&q=" + word;

		HttpResponse<byte[]> answer = admin().header("Accept", CSV).header("Accept-Language", "nb-NO").download(filter);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv;charset=UTF-8");
		assertThat(answer.headers().firstValue("Content-Disposition").orElse(""))
			.startsWith("attachment; filename=\"contacts.csv\"");
		List<CSVRecord> rows = csv(answer.body(), ';');
		JsonNode items = admin().get(filter).json().get("items");
		assertThat(items).hasSize(2);
		assertThat(rows).hasSize(3);
		assertSameAsJson(rows, items, true);
		assertThat(cell(rows, 1, "no")).isEqualTo(no(company));
		assertThat(cell(rows, 1, "phoneNo")).as("made safe, and the import takes the quote off")
			.isEqualTo("'+47 22 33 44 55");
		assertThat(cell(rows, 1, "city")).isEqualTo("Čáhppesjávri " + word);
		assertThat(cell(rows, 1, "name2")).isEqualTo("Avd. \"Nord\"; æøå ÆØÅ");
		assertThat(cell(rows, 1, "type")).isEqualTo("COMPANY");
		assertThat(cell(rows, 1, "companyNo")).as("a company shows no company, as in the API").isEmpty();
	}

	@Test
	void cellsASpreadsheetWouldRunAsFormulasAreQuotedInCsvAndTextCellsInXlsx() throws IOException {
		String word = unique();
		JsonNode evil = create(aCompany().named("=HYPERLINK(\"http://x.example\",\"Klikk\")")
			.inCity(word)
			.atAddress("@SUM(A1:A9)")
			.with("address2", "-2+3")
			.with("name2", "'=quoted already")
			.withPhone("+47 99 88 77 66"));
		String filter = "/api/v1/contacts?q=" + word;

		List<CSVRecord> rows = csv(download(filter, CSV, "en").body(), ',');

		assertThat(cell(rows, 1, "name")).isEqualTo("'=HYPERLINK(\"http://x.example\",\"Klikk\")");
		assertThat(cell(rows, 1, "address")).isEqualTo("'@SUM(A1:A9)");
		assertThat(cell(rows, 1, "address2")).isEqualTo("'-2+3");
		assertThat(cell(rows, 1, "name2")).isEqualTo("''=quoted already");
		assertThat(cell(rows, 1, "phoneNo")).isEqualTo("'+47 99 88 77 66");
		for (String field : List.of("name", "address", "address2", "name2", "phoneNo")) {
			assertThat(SpreadsheetText.restore(cell(rows, 1, field))).as("the import gets %s back", field)
				.isEqualTo(evil.get(field).asString());
		}

		List<Row> sheet = xlsx(download(filter, XLSX, "en").body());
		List<String> header = texts(sheet.get(0));
		Cell name = sheet.get(1).getCell(header.indexOf("name"));
		assertThat(name.getType()).isEqualTo(CellType.STRING);
		assertThat(name.getFormula()).isNull();
		assertThat(name.asString()).isEqualTo("=HYPERLINK(\"http://x.example\",\"Klikk\")");
		assertThat(sheet.get(1).getCellText(header.indexOf("phoneNo"))).isEqualTo("+47 99 88 77 66");
	}

	@Test
	void xlsxHoldsTheSameListWithNumbersAsNumbers() throws IOException {
		String word = unique();
		create(aCustomer().named("Havblikk Sjømat AS").inCity("Čáhppesjávri " + word).with("creditLimitLcy", 12500.5));
		create(aCustomer().named("Ærlig Øl og Ål AS").inCity("Čáhppesjávri " + word).atAddress("-12"));
		String filter = "/api/v1/customers?q=" + word;

		HttpResponse<byte[]> answer = download(filter, XLSX, "nb");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue(XLSX);
		assertThat(answer.headers().firstValue("Content-Disposition").orElse("")).contains("customers.xlsx");
		List<Row> sheet = xlsx(answer.body());
		JsonNode items = admin().get(filter).json().get("items");
		assertThat(items).hasSize(2);
		assertThat(sheet).hasSize(3);
		List<String> header = texts(sheet.get(0));
		assertThat(header).isEqualTo(fieldNames(items.get(0)));
		for (int i = 0; i < items.size(); i++) {
			Row row = sheet.get(i + 1);
			for (int column = 0; column < header.size(); column++) {
				JsonNode value = items.get(i).get(header.get(column));
				String at = header.get(column) + " of " + items.get(i).get("no").asString();
				if (value.isNumber()) {
					assertThat(row.getCell(column).getType()).as(at).isEqualTo(CellType.NUMBER);
					assertThat(row.getCell(column).asNumber()).as(at).isEqualByComparingTo(value.decimalValue());
				}
				else if (value.isBoolean()) {
					assertThat(row.getCell(column).asBoolean()).as(at).isEqualTo(value.booleanValue());
				}
				else {
					assertThat(row.getCellText(column)).as(at).isEqualTo(value.isNull() ? "" : value.asString());
				}
			}
		}
		assertThat(sheet.get(2).getCellText(header.indexOf("name"))).isEqualTo("Ærlig Øl og Ål AS");
	}

	@Test
	void aListOfManyPagesIsExportedWhole() throws IOException {
		String word = unique();
		List<String> nos = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			nos.add(no(create(aPerson().named("Person " + i + " Ødegård").inCity("Tromsø " + word))));
		}
		String filter = "/api/v1/contacts?limit=2&q=" + word;
		JsonNode firstPage = admin().get(filter).json();
		assertThat(firstPage.get("items")).hasSize(2);
		assertThat(firstPage.get("next").isNull()).as("the list has more than one page").isFalse();

		List<CSVRecord> rows = csv(download(filter, CSV, "nb").body(), ';');
		assertThat(rows.subList(1, rows.size()).stream().map(row -> row.get(0)).toList()).isEqualTo(nos);

		List<Row> sheet = xlsx(download(filter, XLSX, "nb").body());
		assertThat(sheet.subList(1, sheet.size()).stream().map(row -> row.getCellText(0)).toList()).isEqualTo(nos);

		String fromSecondPage = filter + "&cursor=" + firstPage.get("next").asString();
		List<CSVRecord> rest = csv(download(fromSecondPage, CSV, "nb").body(), ';');
		assertThat(rest.subList(1, rest.size()).stream().map(row -> row.get(0)).toList()).isEqualTo(nos.subList(2, 5));
	}

	@Test
	void theSeparatorFollowsTheLanguageUnlessOneIsAskedFor() throws IOException {
		String word = unique();
		JsonNode customer = create(aCustomer().named("Desimal AS").inCity(word).with("creditLimitLcy", 1234.5));
		String limit = customer.get("creditLimitLcy").decimalValue().toPlainString();
		String filter = "/api/v1/customers?q=" + word;

		String english = text(download(filter, CSV, "en-GB").body());
		String norwegian = text(download(filter, CSV, "nb-NO,nb;q=0.9").body());
		String asked = text(
				download(filter + "&separator=" + URLEncoder.encode(";", StandardCharsets.UTF_8), CSV, "en").body());
		String none = text(admin().header("Accept", CSV).download(filter).body());

		assertThat(english).startsWith("no,contactType,name,").contains("," + limit + ",");
		assertThat(norwegian).startsWith("no;contactType;name;").contains(";" + limit.replace('.', ',') + ";");
		assertThat(asked).isEqualTo(norwegian);
		assertThat(none).as("the API speaks English by default").isEqualTo(english);
		assertProblem(admin().header("Accept", CSV).get(filter + "&separator=tab"), 422, "VALIDATION_FAILED");
	}

	@Test
	void theCodeListsOfSetupAreExportedToo() throws IOException {
		String code = "S" + unique().substring(0, 7);
		create("/api/v1/salespeople", Map.of("code", code, "name", "Ánde Čáhppesjávri", "phoneNo", "+47 900 00 000"));

		List<CSVRecord> rows = csv(download("/api/v1/salespeople?limit=1", CSV, "nb").body(), ';');
		JsonNode items = admin().get("/api/v1/salespeople?limit=1000").json().get("items");
		assertThat(rows).hasSize(items.size() + 1);
		assertThat(rows.get(0).toList()).isEqualTo(fieldNames(items.get(0)));
		CSVRecord mine = rows.stream().filter(row -> row.get(0).equals(code)).findFirst().orElseThrow();
		assertThat(mine.get(rows.get(0).toList().indexOf("name"))).isEqualTo("Ánde Čáhppesjávri");
		assertThat(mine.get(rows.get(0).toList().indexOf("phoneNo"))).isEqualTo("'+47 900 00 000");

		List<Row> sheet = xlsx(download("/api/v1/number-series", XLSX, "en").body());
		assertThat(texts(sheet.get(0))).contains("code", "startingNo", "version");
		assertThat(admin().get("/api/v1/salespeople").contentType()).startsWith("application/json");
	}

	@Test
	void aBadFilterIsAProblemAsInTheJsonList() {
		assertProblem(admin().header("Accept", CSV).get("/api/v1/contacts?type=ROBOT"), 422, "VALIDATION_FAILED");
		assertProblem(admin().header("Accept", XLSX).get("/api/v1/customers?limit=5000"), 422, "VALIDATION_FAILED");
		assertProblem(admin().header("Accept", CSV).get("/api/v1/vendors?cursor=!!"), 400, "MALFORMED_REQUEST");
	}

	@Test
	void jsonIsStillWhatEveryOtherClientGets() {
		String word = unique();
		create(aVendor().named("Leverandør " + word));
		for (String accept : List.of("application/json", "*/*", "text/html,application/xhtml+xml,*/*;q=0.8",
				"application/json, text/csv, application/problem+json", "application/json, text/vcard",
				"application/json, text/plain, */*")) {
			Api.Response list = admin().header("Accept", accept).get("/api/v1/vendors?q=" + word);
			assertThat(list.status()).as(accept).isEqualTo(200);
			assertThat(list.contentType()).as(accept).startsWith("application/json");
			assertThat(list.json().get("items")).as(accept).hasSize(1);
		}
		Api.Response plain = admin().get("/api/v1/vendors?q=" + word);
		assertThat(plain.contentType()).startsWith("application/json");
		assertThat(admin().header("Accept", "text/vcard").get("/api/v1/vendors").status()).isEqualTo(406);
	}

	@Test
	void whoMayNotReadBankAccountsMayNotExportThem() {
		String word = unique();
		create("/api/v1/bank-accounts", Map.of("name", "Sparebanken " + word));
		String filter = "/api/v1/bank-accounts?q=" + word;

		Api sales = userWithRole("SALES");
		assertProblem(sales.header("Accept", CSV).get(filter), 403, "FORBIDDEN");
		assertProblem(sales.header("Accept", XLSX).get(filter), 403, "FORBIDDEN");
		assertThat(sales.header("Accept", CSV).download("/api/v1/customers?q=" + word).statusCode()).isEqualTo(200);

		Api finance = userWithRole("FINANCE");
		HttpResponse<byte[]> allowed = finance.header("Accept", CSV).download(filter);
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(text(allowed.body())).contains("Sparebanken " + word);
		assertProblem(anonymous().header("Accept", CSV).get(filter), 401, "UNAUTHORIZED");
	}

	private HttpResponse<byte[]> download(String path, String accept, String language) {
		HttpResponse<byte[]> answer = admin().header("Accept", accept)
			.header("Accept-Language", language)
			.download(path);
		assertThat(answer.statusCode()).as(path + " as " + accept + ": " + text(answer.body())).isEqualTo(200);
		return answer;
	}

	/** The cells of a CSV export against the JSON list, the import's undoing included. */
	private static void assertSameAsJson(List<CSVRecord> rows, JsonNode items, boolean decimalComma) {
		assertThat(rows.get(0).toList()).isEqualTo(fieldNames(items.get(0)));
		List<String> header = rows.get(0).toList();
		for (int i = 0; i < items.size(); i++) {
			CSVRecord row = rows.get(i + 1);
			for (int column = 0; column < header.size(); column++) {
				JsonNode value = items.get(i).get(header.get(column));
				String expected = value.isNull() ? "" : value.isNumber() ? value.decimalValue().toPlainString()
						: value.isBoolean() ? String.valueOf(value.booleanValue()) : value.asString();
				if (value.isNumber() && decimalComma) {
					expected = expected.replace('.', ',');
				}
				assertThat(SpreadsheetText.restore(row.get(column))).as(header.get(column)).isEqualTo(expected);
			}
		}
	}

	/**
	 * The record's own fields as the list shows them; its ids in other systems
	 * ({@code externalIds}, kept by the integration module) are not among the columns.
	 */
	private static List<String> fieldNames(JsonNode item) {
		return item.properties().stream().map(Map.Entry::getKey).filter(name -> !name.equals("externalIds")).toList();
	}

	/** The rows of a CSV export, the header row first. */
	static List<CSVRecord> csv(byte[] body, char separator) throws IOException {
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		try (CSVParser parser = CSVFormat.EXCEL.builder()
			.setDelimiter(separator)
			.get()
			.parse(new StringReader(text(body)))) {
			return parser.getRecords();
		}
	}

	/** A cell of a CSV export by the name of its column. */
	private static String cell(List<CSVRecord> rows, int row, String column) {
		int index = rows.get(0).toList().indexOf(column);
		assertThat(index).as("a column " + column).isNotNegative();
		return rows.get(row).get(index);
	}

	private static String text(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	static List<Row> xlsx(byte[] body) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body))) {
			return workbook.getFirstSheet().read();
		}
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < row.getCellCount(); i++) {
			texts.add(row.getCellText(i));
		}
		return texts;
	}

}

package io.contactsync.exchange;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetTextTest {

	@Test
	void quotesWhatASpreadsheetWouldRunAsAFormula() {
		assertThat(SpreadsheetText.safe("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
		assertThat(SpreadsheetText.safe("+47 22 33 44 55")).isEqualTo("'+47 22 33 44 55");
		assertThat(SpreadsheetText.safe("-2+3")).isEqualTo("'-2+3");
		assertThat(SpreadsheetText.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetText.safe("\tcmd")).isEqualTo("'\tcmd");
		assertThat(SpreadsheetText.safe("\rcmd")).isEqualTo("'\rcmd");
	}

	@Test
	void leavesOtherTextAlone() {
		for (String text : List.of("", "Fjellbekk AS", "22 33 44 55", "a=b", "post@firma.no", "'quoted", "Čáhppesjávri",
				" =not first")) {
			assertThat(SpreadsheetText.safe(text)).isEqualTo(text);
		}
	}

	@Test
	void aQuoteBeforeAFormulaStartIsQuotedOnceMoreSoTheImportGetsEveryValueBack() {
		assertThat(SpreadsheetText.safe("'=1+1")).isEqualTo("''=1+1");
		assertThat(SpreadsheetText.safe("''+47")).isEqualTo("'''+47");
		for (String value : List.of("", "=1+1", "'=1+1", "''=1+1", "'", "''", "'text", "+47 22 33 44 55", "-", "@",
				"a=b", "'-'", "\t", "Åse Øvrebø")) {
			assertThat(SpreadsheetText.restore(SpreadsheetText.safe(value))).as(value).isEqualTo(value);
		}
	}

	@Test
	void theImportTakesTheQuoteOffOnlyWhereTheExportPutIt() {
		assertThat(SpreadsheetText.restore("'+47 22 33 44 55")).isEqualTo("+47 22 33 44 55");
		assertThat(SpreadsheetText.restore("'quoted")).isEqualTo("'quoted");
		assertThat(SpreadsheetText.restore("+47")).isEqualTo("+47");
	}

}

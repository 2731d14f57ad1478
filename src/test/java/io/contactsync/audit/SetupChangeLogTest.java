package io.contactsync.audit;

import java.util.List;
import java.util.Map;

import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class SetupChangeLogTest extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everySetupChangeIsLoggedWithUserOriginAndOldAndNewValues() {
		String code = "L" + unique();
		admin().post("/api/v1/business-relations", Map.of("code", code, "description", "Før"));
		admin().ifMatch(1).patch("/api/v1/business-relations/" + code, Map.of("description", "Etter"));
		admin().ifMatch(2).delete("/api/v1/business-relations/" + code);

		List<Map<String, Object>> entries = jdbc
			.sql("SELECT user_name, origin, record_type, field, old_value, new_value FROM change_log"
					+ " WHERE no = ? ORDER BY id")
			.param("business-relations/" + code)
			.query()
			.listOfRows();

		assertThat(entries).extracting(e -> e.get("field") + ":" + e.get("old_value") + "->" + e.get("new_value"))
			.containsExactly("code:null->" + code, "description:null->Før", "description:Før->Etter",
					"code:" + code + "->null", "description:Etter->null");
		assertThat(entries).allSatisfy(e -> {
			assertThat(e.get("user_name")).isEqualTo("admin");
			assertThat(e.get("origin")).isEqualTo("API");
			assertThat(e.get("record_type")).isEqualTo("SETUP");
		});
	}

	@Test
	void aRefusedChangeLeavesNoLogEntry() {
		String code = "R" + unique();
		assertProblem(admin().post("/api/v1/business-relations", Map.of("code", code, "description", "x".repeat(101))),
				422, "VALIDATION_FAILED");
		assertThat(logged(code)).isEmpty();

		assertThat(admin().post("/api/v1/business-relations", Map.of("code", code, "description", "Godtatt")).status())
			.isEqualTo(201);
		assertProblem(admin().ifMatch(7).patch("/api/v1/business-relations/" + code, Map.of("description", "Utdatert")),
				412, "VERSION_CONFLICT");

		// The accepted create is there, so the query sees entries where there are some.
		assertThat(logged(code)).containsExactly("code:null->" + code, "description:null->Godtatt");
	}

	private List<String> logged(String code) {
		return jdbc
			.sql("SELECT field || ':' || coalesce(old_value, 'null') || '->' || coalesce(new_value, 'null')"
					+ " FROM change_log WHERE no = ? ORDER BY id")
			.param("business-relations/" + code)
			.query(String.class)
			.list();
	}

}

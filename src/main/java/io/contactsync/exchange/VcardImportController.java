package io.contactsync.exchange;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/contacts/import/dry-run} with a {@code .vcf} file
 * ({@code Content-Type: text/vcard}, UTF-8): what importing its cards would do, card by
 * card, with nothing written ({@link VcardDryRun}). The roles that may write contacts may
 * ask.
 */
@RestController
@Hidden
class VcardImportController {

	private final VcardDryRun dryRun;

	VcardImportController(VcardDryRun dryRun) {
		this.dryRun = dryRun;
	}

	@PostMapping(path = "/api/v1/contacts/import/dry-run", consumes = "text/vcard")
	Map<String, Object> dryRun(@RequestBody byte[] vcf) {
		List<VcardDryRun.Result> results = dryRun.run(new String(vcf, StandardCharsets.UTF_8));
		Map<VcardDryRun.Action, Integer> counts = new EnumMap<>(VcardDryRun.Action.class);
		for (VcardDryRun.Action action : VcardDryRun.Action.values()) {
			counts.put(action, 0);
		}
		results.forEach(result -> counts.merge(result.action(), 1, Integer::sum));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("cards", results.size());
		answer.put("counts", counts);
		answer.put("results", results);
		return answer;
	}

}

package io.contactsync.contact;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/contacts/{no}/duplicates")
class DuplicateController {

	private final DuplicateSearch search;

	DuplicateController(DuplicateSearch search) {
		this.search = search;
	}

	@Schema(name = "DuplicateMark")
	record Separate(@Nullable Boolean separateContacts) {
	}

	/** The contact's duplicates, those marked separate included (with the flag set). */
	@Operation(operationId = "listDuplicatesOfContact")
	@GetMapping
	List<DuplicateSearch.Duplicate> list(@PathVariable String no) {
		return search.of(no.toUpperCase(Locale.ROOT), true);
	}

	@Operation(operationId = "markDuplicate")
	@PutMapping("/{duplicateNo}")
	List<DuplicateSearch.Duplicate> mark(@PathVariable String no, @PathVariable String duplicateNo,
			@RequestBody Separate body) {
		search.markSeparate(no, duplicateNo, body.separateContacts() == null || body.separateContacts());
		return search.of(no, true);
	}

}

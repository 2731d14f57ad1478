package io.contactsync.contact;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merging contacts: the preview, the merge, and its undo within 30 days (docs/merge.md).
 * ADMIN and SALES only.
 */
@RestController
class MergeController {

	private final ContactMerges merges;

	MergeController(ContactMerges merges) {
		this.merges = merges;
	}

	@Operation(operationId = "previewContactMerge",
			summary = "What merging these contacts would do: field by field, what moves, what conflicts")
	@PostMapping(ContactController.PATH + "/merge/preview")
	ContactMerges.Preview preview(@RequestBody ContactMerges.Request request) {
		return merges.preview(request);
	}

	@Operation(operationId = "mergeContacts",
			summary = "Merges 2 to 10 contacts into the survivor, in one transaction; 409 MERGE_CONFLICT when"
					+ " they are linked to different records and the request does not say which link stays")
	@PostMapping(ContactController.PATH + "/merge")
	ContactMerges.Done merge(@RequestBody ContactMerges.Request request) {
		return merges.merge(request);
	}

	@Operation(operationId = "undoContactMerge",
			summary = "Puts a merge back within 30 days, where nothing has changed since; lists what cannot")
	@PostMapping(ContactController.PATH + "/merges/{id}/undo")
	ContactMerges.Undone undo(@PathVariable long id) {
		return merges.undo(id);
	}

}

package io.contactsync.setup;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/setup/sync-fields")
class SyncFieldController {

	private final SyncFieldMap map;

	SyncFieldController(SyncFieldMap map) {
		this.map = map;
	}

	@Operation(operationId = "getSyncFields")
	@GetMapping
	List<SyncField> get() {
		return map.entries();
	}

	@Operation(operationId = "replaceSyncFields")
	@PutMapping
	List<SyncField> put(@RequestBody List<SyncField> changes) {
		return map.update(changes);
	}

}

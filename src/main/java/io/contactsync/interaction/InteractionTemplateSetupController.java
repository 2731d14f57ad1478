package io.contactsync.interaction;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/setup/interaction-templates")
class InteractionTemplateSetupController {

	private final InteractionTemplateSetup setup;

	InteractionTemplateSetupController(InteractionTemplateSetup setup) {
		this.setup = setup;
	}

	@Operation(operationId = "getInteractionTemplateSetup")
	@GetMapping
	Map<DocumentType, @Nullable String> get() {
		return setup.all();
	}

	@Operation(operationId = "replaceInteractionTemplateSetup")
	@PutMapping
	Map<DocumentType, @Nullable String> put(@RequestBody Map<DocumentType, @Nullable String> body) {
		Map<DocumentType, @Nullable String> codes = new HashMap<>();
		body.forEach(
				(type, code) -> codes.put(type, code == null || code.isEmpty() ? null : code.toUpperCase(Locale.ROOT)));
		return setup.replace(codes);
	}

}

package io.contactsync.contact;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.contactsync.platform.ExpectedVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's roles at other companies (docs/rules.md, "Roles at other companies"):
 * listed, added, changed and ended by merge patch with {@code If-Match}.
 */
@RestController
@RequestMapping(ContactController.PATH + "/{no}/roles")
class RoleController {

	private final ContactRoles roles;

	RoleController(ContactRoles roles) {
		this.roles = roles;
	}

	/** What a role is written with; every field but the company may be left out. */
	@Schema(name = "ContactRoleRequest")
	record RoleRequest(@Nullable String companyNo, @Nullable String jobTitle, @Nullable String startingDate,
			@Nullable String endingDate, @Nullable String phoneNo, @Nullable String email) {
	}

	@Operation(operationId = "listRolesOfContact")
	@GetMapping
	List<ContactRoles.Role> list(@PathVariable String no) {
		return roles.of(no.toUpperCase(Locale.ROOT));
	}

	@Operation(operationId = "addRoleToContact",
			requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = RoleRequest.class))),
			responses = @ApiResponse(responseCode = "201", description = "Created",
					content = @Content(schema = @Schema(implementation = ContactRoles.Role.class))))
	@PostMapping
	ResponseEntity<ContactRoles.Role> add(@PathVariable String no,
			@org.springframework.web.bind.annotation.RequestBody JsonNode body) {
		ContactRoles.Role role = roles.add(no.toUpperCase(Locale.ROOT), body);
		return ResponseEntity
			.created(URI.create(ContactController.PATH + "/" + role.contactNo() + "/roles/" + role.id()))
			.eTag("\"" + role.version() + "\"")
			.body(role);
	}

	@Operation(operationId = "getRoleOfContact")
	@GetMapping("/{id}")
	ResponseEntity<ContactRoles.Role> get(@PathVariable String no, @PathVariable long id) {
		ContactRoles.Role role = roles.get(no.toUpperCase(Locale.ROOT), id);
		return ResponseEntity.ok().eTag("\"" + role.version() + "\"").body(role);
	}

	@Operation(operationId = "patchRoleOfContact",
			requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = RoleRequest.class))))
	@PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
	ResponseEntity<ContactRoles.Role> patch(@PathVariable String no, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@org.springframework.web.bind.annotation.RequestBody JsonNode body) {
		ContactRoles.Role role = roles.patch(no.toUpperCase(Locale.ROOT), id, ExpectedVersion.required(ifMatch), body);
		return ResponseEntity.ok().eTag("\"" + role.version() + "\"").body(role);
	}

}

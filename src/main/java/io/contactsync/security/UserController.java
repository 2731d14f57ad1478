package io.contactsync.security;

import java.net.URI;

import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
class UserController {

	private final UserAccounts users;

	private final ApiTokens tokens;

	UserController(UserAccounts users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@Operation(operationId = "listUsers")
	@GetMapping
	Page<UserAccount> list(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return users.list(limit, cursor);
	}

	@Operation(operationId = "getUser")
	@GetMapping("/{username}")
	ResponseEntity<UserAccount> get(@PathVariable String username) {
		return answer(users.get(username));
	}

	@Operation(operationId = "createUser",
			responses = @ApiResponse(responseCode = "201", description = "Created",
					content = @Content(schema = @Schema(ref = "UserAccount"))))
	@PostMapping
	ResponseEntity<UserAccount> create(@RequestBody UserRequest request) {
		UserAccount user = users.create(request);
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.username()))
			.eTag(ExpectedVersion.etag(user.version()))
			.body(user);
	}

	@Operation(operationId = "patchUser")
	@PatchMapping(path = "/{username}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	ResponseEntity<UserAccount> patch(@PathVariable String username,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = UserAccounts.UserPatch.class))) @RequestBody JsonNode patch) {
		return answer(users.patch(username, ExpectedVersion.required(ifMatch), patch));
	}

	@Operation(operationId = "deleteUser", responses = @ApiResponse(responseCode = "204", description = "Done"))
	@DeleteMapping("/{username}")
	ResponseEntity<Void> delete(@PathVariable String username,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		users.delete(username, ExpectedVersion.required(ifMatch));
		return ResponseEntity.noContent().build();
	}

	/**
	 * The token is in this answer and nowhere else; it cannot be read again. The body
	 * ({@code {name, expiresInDays}}) may be left out.
	 */
	@Operation(operationId = "createToken",
			responses = @ApiResponse(responseCode = "201", description = "Created",
					content = @Content(schema = @Schema(implementation = ApiTokens.Issued.class))))
	@PostMapping("/{username}/tokens")
	ResponseEntity<ApiTokens.Issued> createToken(@PathVariable String username,
			@RequestBody(required = false) ApiTokens.@Nullable Request request) {
		ApiTokens.Issued issued = tokens.create(username, request);
		return ResponseEntity.created(URI.create("/api/v1/users/" + username + "/tokens/" + issued.id())).body(issued);
	}

	@Operation(operationId = "listTokens")
	@GetMapping("/{username}/tokens")
	Page<ApiTokens.Token> tokens(@PathVariable String username, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return tokens.list(username, limit, cursor);
	}

	@Operation(operationId = "revokeToken", responses = @ApiResponse(responseCode = "204", description = "Revoked"))
	@DeleteMapping("/{username}/tokens/{id}")
	ResponseEntity<Void> revokeToken(@PathVariable String username, @PathVariable long id) {
		tokens.revoke(username, id);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<UserAccount> answer(UserAccount user) {
		return ResponseEntity.ok().eTag(ExpectedVersion.etag(user.version())).body(user);
	}

}

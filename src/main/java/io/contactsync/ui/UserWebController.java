package io.contactsync.ui;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.ProblemException;
import io.contactsync.security.Role;
import io.contactsync.security.UserAccounts;
import io.contactsync.security.UserRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users and their roles, for administrators: the same service as {@code /api/v1/users}.
 */
@Controller
@RequestMapping("/setup/users")
class UserWebController {

	private final UserAccounts users;

	private final Forms forms;

	private final Pages pages;

	UserWebController(UserAccounts users, Forms forms, Pages pages) {
		this.users = users;
		this.forms = forms;
		this.pages = pages;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", users.list(1000, null).items());
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("active", "setup");
		return "setup/users";
	}

	@PostMapping
	String create(@RequestParam String username, @RequestParam String password,
			@RequestParam(required = false) @Nullable List<Role> roles, Locale locale, RedirectAttributes next) {
		try {
			users.create(new UserRequest(username, password, roles == null ? Set.of() : EnumSet.copyOf(roles), true));
			next.addFlashAttribute("saved", forms.message("record.created", locale, username));
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
		}
		return "redirect:/setup/users";
	}

	/** Roles, enabled, and a new password when one is typed. */
	@PostMapping("/{username}")
	String change(@PathVariable String username, @RequestParam long version,
			@RequestParam(required = false) @Nullable List<Role> roles,
			@RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam(required = false) @Nullable String password, Locale locale, RedirectAttributes next) {
		ObjectNode patch = JsonNodeFactory.instance.objectNode();
		ArrayNode given = patch.putArray("roles");
		(roles == null ? List.<Role>of() : roles).forEach(role -> given.add(role.name()));
		patch.put("enabled", enabled);
		if (password != null && !password.isBlank()) {
			patch.put("password", password);
		}
		try {
			users.patch(username, ExpectedVersion.of(version), patch);
			next.addFlashAttribute("saved", forms.message("record.saved", locale));
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
		}
		return "redirect:/setup/users";
	}

	/** Asks before a user is deleted. */
	@GetMapping("/{username}/delete")
	String confirmDelete(@PathVariable String username, Model model, Locale locale) {
		var user = users.get(username);
		model.addAttribute("title", forms.message("delete.user", locale, username));
		model.addAttribute("kept", List.of(forms.message("keep.user", locale)));
		model.addAttribute("action", "/setup/users/" + username + "/delete");
		model.addAttribute("version", user.version());
		model.addAttribute("back", "/setup/users");
		model.addAttribute("active", "setup");
		return "confirm-delete";
	}

	@PostMapping("/{username}/delete")
	String delete(@PathVariable String username, @RequestParam long version, Locale locale, RedirectAttributes next) {
		try {
			users.delete(username, ExpectedVersion.of(version));
			next.addFlashAttribute("saved", forms.message("record.deleted", locale, username));
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
		}
		return "redirect:/setup/users";
	}

}

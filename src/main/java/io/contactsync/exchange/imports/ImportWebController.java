package io.contactsync.exchange.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.contactsync.platform.LocalFormats;
import io.contactsync.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import pages (docs/import.md): upload a file, map its columns, see the dry run's
 * counts and first rows of each kind, run it and follow its job, see what each row did
 * (the errors as a CSV file), undo it and see what the undo left. Over the same service
 * as the API, in the page's language.
 */
@Controller
class ImportWebController {

	/** Rows of each kind the dry run shows on the page. */
	static final int SHOWN_PER_ACTION = 10;

	/** Rows a dry run of the page rehearses. */
	static final int REHEARSED = 1000;

	private final Imports imports;

	private final ImportAnswers answers;

	private final ImportRecords records;

	private final MessageSource messages;

	ImportWebController(Imports imports, ImportAnswers answers, ImportRecords records, MessageSource messages) {
		this.imports = imports;
		this.answers = answers;
		this.records = records;
		this.messages = messages;
	}

	/**
	 * What the layout needs of every page, as the ui module's pages have it: who is
	 * signed in, with which roles, in which language.
	 */
	@ModelAttribute
	void everyPage(Model model, Locale locale, HttpServletRequest request) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		boolean nobody = signedIn == null || signedIn instanceof AnonymousAuthenticationToken;
		Set<String> roles = nobody ? Set.of()
				: signedIn.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.filter(authority -> authority.startsWith("ROLE_"))
					.map(authority -> authority.substring("ROLE_".length()))
					.collect(Collectors.toSet());
		model.addAttribute("user", nobody ? null : signedIn.getName());
		model.addAttribute("roles", roles);
		model.addAttribute("lang", LocalFormats.norwegian(locale) ? "nb" : "en");
		model.addAttribute("path", request.getRequestURI());
		model.addAttribute("kinds", List.of(ImportKind.values()));
	}

	@GetMapping("/imports")
	String upload() {
		return "imports/upload";
	}

	@PostMapping("/imports")
	String upload(@RequestParam String kind, @RequestParam("file") MultipartFile file, Model model, Locale locale)
			throws IOException {
		try (InputStream content = file.getInputStream()) {
			Imports.View view = imports.upload(kind, file.getOriginalFilename(), file.getContentType(), content);
			return "redirect:/imports/" + view.stored().settings().id();
		}
		catch (ProblemException ex) {
			model.addAttribute("problem", said(ex, locale));
			return "imports/upload";
		}
	}

	@GetMapping("/imports/{id}")
	String show(@PathVariable long id, Model model, Locale locale) {
		return page(id, model, locale);
	}

	@PostMapping("/imports/{id}/settings")
	String choose(@PathVariable long id, @RequestParam Map<String, String> form, Model model, Locale locale) {
		Map<String, @Nullable String> mapping = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("column.")) {
				mapping.put(name.substring("column.".length()), value.isBlank() ? null : value);
			}
		});
		try {
			imports.choose(id,
					new Imports.Choices(mapping, form.get("matchBy"), form.get("mode"),
							"true".equals(form.get("blankClears")), form.get("duplicates"),
							form.getOrDefault("externalSystem", "")));
		}
		catch (ProblemException ex) {
			model.addAttribute("problem", said(ex, locale));
			return page(id, model, locale);
		}
		return "redirect:/imports/" + id + "?saved";
	}

	@PostMapping("/imports/{id}/dry-run")
	String dryRun(@PathVariable long id, Model model, Locale locale) {
		try {
			List<Outcome> outcomes = imports.dryRun(id, 1, REHEARSED);
			Map<String, Integer> counts = new LinkedHashMap<>();
			Map<String, List<ImportAnswers.RowResult>> shown = new LinkedHashMap<>();
			for (Outcome.Action action : Outcome.Action.values()) {
				counts.put(action.name(), 0);
				shown.put(action.name(), new ArrayList<>());
			}
			for (Outcome outcome : outcomes) {
				String action = outcome.action().name();
				counts.merge(action, 1, Integer::sum);
				if (shown.get(action).size() < SHOWN_PER_ACTION) {
					shown.get(action).add(answers.of(outcome, locale));
				}
			}
			model.addAttribute("dryRunCounts", counts);
			model.addAttribute("dryRunRows", shown);
			model.addAttribute("dryRunAll", outcomes.size());
		}
		catch (ProblemException ex) {
			model.addAttribute("problem", said(ex, locale));
		}
		return page(id, model, locale);
	}

	@PostMapping("/imports/{id}/run")
	String run(@PathVariable long id, Model model, Locale locale) {
		try {
			imports.run(id);
		}
		catch (ProblemException ex) {
			model.addAttribute("problem", said(ex, locale));
			return page(id, model, locale);
		}
		return "redirect:/imports/" + id;
	}

	@PostMapping("/imports/{id}/undo")
	String undo(@PathVariable long id, Model model, Locale locale) {
		try {
			imports.undo(id);
		}
		catch (ProblemException ex) {
			model.addAttribute("problem", said(ex, locale));
			return page(id, model, locale);
		}
		return "redirect:/imports/" + id;
	}

	/** The rows the run refused, as CSV in the page's language: row, field, message. */
	@GetMapping("/imports/{id}/errors.csv")
	void errors(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
		boolean norwegian = LocalFormats.norwegian(locale);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
		var out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		CSVFormat format = CSVFormat.EXCEL.builder()
			.setDelimiter(norwegian ? ';' : ',')
			.setRecordSeparator("\r\n")
			.get();
		CSVPrinter csv = new CSVPrinter(out, format);
		csv.printRecord(messages.getMessage("import.errors.row", null, locale),
				messages.getMessage("import.errors.name", null, locale),
				messages.getMessage("import.errors.field", null, locale),
				messages.getMessage("import.errors.message", null, locale));
		int after = 0;
		List<Outcome> page;
		while (!(page = imports.outcomes(id, "ERROR", after, 500)).isEmpty()) {
			for (Outcome outcome : page) {
				for (ImportAnswers.Said said : answers.said(outcome.errors(), locale)) {
					csv.printRecord(outcome.row(), io.contactsync.exchange.SpreadsheetText.safe(outcome.name()),
							said.field(), said.message());
				}
				after = outcome.row();
			}
		}
		csv.flush();
	}

	private String page(long id, Model model, Locale locale) {
		Imports.View view = imports.get(id);
		model.addAttribute("imp", answers.of(view));
		model.addAttribute("fieldLabels", labels(view.fields(), locale));
		if (view.job() != null && view.job().isFinished()) {
			List<ImportAnswers.RowResult> errors = imports.outcomes(id, "ERROR", 0, SHOWN_PER_ACTION)
				.stream()
				.map(outcome -> answers.of(outcome, locale))
				.toList();
			model.addAttribute("errorRows", errors);
		}
		if (view.undoJob() != null) {
			model.addAttribute("left", records.list(id, "LEFT", 100, 0, locale).items());
		}
		return "imports/import";
	}

	/** Each field by the label its card gives it. */
	private Map<String, String> labels(List<String> fields, Locale locale) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (String field : fields) {
			String code = field.equals(ImportFields.EXTERNAL_ID) || field.equals(ImportFields.COMPANY)
					? "import.field." + field : "field." + field;
			labels.put(field, messages.getMessage(code, null, field, locale));
		}
		return labels;
	}

	private String said(ProblemException ex, Locale locale) {
		String detail = messages.getMessage(ex.detail(), locale);
		if (ex.errors().isEmpty()) {
			return detail;
		}
		return ex.errors()
			.stream()
			.map(error -> (error.field().isEmpty() ? "" : error.field() + ": ")
					+ messages.getMessage(error.message(), locale))
			.collect(Collectors.joining("; "));
	}

}

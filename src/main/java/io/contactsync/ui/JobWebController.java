package io.contactsync.ui;

import java.util.Locale;
import java.util.stream.Collectors;

import io.contactsync.job.Job;
import io.contactsync.job.Jobs;
import io.contactsync.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Batch jobs: start one over a number range, watch its progress bar fill (the page asks
 * for the figures every second while the job runs), and cancel it.
 */
@Controller
@RequestMapping("/jobs")
class JobWebController {

	private final Jobs jobs;

	private final Pages pages;

	private final Forms forms;

	JobWebController(Jobs jobs, Pages pages, Forms forms) {
		this.jobs = jobs;
		this.pages = pages;
		this.forms = forms;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("types", Jobs.types());
		model.addAttribute("jobs", jobs.list(20, null).items());
		model.addAttribute("active", "jobs");
		return "jobs/list";
	}

	@PostMapping
	String start(@RequestParam String type, @RequestParam(required = false) @Nullable String noFrom,
			@RequestParam(required = false) @Nullable String noTo, Locale locale, RedirectAttributes next) {
		try {
			Job job = jobs
				.submit(new Jobs.Request(type, new Job.Filter(Forms.blankAsNull(noFrom), Forms.blankAsNull(noTo))));
			next.addFlashAttribute("saved", forms.message("job.started", locale, job.id()));
			return "redirect:/jobs/" + job.id();
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
			return "redirect:/jobs";
		}
	}

	@GetMapping("/{id}")
	String card(@PathVariable long id, Model model, Locale locale) {
		show(jobs.get(id), model, locale);
		model.addAttribute("active", "jobs");
		return "jobs/card";
	}

	/** The progress part of the card, which the page fetches again until the job ends. */
	@GetMapping("/{id}/progress")
	String progress(@PathVariable long id, Model model, Locale locale) {
		show(jobs.get(id), model, locale);
		return "jobs/card :: progress";
	}

	/** A record the job left out, and why, in the page's language. */
	record Failure(String no, String reason) {
	}

	private void show(Job job, Model model, Locale locale) {
		model.addAttribute("job", job);
		model.addAttribute("failures", job.errors()
			.stream()
			.map(error -> new Failure(error.no(), error.said().isEmpty() ? error.message()
					: error.said().stream().map(said -> forms.say(said, locale)).collect(Collectors.joining(" "))))
			.toList());
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable long id, Locale locale, RedirectAttributes next) {
		try {
			jobs.cancel(id);
			next.addFlashAttribute("saved", forms.message("job.canceling", locale, id));
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
		}
		return "redirect:/jobs/" + id;
	}

}

package io.contactsync.job;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/jobs")
class JobController {

	private final Jobs jobs;

	JobController(Jobs jobs) {
		this.jobs = jobs;
	}

	@PostMapping
	ResponseEntity<Job> submit(@RequestBody Jobs.Request request) {
		Job job = jobs.submit(request);
		return ResponseEntity.accepted().header("Location", "/api/v1/jobs/" + job.id()).body(job);
	}

	@GetMapping
	Map<String, @Nullable Object> list(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return jobs.list(limit, cursor).asMap();
	}

	@GetMapping("/{id}")
	Job get(@PathVariable long id) {
		return jobs.get(id);
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<Job> cancel(@PathVariable long id) {
		return ResponseEntity.accepted().body(jobs.cancel(id));
	}

}

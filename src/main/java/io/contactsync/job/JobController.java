package io.contactsync.job;

import io.contactsync.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

	@Operation(operationId = "submitJob",
			responses = @ApiResponse(responseCode = "202", description = "Accepted",
					content = @Content(schema = @Schema(ref = "Job"))))
	@PostMapping
	ResponseEntity<Job> submit(@RequestBody Jobs.Request request) {
		Job job = jobs.submit(request);
		return ResponseEntity.accepted().header("Location", "/api/v1/jobs/" + job.id()).body(job);
	}

	@Operation(operationId = "listJobs")
	@GetMapping
	Page<Job> list(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return jobs.list(limit, cursor);
	}

	@Operation(operationId = "getJob")
	@GetMapping("/{id}")
	Job get(@PathVariable long id) {
		return jobs.get(id);
	}

	@Operation(operationId = "cancelJob",
			responses = @ApiResponse(responseCode = "202", description = "Accepted",
					content = @Content(schema = @Schema(ref = "Job"))))
	@PostMapping("/{id}/cancel")
	ResponseEntity<Job> cancel(@PathVariable long id) {
		return ResponseEntity.accepted().body(jobs.cancel(id));
	}

}

package io.contactsync.job;

import java.util.List;

import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import io.contactsync.support.ApiSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The jobs endpoints translate HTTP to the job service and back; what a job does is the
 * service's, tested over the whole application (JobApiTest).
 */
@ApiSlice(JobController.class)
@WithMockUser
class JobControllerTest {

	private static final String CUSTOMERS = "CREATE_CONTACTS_FROM_CUSTOMERS";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Jobs jobs;

	@Test
	void aSubmittedJobIsAcceptedWithWhereToFollowIt() {
		given(jobs.submit(new Jobs.Request(CUSTOMERS, new Job.Filter("K00010", "K00090"))))
			.willReturn(job(7, "QUEUED"));

		MvcTestResult result = mvc.post()
			.uri("/api/v1/jobs")
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\": \"" + CUSTOMERS + "\", \"filter\": {\"noFrom\": \"K00010\", \"noTo\": \"K00090\"}}")
			.exchange();

		assertThat(result).hasStatus(202).hasHeader("Location", "/api/v1/jobs/7");
		assertThat(result).bodyJson().extractingPath("$.id").isEqualTo(7);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("QUEUED");
		assertThat(result).bodyJson().extractingPath("$.filter.noFrom").isEqualTo("K00010");
	}

	@Test
	void aJobRequestWithAFieldNoJobHasIsRefusedBeforeAnyJobIsSubmitted() {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/jobs")
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\": \"" + CUSTOMERS + "\", \"filtre\": {\"noFrom\": \"K00010\"}}")
			.exchange();

		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("filtre");
		verifyNoInteractions(jobs);
	}

	@Test
	void aJobIsReadByItsNumber() {
		given(jobs.get(7)).willReturn(job(7, "RUNNING"));

		assertThat(mvc.get().uri("/api/v1/jobs/7")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("RUNNING");
	}

	@Test
	void aJobIdThatIsNoNumberIsAMalformedRequestNamingTheId() {
		MvcTestResult result = mvc.get().uri("/api/v1/jobs/seven").exchange();

		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
		verifyNoInteractions(jobs);
	}

	@Test
	void aJobTheServiceDoesNotKnowIsNotFound() {
		given(jobs.get(404)).willThrow(new Problems.NotFound(Problems.kindName("JOB"), "404"));

		MvcTestResult result = mvc.get().uri("/api/v1/jobs/404").exchange();

		assertThat(result).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("NOT_FOUND");
	}

	@Test
	void aCancelIsAcceptedWithTheJobAsItNowIs() {
		given(jobs.cancel(7)).willReturn(job(7, "CANCELLED"));

		MvcTestResult result = mvc.post().uri("/api/v1/jobs/7/cancel").with(csrf()).exchange();

		assertThat(result).hasStatus(202).bodyJson().extractingPath("$.status").isEqualTo("CANCELLED");
	}

	@Test
	void theListPassesItsLimitAndCursorOnAndAnswersAPage() {
		given(jobs.list(1, "Nw")).willReturn(new Page<>(List.of(job(6, "SUCCEEDED")), "Ng"));

		MvcTestResult result = mvc.get().uri("/api/v1/jobs?limit=1&cursor=Nw").exchange();

		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().extractingPath("$.items[0].id").isEqualTo(6);
		assertThat(result).bodyJson().extractingPath("$.next").isEqualTo("Ng");
	}

	private static Job job(long id, String status) {
		return new Job(id, CUSTOMERS, status, new Job.Filter("K00010", "K00090"), 0, 0, 0, 0, 0, 0, null, null,
				List.of());
	}

}

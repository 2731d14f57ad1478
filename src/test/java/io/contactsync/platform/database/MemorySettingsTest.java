package io.contactsync.platform.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemorySettingsTest {

	private static final long GB = 1024L * 1024 * 1024;

	@Test
	void aSixteenthOfTheMemoryForTheBuffersAndHalfForTheCache() {
		assertThat(MemorySettings.forMemory(24 * GB)).containsEntry("shared_buffers", "1536MB")
			.containsEntry("effective_cache_size", "12288MB");
	}

	@Test
	void neverBelowPostgresqlsOwnDefaultNorAboveTwoGigabytes() {
		assertThat(MemorySettings.forMemory(GB)).containsEntry("shared_buffers", "128MB")
			.containsEntry("effective_cache_size", "512MB");
		assertThat(MemorySettings.forMemory(256 * GB)).containsEntry("shared_buffers", "2048MB");
	}

}

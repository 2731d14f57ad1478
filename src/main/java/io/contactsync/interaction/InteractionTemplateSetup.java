package io.contactsync.interaction;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.contactsync.platform.FieldChange;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.SetupChanged;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which interaction template each document type logs. A type without a template logs
 * nothing, and the action still succeeds.
 */
@Service
public class InteractionTemplateSetup {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	InteractionTemplateSetup(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Every document type, with its template code or null. */
	@Transactional(readOnly = true)
	public Map<DocumentType, @Nullable String> all() {
		Map<DocumentType, @Nullable String> setup = new EnumMap<>(DocumentType.class);
		for (DocumentType type : DocumentType.values()) {
			setup.put(type, null);
		}
		jdbc.sql("SELECT document_type, template_code FROM interaction_template_setup")
			.query((rs, n) -> Map.entry(DocumentType.valueOf(rs.getString(1)), rs.getString(2)))
			.list()
			.forEach(entry -> setup.put(entry.getKey(), entry.getValue()));
		return setup;
	}

	@Transactional(readOnly = true)
	public Optional<String> templateFor(DocumentType type) {
		return jdbc.sql("SELECT template_code FROM interaction_template_setup WHERE document_type = ?")
			.param(type.name())
			.query(String.class)
			.optional();
	}

	/** Replaces the setup: a document type left out, or null, logs nothing. */
	@Transactional
	public Map<DocumentType, @Nullable String> replace(Map<DocumentType, @Nullable String> setup) {
		List<FieldError> unknown = new ArrayList<>();
		setup.forEach((type, code) -> {
			if (code != null && !templateExists(code)) {
				unknown.add(new FieldError(type.name(), "invalid.unknownCode",
						Problems.kindName("INTERACTION_TEMPLATE"), code));
			}
		});
		if (!unknown.isEmpty()) {
			throw new Problems.UnknownCode(unknown);
		}
		Map<DocumentType, @Nullable String> current = all();
		for (DocumentType type : DocumentType.values()) {
			String old = current.get(type);
			String now = setup.get(type);
			if (Objects.equals(old, now)) {
				continue;
			}
			if (now == null) {
				jdbc.sql("DELETE FROM interaction_template_setup WHERE document_type = ?").param(type.name()).update();
			}
			else {
				jdbc.sql("INSERT INTO interaction_template_setup (document_type, template_code) VALUES (?, ?)"
						+ " ON CONFLICT (document_type) DO UPDATE SET template_code = excluded.template_code")
					.params(type.name(), now)
					.update();
			}
			events.publishEvent(
					SetupChanged.of("setup/interaction-templates", List.of(new FieldChange(type.name(), old, now))));
		}
		return all();
	}

	private boolean templateExists(String code) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM interaction_template WHERE code = ?)")
			.param(code)
			.query(Boolean.class)
			.single();
	}

}

package io.contactsync.interaction;

import java.math.BigDecimal;
import java.util.List;

import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.Table;

/** Interaction templates as a setup table: what kind of interaction each one logs. */
public final class InteractionTemplates {

	public static final Table TABLE = Table.of("interaction-templates", "interaction_template", "Interaction template",
			List.of(Field.code("code", 10).required()), Field.text("description", 100),
			Field.oneOf("informationFlow", List.of("OUTBOUND", "INBOUND")).defaultsTo("OUTBOUND"),
			Field.oneOf("initiatedBy", List.of("US", "THEM")).defaultsTo("US"),
			Field.decimal("unitCostLcy").defaultsTo(BigDecimal.ZERO),
			Field.decimal("unitDurationMin").defaultsTo(BigDecimal.ZERO));

	private InteractionTemplates() {
	}

}

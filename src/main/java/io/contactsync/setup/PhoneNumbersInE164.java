package io.contactsync.setup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.stereotype.Component;

/**
 * Migration 12.0.5: the E.164 form of the phone numbers stored before the data checks
 * (docs/rules.md, "Checked data"), so that search finds them by it at once. SQL cannot
 * read a phone number as libphonenumber does, hence a Java migration; Spring Boot hands
 * Flyway every such bean. It writes only the derived columns, which the change log does
 * not record; the duplicate-search strings follow with the job
 * GENERATE_DUPLICATE_SEARCH_STRINGS (docs/operations.md).
 */
@Component
class PhoneNumbersInE164 implements JavaMigration {

	private static final List<String> TABLES = List.of("contact", "customer", "vendor", "bank_account");

	private static final int BATCH = 1000;

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("12.0.5");
	}

	@Override
	public String getDescription() {
		return "phone numbers in e164";
	}

	@Override
	public Integer getChecksum() {
		return 1205;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		for (String table : TABLES) {
			try (PreparedStatement read = connection
				.prepareStatement("SELECT no, country_region_code, phone_no," + " mobile_phone_no, fax_no FROM " + table
						+ " WHERE phone_no <> '' OR mobile_phone_no <> ''" + " OR fax_no <> ''");
					PreparedStatement write = connection.prepareStatement("UPDATE " + table
							+ " SET phone_no_e164 = ?, mobile_phone_no_e164 = ?, fax_no_e164 = ? WHERE no = ?")) {
				read.setFetchSize(BATCH);
				int pending = 0;
				try (ResultSet rows = read.executeQuery()) {
					while (rows.next()) {
						String region = ValueChecks.region(rows.getString(2));
						write.setString(1, ValueChecks.e164(rows.getString(3), region));
						write.setString(2, ValueChecks.e164(rows.getString(4), region));
						write.setString(3, ValueChecks.e164(rows.getString(5), region));
						write.setString(4, rows.getString(1));
						write.addBatch();
						if (++pending == BATCH) {
							write.executeBatch();
							pending = 0;
						}
					}
				}
				if (pending > 0) {
					write.executeBatch();
				}
			}
		}
	}

}

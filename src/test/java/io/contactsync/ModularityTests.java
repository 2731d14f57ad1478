package io.contactsync;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The structure of the application is a test: module boundaries, and a few house rules.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(ContactSyncApplication.class);

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.contactsync");

	@Test
	void modulesKeepTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDocumentation() throws java.io.IOException {
		java.nio.file.Path docs = java.nio.file.Path.of("target/spring-modulith-docs");
		java.nio.file.Path purchasing = docs.resolve("module-purchasing.puml");
		java.nio.file.Files.deleteIfExists(purchasing);

		new Documenter(MODULES).writeDocumentation().writeIndividualModulesAsPlantUml();

		assertThat(docs.resolve("components.puml")).exists();
		assertThat(purchasing).as("a diagram per module, written anew").exists();
		assertThat(java.nio.file.Files.readString(purchasing)).contains("Purchasing (vendors)");
	}

	@Test
	void controllersAreNotPublic() {
		ArchRule rule = classes().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.notBePublic()
			.because("controllers are adapters; other modules use the module's API, not its endpoints");
		rule.check(CLASSES);
	}

	@Test
	void onlyTheWebAdaptersKnowAboutHttp() {
		ArchRule rule = noClasses().that()
			.resideInAnyPackage("io.contactsync.numbering..", "io.contactsync.setup..", "io.contactsync.interaction..",
					"io.contactsync.audit..", "io.contactsync.demo..", "io.contactsync.contact..",
					"io.contactsync.customer..", "io.contactsync.purchasing..", "io.contactsync.bankaccount..",
					"io.contactsync.relation..")
			.and()
			.areNotAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.servlet..", "org.springframework.web..")
			.because("services decide, controllers translate (docs/architecture.md)");
		rule.check(CLASSES);
	}

	@Test
	void nothingWritesToTheConsoleButTheFirstStartPassword() {
		ArchRule rule = noClasses().that()
			.doNotHaveSimpleName("FirstAdmin")
			.should()
			.accessField(System.class, "out")
			.because("logs go through SLF4J; only the generated admin password is printed, once");
		rule.check(CLASSES);
	}

}

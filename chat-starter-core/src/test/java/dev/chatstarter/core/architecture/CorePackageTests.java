package dev.chatstarter.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Tests for the package structure of core: the API packages and the pipeline's stages below them form a graph
 * without cycles, and the engine in {@code internal} stays out of the API's way.
 */
class CorePackageTests {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.chatstarter.core");

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("dev.chatstarter.(**)").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void apiPackagesUseNoEngineClassButTheTextHelpers() {
		noClasses().that()
			.resideInAnyPackage("dev.chatstarter.core.chat..", "dev.chatstarter.core.error..",
					"dev.chatstarter.core.http..", "dev.chatstarter.core.image..", "dev.chatstarter.core.model..",
					"dev.chatstarter.core.observation..", "dev.chatstarter.core.output..",
					"dev.chatstarter.core.provider..", "dev.chatstarter.core.resilience..",
					"dev.chatstarter.core.stream..", "dev.chatstarter.core.tool..")
			.should()
			.dependOnClassesThat(resideInAPackage("dev.chatstarter.core.internal..")
				.and(not(resideInAPackage("dev.chatstarter.core.internal.text.."))))
			.check(CORE);
	}

	@Test
	void stagesDoNotCallBackIntoTheFacade() {
		noClasses().that()
			.resideInAPackage("dev.chatstarter.core.internal..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.chatstarter.core")
			.check(CORE);
	}

}

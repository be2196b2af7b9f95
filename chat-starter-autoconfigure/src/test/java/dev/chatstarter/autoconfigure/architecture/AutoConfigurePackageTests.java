/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.chatstarter.autoconfigure.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Tests for the package structure of the auto-configuration: one package per concern
 * (health, observation, web, sanitize, tool) beside the root package that turns
 * {@code chat.providers.*} into templates, with no cycle between them.
 */
class AutoConfigurePackageTests {

	private static final JavaClasses AUTOCONFIGURE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.chatstarter.autoconfigure");

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("dev.chatstarter.(**)").should().beFreeOfCycles().check(AUTOCONFIGURE);
	}

	@Test
	void theRootPackageKnowsNoConcernPackage() {
		noClasses().that()
			.resideInAPackage("dev.chatstarter.autoconfigure")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.chatstarter.autoconfigure.health..", "dev.chatstarter.autoconfigure.observation..",
					"dev.chatstarter.autoconfigure.web..", "dev.chatstarter.autoconfigure.sanitize..")
			.because("each concern builds on the templates, not the other way round")
			.check(AUTOCONFIGURE);
	}

}

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

package dev.chatstarter.core.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * Tests for the package structure of core: the API packages and the pipeline's stages
 * below them form a graph without cycles, the engine in {@code internal} stays out of the
 * API's way, and only the WebClient transport needs the optional Spring WebFlux.
 */
class CorePackageTests {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.chatstarter.core");

	@Test
	void packagesAreFreeOfCycles() {
		SlicesRuleDefinition.slices().matching("dev.chatstarter.(**)").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void apiPackagesUseNoEngineClassButTheTextHelpers() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAnyPackage("dev.chatstarter.core.chat..", "dev.chatstarter.core.error..",
					"dev.chatstarter.core.http..", "dev.chatstarter.core.image..", "dev.chatstarter.core.model..",
					"dev.chatstarter.core.observation..", "dev.chatstarter.core.output..",
					"dev.chatstarter.core.provider..", "dev.chatstarter.core.resilience..",
					"dev.chatstarter.core.stream..", "dev.chatstarter.core.tool..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.chatstarter.core.internal..")
				.and(DescribedPredicate
					.not(JavaClass.Predicates.resideInAPackage("dev.chatstarter.core.internal.text.."))))
			.check(CORE);
	}

	@Test
	void onlyTheWebClientTransportUsesSpringWebFlux() {
		ArchRuleDefinition.noClasses()
			.that()
			.doNotHaveSimpleName("WebClientTransport")
			.and()
			.doNotHaveSimpleName("WebClientConnection")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web.reactive..", "org.springframework.http.client.reactive..")
			.because("spring-webflux is optional: the default transport needs only Reactor Netty")
			.check(CORE);
	}

	@Test
	void stagesDoNotCallBackIntoTheFacade() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAPackage("dev.chatstarter.core.internal..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.chatstarter.core")
			.check(CORE);
	}

}

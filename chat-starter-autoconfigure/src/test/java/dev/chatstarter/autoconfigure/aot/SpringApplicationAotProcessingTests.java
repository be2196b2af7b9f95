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

package dev.chatstarter.autoconfigure.aot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor.Settings;
import org.springframework.core.SpringProperties;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.SourceFile;
import org.springframework.core.test.tools.TestCompiler;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's own AOT path, the one {@code spring-boot:process-aot} runs:
 * {@link SpringApplicationAotProcessor} processes a {@code SpringApplication} with a
 * provider given as arguments, and the application then starts from the generated code on
 * the JVM ({@code spring.aot.enabled}) with the run-time URL and answers through its
 * template.
 */
@CompileWithForkedClassLoader
class SpringApplicationAotProcessingTests {

	@TempDir
	Path output;

	@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	@Test
	void processAotThenStartTheGeneratedApplicationOnTheJvm() throws Exception {
		Settings settings = Settings.builder()
			.sourceOutput(this.output.resolve("sources"))
			.resourceOutput(this.output.resolve("resources"))
			.classOutput(this.output.resolve("classes"))
			.groupId("dev.chatstarter")
			.artifactId("aot-test")
			.build();
		new SpringApplicationAotProcessor(AotApplication.class, settings,
				new String[] { "--chat.providers.fast.base-url=http://127.0.0.1:1/v1" })
			.process();
		try (FakeChatServer fast = new FakeChatServer().start()) {
			fast.enqueue(FakeResponse.text("hello from an AOT-processed application"));
			TestCompiler.forSystem().withSources(sources(this.output.resolve("sources"))).compile((compiled) -> {
				SpringApplication application = new SpringApplication(AotApplication.class);
				application.setMainApplicationClass(AotApplication.class);
				SpringProperties.setFlag(AotDetector.AOT_ENABLED);
				try (ConfigurableApplicationContext context = application
					.run("--chat.providers.fast.base-url=" + fast.baseUrl(), "--spring.main.banner-mode=off")) {
					assertThat(context.getBean(ChatTemplate.class).prompt("hi").call().content())
						.isEqualTo("hello from an AOT-processed application");
				}
				finally {
					SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
				}
			});
		}

	}

	private static List<SourceFile> sources(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.map((file) -> SourceFile.of(new FileSystemResource(file)))
				.toList();
		}
	}

}

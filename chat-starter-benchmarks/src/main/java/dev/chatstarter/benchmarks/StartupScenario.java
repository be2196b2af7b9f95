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

package dev.chatstarter.benchmarks;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.springframework.util.FileSystemUtils;

/**
 * Scenario 5: the start-up of one application ({@link StartupApp}) with the starter and
 * without its auto-configuration on the class path, alternating, each in a fresh JVM.
 */
final class StartupScenario implements Scenario {

	private static final String DESCRIPTION_START = "One Spring Boot application (no web server) with 3 providers "
			+ "(`chat.providers.alpha|beta|gamma`) and 10 `@ChatTool` methods on 2 beans, 5 of them offered per "
			+ "provider by property; started ";

	private static final String DESCRIPTION_END = " times without `chat-starter-autoconfigure` on the classpath (the Spring AI and LangChain4j adapters, opt-in modules, on neither side) "
			+ "(same beans, the tool annotations still there), alternating, each in a fresh JVM. Medians; single "
			+ "start-ups vary by ±300 ms on a busy machine, so the added time moves by about 100 ms from run to run. "
			+ "CPU is the whole JVM's CPU time when ready (including the JIT compiler threads). The starter creates a "
			+ "provider's HTTP stack (Reactor Netty and its pool) on the provider's first request and a tool's JSON "
			+ "schema when a call first offers it, so start-up pays for binding and validating the configuration and "
			+ "for creating the templates and tool callbacks.";

	/**
	 * The adapters, opt-in modules with their own auto-configuration: on neither side.
	 */
	private static final List<String> ADAPTER_JARS = List.of("chat-starter-spring-ai", "chat-starter-langchain4j");

	/** Without the starter: no auto-configuration, and no adapter (they build on it). */
	private static final List<String> STARTER_JARS = List.of("chat-starter-autoconfigure", "chat-starter-spring-ai",
			"chat-starter-langchain4j");

	@Override
	public String name() {
		return "startup";
	}

	@Override
	public void run(ScenarioContext context) throws Exception {
		int runs = context.options().quick() ? 20 : 40;
		System.out.println("Scenario 5: start-up, " + runs + " runs each");
		Startups with = new Startups();
		Startups without = new Startups();
		String classPathWith = classPathWithout(ADAPTER_JARS);
		String classPathWithout = classPathWithout(STARTER_JARS);
		for (int i = 0; i < runs * 2; i++) {
			boolean starter = (i % 2 == 0);
			Process child = ChildJvm.startOn(starter ? classPathWith : classPathWithout, List.of("-Xmx256m"),
					ChildJvm.STARTUP, Boolean.toString(starter), context.stubUrl(""));
			Map<String, String> f = ChildJvm.result(child, 120);
			System.out.println("  startup " + (starter ? "with" : "without") + ": " + f);
			(starter ? with : without).add(f);
		}
		double added = with.uptime.percentile(50) - without.uptime.percentile(50);
		context.targets().startupAdded(added);
		String table = TableWriter.table()
			.left("application")
			.right("JVM uptime when ready, ms", "`SpringApplication.run` ms", "CPU ms")
			.row("without the starter", without.uptime.percentile(50), without.run.percentile(50),
					without.cpu.percentile(50))
			.row("with the starter", with.uptime.percentile(50), with.run.percentile(50), with.cpu.percentile(50))
			.row("**added by the starter**", "**" + TableWriter.number(added, 0) + "**",
					"**" + (with.run.percentile(50) - without.run.percentile(50)) + "**",
					"**" + (with.cpu.percentile(50) - without.cpu.percentile(50)) + "**")
			.render();
		context.report()
			.section("5. Application start-up",
					DESCRIPTION_START + runs + " times with the starter and " + runs + DESCRIPTION_END)
			.append(table);
	}

	/**
	 * The benchmark's class path without some of its jars: the manifest class path of the
	 * benchmark jar expanded and filtered, and the jar's own classes copied to a
	 * directory (the jar itself would bring its whole manifest class path back).
	 * @param excludedJars the prefixes of the names of the jars left out
	 * @return the class path
	 * @throws Exception if a jar cannot be read or its classes cannot be copied
	 */
	private static String classPathWithout(List<String> excludedJars) throws Exception {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path path = Path.of(entry).toAbsolutePath();
			if (!entry.endsWith(".jar")) {
				entries.add(path.toString());
				continue;
			}
			Path classes = Files.createTempDirectory("benchmark-classes");
			Runtime.getRuntime()
				.addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(classes.toFile()),
						"delete " + classes.getFileName()));
			try (JarFile jar = new JarFile(path.toFile())) {
				for (JarEntry jarEntry : Collections.list(jar.entries())) {
					if (!jarEntry.isDirectory() && !jarEntry.getName().startsWith("META-INF/")) {
						Path target = classes.resolve(jarEntry.getName());
						Files.createDirectories(target.getParent());
						try (InputStream in = jar.getInputStream(jarEntry)) {
							Files.copy(in, target);
						}
					}
				}
				entries.add(classes.toString());
				Manifest manifest = jar.getManifest();
				String manifestPath = (manifest != null)
						? manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH) : null;
				if (manifestPath != null) {
					for (String relative : manifestPath.trim().split("\\s+")) {
						entries.add(path.resolveSibling(relative).toString());
					}
				}
			}
		}
		entries.removeIf((entry) -> excludedJars.stream()
			.anyMatch((jar) -> Path.of(entry).getFileName().toString().startsWith(jar)));
		return String.join(File.pathSeparator, entries);
	}

	/**
	 * The start-ups of the application with or without the starter.
	 */
	private static final class Startups {

		final Samples uptime = new Samples();

		final Samples run = new Samples();

		final Samples cpu = new Samples();

		/**
		 * Add one start-up, unless its child printed no result.
		 * @param f the fields the child printed
		 */
		void add(Map<String, String> f) {
			if (f.containsKey("uptimeMs")) {
				this.uptime.add(Long.parseLong(f.get("uptimeMs")));
				this.run.add(Long.parseLong(f.get("runMs")));
				this.cpu.add(Long.parseLong(f.get("cpuMs")));
			}
		}

	}

}

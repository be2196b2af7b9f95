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

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import dev.chatstarter.core.tool.ChatTool;

/**
 * Scenario 5: an application with 3 providers and 10 {@link ChatTool} methods, started
 * with the starter's auto-configuration on the class path or without it (same beans).
 * Prints the JVM uptime and CPU time when the application is ready and the time
 * {@code SpringApplication.run} took.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ StartupApp.TravelTools.class, StartupApp.OfficeTools.class })
public class StartupApp {

	static void run(boolean withStarter, String baseUrl) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String name : new String[] { "alpha", "beta", "gamma" }) {
			properties.put("chat.providers." + name + ".base-url", baseUrl + "/v1");
			properties.put("chat.providers." + name + ".api-key", "bench-key");
			properties.put("chat.providers." + name + ".model", StubServer.MODEL);
		}
		properties.put("chat.default-provider", "alpha");
		properties.put("chat.providers.alpha.tools", "flight,hotel,train,car,visa");
		properties.put("chat.providers.beta.tools", "calendar,mail,contacts,notes,tasks");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "WARN");
		long t0 = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StartupApp.class)
			.web(WebApplicationType.NONE)
			.properties(properties)
			.run();
		long runMillis = (System.nanoTime() - t0) / 1_000_000;
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		long cpuMillis = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1_000_000;
		int templates = context.getBeanNamesForType(dev.chatstarter.core.ChatTemplate.class).length;
		if (templates != (withStarter ? 3 : 0)) {
			throw new IllegalStateException(
					templates + " templates with the starter " + (withStarter ? "on" : "off") + " the class path");
		}
		System.out.println("RESULT uptimeMs=" + uptime + " runMs=" + runMillis + " cpuMs=" + cpuMillis + " templates="
				+ templates);
		System.out.flush();
		Runtime.getRuntime().halt(0);
	}

	/** Five tools. */
	public static class TravelTools {

		/**
		 * Find a flight.
		 * @param city the city
		 * @return a fake answer
		 */
		@ChatTool(name = "flight", description = "Find a flight")
		public String flight(String city) {
			return city;
		}

		/**
		 * Find a hotel.
		 * @param city the city
		 * @return a fake answer
		 */
		@ChatTool(name = "hotel", description = "Find a hotel")
		public String hotel(String city) {
			return city;
		}

		/**
		 * Find a train.
		 * @param city the city
		 * @return a fake answer
		 */
		@ChatTool(name = "train", description = "Find a train")
		public String train(String city) {
			return city;
		}

		/**
		 * Rent a car.
		 * @param city the city
		 * @return a fake answer
		 */
		@ChatTool(name = "car", description = "Rent a car")
		public String car(String city) {
			return city;
		}

		/**
		 * Visa rules.
		 * @param country the country
		 * @return a fake answer
		 */
		@ChatTool(name = "visa", description = "Visa rules")
		public String visa(String country) {
			return country;
		}

	}

	/** Five more tools. */
	public static class OfficeTools {

		/**
		 * Agenda of a day.
		 * @param day the day
		 * @return a fake answer
		 */
		@ChatTool(name = "calendar", description = "Agenda of a day")
		public String calendar(String day) {
			return day;
		}

		/**
		 * Send a mail.
		 * @param to the address
		 * @param text the text
		 * @return a fake answer
		 */
		@ChatTool(name = "mail", description = "Send a mail")
		public String mail(String to, String text) {
			return to;
		}

		/**
		 * Find a contact.
		 * @param name the name
		 * @return a fake answer
		 */
		@ChatTool(name = "contacts", description = "Find a contact")
		public String contacts(String name) {
			return name;
		}

		/**
		 * Write a note.
		 * @param text the text
		 * @return a fake answer
		 */
		@ChatTool(name = "notes", description = "Write a note")
		public String notes(String text) {
			return text;
		}

		/**
		 * Create a task.
		 * @param title the title
		 * @return a fake answer
		 */
		@ChatTool(name = "tasks", description = "Create a task")
		public String tasks(String title) {
			return title;
		}

	}

}

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

package dev.chatstarter.sample.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import dev.chatstarter.test.DemoResponder;
import dev.chatstarter.test.FakeChatServer;

/**
 * Starts the embedded offline DEMO provider when no real provider is configured (or when
 * {@code sample.demo.enabled=true}): an OpenAI-compatible server on a random loopback
 * port that answers deterministically (it echoes, calls the weather tool when asked about
 * weather, answers structured requests with JSON and streams word by word). It is
 * registered as the provider {@code demo}; it is a demo, not a model. Without any
 * provider configured, a second provider {@code demo-backup} on the same server and the
 * route {@code demo-route} over both are registered too.
 */
public class DemoProvider implements EnvironmentPostProcessor {

	/** The name of the demo provider. */
	public static final String NAME = "demo";

	/** The name of the second demo provider, a backup on the same server. */
	public static final String BACKUP = "demo-backup";

	/** The name of the demo route over both demo providers. */
	public static final String ROUTE = "demo-route";

	private static final String ENABLED = "sample.demo.enabled";

	private final Log logger;

	public DemoProvider(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(DemoProvider.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		boolean hasProviders = !binder.bind("chat.providers", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of())
			.isEmpty();
		boolean enabled = binder.bind(ENABLED, Boolean.class).orElse(!hasProviders);
		if (!enabled) {
			return;
		}
		FakeChatServer server = new FakeChatServer().responder(new DemoResponder()).start();
		application.addListeners(new Shutdown(server));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("chat.providers." + NAME + ".base-url", server.baseUrl());
		properties.put("chat.providers." + NAME + ".model", "demo-chat");
		if (!hasProviders) {
			properties.put("chat.default-provider", NAME);
			addBackupAndRoute(properties, server.baseUrl());
		}
		environment.getPropertySources().addLast(new MapPropertySource("chatSampleDemoProvider", properties));
		this.logger.warn("Using the embedded offline DEMO chat provider '" + NAME + "' at " + server.baseUrl()
				+ ": its answers are canned, not a model's. Configure chat.providers.<name>.base-url and api-key "
				+ "to talk to a real provider.");
	}

	/**
	 * Add a second demo provider on the same server and a route that spreads calls over
	 * both, three in four to {@value #NAME}: {@code /chat?provider=demo-route} goes
	 * through it, and {@code /actuator/health} shows it as {@code chat.demo-route}.
	 * @param properties the properties to add to
	 * @param baseUrl the demo server's base URL
	 */
	private static void addBackupAndRoute(Map<String, Object> properties, String baseUrl) {
		properties.put("chat.providers." + BACKUP + ".base-url", baseUrl);
		properties.put("chat.providers." + BACKUP + ".model", "demo-chat-mini");
		String route = "chat.routes." + ROUTE + ".";
		properties.put(route + "strategy", "weighted");
		properties.put(route + "deployments[0].provider", NAME);
		properties.put(route + "deployments[0].weight", "3");
		properties.put(route + "deployments[1].provider", BACKUP);
		properties.put(route + "deployments[1].weight", "1");
	}

	private record Shutdown(FakeChatServer server) implements ApplicationListener<ApplicationEvent> {

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
				this.server.close();
			}
		}

	}

}

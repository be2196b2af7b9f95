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

package dev.chatstarter.sample;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import dev.chatstarter.sample.SampleHttp.Response;
import dev.chatstarter.test.junit.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the sample, started as docs/shared-state.md shows it, share one
 * requests-per-minute limit through a real {@code redis-server}, and each shows the
 * shared store in its health.
 */
class SampleSharedStateTests {

	@RegisterExtension
	static RedisServerExtension redis = new RedisServerExtension();

	@Test
	void twoInstancesShareOneLimit() {
		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		try {
			instances.add(start());
			instances.add(start());
			int answered = 0;
			for (int i = 0; i < 8; i++) {
				Response response = new SampleHttp(port(instances.get(i % 2))).get("/chat?message=hi");
				if (response.status() == 200) {
					answered++;
					assertThat(response.body()).isEqualTo("Echo from the offline demo provider: hi");
				}
				else {
					assertThat(response.body()).contains("requests-per-minute 5 (shared by the replicas)");
				}
			}
			assertThat(answered).as("one limit of 5 for both instances").isEqualTo(5);
			JsonNode chat = new SampleHttp(port(instances.get(1))).get("/actuator/health")
				.json()
				.get("components")
				.get("chat")
				.get("components");
			assertThat(chat.get("sharedState").get("status").asString()).isEqualTo("UP");
		}
		finally {
			instances.forEach(ConfigurableApplicationContext::close);
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(SampleApplication.class).run("--server.port=0",
				"--chat.shared-state.store=redis", "--spring.data.redis.host=" + redis.server().host(),
				"--spring.data.redis.port=" + redis.server().port(), "--sample.demo.enabled=true",
				"--chat.providers.demo.limits.requests-per-minute=5",
				"--management.endpoint.health.show-details=always");
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

}

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

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.chatstarter.sample.SampleHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's demo route, as an operator sees it with health details on: calls through
 * {@code demo-route} are answered by one of its two deployments, and
 * {@code /actuator/health} shows the route with both.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoint.health.show-details=always")
class SampleRouteTests {

	@LocalServerPort
	int port;

	@Test
	void theDemoRouteAnswers() {
		Response response = new SampleHttp(this.port).get("/chat?provider=demo-route&message=hi");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("Echo from the offline demo provider: hi");
	}

	@Test
	void healthShowsTheRouteAndItsDeployments() {
		new SampleHttp(this.port).get("/chat?provider=demo-route&message=hi");

		Response health = new SampleHttp(this.port).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		JsonNode route = health.json().get("components").get("chat").get("components").get("demo-route");
		assertThat(route.get("status").asString()).isEqualTo("UP");
		assertThat(route.get("details").get("strategy").asString()).isEqualTo("weighted");
		JsonNode deployments = route.get("details").get("deployments");
		assertThat(deployments.get("demo").get("weight").asInt()).isEqualTo(3);
		assertThat(deployments.get("demo-backup").get("status").asString()).isEqualTo("UP");
	}

}

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

package dev.chatstarter.autoconfigure;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.ChatTemplates;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots a whole application from the YAML with two providers, each pointed at its
 * own WireMock server, and calls both: {@code aigc} through Spring Boot's
 * {@code WebClient.Builder} (its customizer adds a header), {@code kuai} straight on
 * Reactor Netty (no customizer runs).
 */
@ExtendWith(OutputCaptureExtension.class)
class TwoProvidersApplicationTests {

	private final WireMockServer aigc = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

	private final WireMockServer kuai = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

	@BeforeEach
	void start() {
		this.aigc.start();
		this.kuai.start();
		this.aigc
			.stubFor(post("/v1/chat/completions").willReturn(okJson(completion("gpt-4o-2024-08-06", "hi from aigc"))));
		this.kuai.stubFor(post("/v1/chat/completions").willReturn(okJson(completion("gpt-3.5-turbo", "hi from kuai"))));
	}

	@AfterEach
	void stop() {
		this.aigc.stop();
		this.kuai.stop();
	}

	@Test
	void callsEachProviderWithItsOwnSettings(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.config.name=two-providers", "test.aigc-port=" + this.aigc.port(),
					"test.kuai-port=" + this.kuai.port(), "logging.level.dev.chatstarter=TRACE")
			.run()) {
			ChatTemplates templates = context.getBean(ChatTemplates.class);
			assertThat(templates.names()).containsExactly("aigc", "kuai");
			assertThat(context.getBean(ChatTemplate.class)).isSameAs(templates.get("aigc"));

			assertThat(templates.get("aigc").prompt("hi").call().content()).isEqualTo("hi from aigc");
			assertThat(templates.get("kuai").prompt("hi").call().content()).isEqualTo("hi from kuai");

			this.aigc.verify(1,
					postRequestedFor(urlEqualTo("/v1/chat/completions"))
						.withHeader("Authorization", equalTo("Bearer sk-aigc-0123456789"))
						.withHeader("X-Team", equalTo("search"))
						.withHeader("X-Boot-Customizer", equalTo("applied"))
						.withRequestBody(equalToJson("""
								{"model":"gpt-4o","temperature":0.7,"max_tokens":1024,
								 "messages":[{"role":"user","content":"hi"}]}""", true, true)));
			this.kuai.verify(1,
					postRequestedFor(urlEqualTo("/v1/chat/completions"))
						.withHeader("Authorization", equalTo("Bearer sk-kuai-9876543210"))
						.withHeader("X-Team", absent())
						.withHeader("X-Boot-Customizer", absent())
						.withRequestBody(equalToJson("""
								{"model":"gpt-3.5-turbo","enable_thinking":false,"stop_token_ids":[7,8],
								 "messages":[{"role":"user","content":"hi"}]}""", true, true)));
		}
		assertThat(output).doesNotContain("sk-aigc-0123456789").doesNotContain("sk-kuai-9876543210");
	}

	private static String completion(String model, String content) {
		return """
				{"id":"chatcmpl-1","object":"chat.completion","created":1717747931,"model":"%s",
				 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
				 "usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}""".formatted(model, content);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		WebClientCustomizer bootCustomizer() {
			return (builder) -> builder.defaultHeader("X-Boot-Customizer", "applied");
		}

	}

}

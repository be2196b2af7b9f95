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

package dev.chatstarter.autoconfigure.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The auto-configured {@link ChatExceptionHandler} in a Spring MVC application (MockMvc)
 * and a WebFlux application (WebTestClient): a {@code ChatException} becomes a problem
 * response with the status of its kind, the provider's message and name, never an
 * internal URL; the application's own advice wins; the property turns it off.
 */
class ChatWebAutoConfigurationTests {

	private final WebApplicationContextRunner mvc = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatWebAutoConfiguration.class))
		.withUserConfiguration(MvcApplication.class);

	private final ReactiveWebApplicationContextRunner webFlux = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatWebAutoConfiguration.class))
		.withUserConfiguration(WebFluxApplication.class);

	@Test
	void mvcAnswersARateLimitWith429AndTheProvidersMessage() {
		mockMvc((mockMvc) -> mockMvc.perform(get("/blocking/rate-limit"))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.title").value("Provider rate limit"))
			.andExpect(jsonPath("$.detail").value(containsString("Rate limit reached for gpt-4o")))
			.andExpect(jsonPath("$.provider").value("fast"))
			.andExpect(jsonPath("$.kind").value("ChatRateLimitException"))
			.andExpect(jsonPath("$.providerStatus").value(429))
			.andExpect(jsonPath("$.providerCode").value("rate_limit_exceeded")));
	}

	@Test
	void mvcAnswersEveryKindWithItsStatus() {
		mockMvc((mockMvc) -> {
			mockMvc.perform(get("/blocking/timeout")).andExpect(status().isGatewayTimeout());
			mockMvc.perform(get("/blocking/connection")).andExpect(status().isBadGateway());
			mockMvc.perform(get("/blocking/auth"))
				.andExpect(status().isBadGateway())
				.andExpect(jsonPath("$.detail").value(containsString("Incorrect API key provided")));
			MvcResult reactive = mockMvc.perform(get("/reactive/rate-limit")).andReturn();
			mockMvc.perform(asyncDispatch(reactive)).andExpect(status().isTooManyRequests());
		});
	}

	@Test
	void mvcNeverShowsAnInternalUrlOrTheApplicationsInternals() {
		mockMvc((mockMvc) -> {
			mockMvc.perform(get("/blocking/connection"))
				.andExpect(jsonPath("$.detail").value("Provider 'fast' could not be reached"))
				.andExpect(content().string(not(containsString("10.1.2.3"))));
			mockMvc.perform(get("/blocking/timeout"))
				.andExpect(jsonPath("$.detail").value("Provider 'fast' did not answer in time"))
				.andExpect(content().string(not(containsString("10.1.2.3"))));
			mockMvc.perform(get("/blocking/tool"))
				.andExpect(status().isInternalServerError())
				.andExpect(jsonPath("$.tool").value("lookup_order"))
				.andExpect(content().string(not(containsString("SELECT"))));
		});
	}

	@Test
	void theApplicationsOwnAdviceWins() {
		this.mvc.withUserConfiguration(ApplicationAdvice.class).run((context) -> {
			MockMvc mockMvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
			mockMvc.perform(get("/blocking/rate-limit"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().string("handled by the application"));
		});
	}

	@Test
	void webFluxAnswersEveryKindWithItsStatusAndTheProvidersMessage() {
		this.webFlux.run((context) -> {
			WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
			client.get()
				.uri("/reactive/rate-limit")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(429)
				.jsonPath("$.detail")
				.value(containsString("Rate limit reached for gpt-4o"))
				.jsonPath("$.provider")
				.isEqualTo("fast");
			client.get().uri("/reactive/timeout").exchange().expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
			client.get()
				.uri("/blocking/connection")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.BAD_GATEWAY)
				.expectBody(String.class)
				.value((body) -> assertThat(body).contains("could not be reached").doesNotContain("10.1.2.3"));
			client.get().uri("/reactive/auth").exchange().expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY);
		});
	}

	@Test
	void otherFailuresAreLeftToTheApplication() {
		this.webFlux.run((context) -> WebTestClient.bindToApplicationContext(context)
			.build()
			.get()
			.uri("/unrelated")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR));
	}

	@Test
	void thePropertyTurnsItOff() {
		this.mvc.withPropertyValues("chat.web.problem-details.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatExceptionHandler.class));
		this.webFlux.withPropertyValues("chat.web.problem-details.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatExceptionHandler.class));
	}

	@Test
	void anApplicationWithoutAWebLayerGetsNoHandler() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChatWebAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ChatExceptionHandler.class));
	}

	private void mockMvc(ThrowingConsumer<MockMvc> test) {
		this.mvc.run((context) -> {
			assertThat(context).hasSingleBean(ChatExceptionHandler.class);
			test.accept(MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build());
		});
	}

	interface ThrowingConsumer<T> {

		void accept(T value) throws Exception;

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	@Import(WebFailures.class)
	static class MvcApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	@Import(WebFailures.class)
	static class WebFluxApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationAdvice {

		@Bean
		Handler applicationHandler() {
			return new Handler();
		}

		@RestControllerAdvice
		static class Handler {

			@ExceptionHandler(Exception.class)
			ResponseEntity<String> handle(Exception ex) {
				return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("handled by the application");
			}

		}

	}

}

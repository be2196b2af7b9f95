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

package dev.chatstarter.autoconfigure.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.core.ChatTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Boot's Micrometer Tracing (Brave here) the trace reaches the provider: a
 * model call is a client span, and its request carries a W3C {@code traceparent} of that
 * trace, on both transports.
 */
class ChatTracePropagationTests {

	private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

	private static final String ANSWER = """
			{"id":"chatcmpl-9","model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant",
			 "content":"pong"},"finish_reason":"stop"}]}""";

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort())
		.build();

	private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class, ObservationAutoConfiguration.class,
				ChatObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
				BraveAutoConfiguration.class, WebClientAutoConfiguration.class,
				WebClientObservationAutoConfiguration.class))
		.withBean(SpanHandler.class, () -> new SpanHandler() {

			@Override
			public boolean end(TraceContext context, MutableSpan span, Cause cause) {
				ChatTracePropagationTests.this.spans.add(span);
				return true;
			}

		})
		.withPropertyValues("chat.providers.kuai.base-url=http://127.0.0.1:" + wireMock.getPort() + "/v1",
				"chat.providers.kuai.model=gpt-4o", "management.tracing.sampling.probability=1.0");

	@ParameterizedTest
	@ValueSource(strings = { "reactor-netty", "web-client" })
	void theModelCallsTraceReachesTheProvider(String transport) {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER)));
		this.runner.withPropertyValues("chat.providers.kuai.transport=" + transport).run((context) -> {
			assertThat(context.getBean(ChatTemplate.class).prompt("ping").call().content()).isEqualTo("pong");

			List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
			assertThat(requests).hasSize(1);
			String traceparent = requests.get(0).getHeader("traceparent");
			assertThat(traceparent).as("traceparent sent to the provider").isNotNull();
			Matcher matcher = TRACEPARENT.matcher(traceparent);
			assertThat(matcher.matches()).as(traceparent).isTrue();

			MutableSpan chat = this.spans.stream()
				.filter((span) -> "chat gpt-4o".equals(span.name()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no chat span in " + this.spans));
			assertThat(chat.kind()).isEqualTo(brave.Span.Kind.CLIENT);
			assertThat(chat.remoteServiceName()).isEqualTo("kuai");
			assertThat(matcher.group(1)).as("trace id").isEqualTo(chat.traceId());
			if (transport.equals("reactor-netty")) {
				assertThat(matcher.group(2)).as("the request's parent is the chat span").isEqualTo(chat.id());
			}
			else {
				MutableSpan http = this.spans.stream()
					.filter((span) -> matcher.group(2).equals(span.id()))
					.findFirst()
					.orElseThrow(() -> new AssertionError("no HTTP span " + matcher.group(2) + " in " + this.spans));
				assertThat(http.parentId()).as("the HTTP span is the chat span's child").isEqualTo(chat.id());
			}
		});
		wireMock.resetRequests();
	}

}

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

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.error.ChatException;

/**
 * Turns a streamed answer ({@code template.prompt()...stream().content()}) into
 * server-sent events that every SSE reader rebuilds exactly, for a Spring MVC or WebFlux
 * controller that returns {@code Flux<ServerSentEvent<String>>} with
 * {@code produces = text/event-stream}.
 * <p>
 * Each fragment is one unnamed event ({@code message} in a browser's {@code EventSource})
 * whose data is the fragment as a JSON string: {@code data:" world"}. Plain text would
 * not survive: Spring writes {@code data:} with no space after it, and SSE readers
 * (browsers, Spring's own {@code ServerSentEventHttpMessageReader}) strip one space after
 * {@code data:}, so a fragment's leading space (most fragments of OpenAI-style models
 * start with one) would be lost, and a fragment's line break would split it into two data
 * lines. A client decodes each event with {@code JSON.parse(event.data)}.
 * <p>
 * A failure ends the stream with an event named {@code error} whose data is the problem
 * as JSON: a {@link ChatException} as {@link ChatProblemDetails} describes it (logged at
 * {@code WARN}), any other failure as a {@code 500} without its message (logged at
 * {@code ERROR}), since the response status has already been sent.
 */
public final class ChatServerSentEvents {

	/** The name of the event that carries a failure. */
	public static final String ERROR_EVENT = "error";

	private static final Logger logger = LoggerFactory.getLogger(ChatServerSentEvents.class);

	private static final JsonMapper JSON = JsonMapper.shared();

	private ChatServerSentEvents() {
	}

	/**
	 * Turn the fragments of a streamed answer into events.
	 * @param fragments the fragments, e.g.
	 * {@code template.prompt(message).stream().content()}
	 * @return one event per fragment, and an {@code error} event if the fragments fail
	 */
	public static Flux<ServerSentEvent<String>> of(Flux<String> fragments) {
		return fragments.map(ChatServerSentEvents::fragment).onErrorResume((failure) -> Flux.just(error(failure)));
	}

	/**
	 * Return the event of one fragment.
	 * @param fragment a fragment of the answer
	 * @return an unnamed event whose data is the fragment as a JSON string
	 */
	public static ServerSentEvent<String> fragment(String fragment) {
		return ServerSentEvent.builder(JSON.writeValueAsString(fragment)).build();
	}

	/**
	 * Return the event that reports a failure.
	 * @param failure the failure
	 * @return an {@code error} event whose data is the problem as JSON
	 */
	public static ServerSentEvent<String> error(Throwable failure) {
		ProblemDetail problem;
		if (failure instanceof ChatException chatFailure) {
			logger.warn("Chat stream failed: {}", chatFailure.getMessage());
			problem = ChatProblemDetails.of(chatFailure);
		}
		else {
			logger.error("Chat stream failed", failure);
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					"The stream failed inside the application");
			problem.setTitle("Internal error");
		}
		return ServerSentEvent.builder(JSON.writeValueAsString(asJson(problem))).event(ERROR_EVENT).build();
	}

	/**
	 * The problem's members as RFC 9457 writes them: its properties beside the standard
	 * members.
	 * @param problem the problem
	 * @return its members, in the order RFC 9457 writes them
	 */
	private static Map<String, Object> asJson(ProblemDetail problem) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
		if (problem.getTitle() != null) {
			json.put("title", problem.getTitle());
		}
		json.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			json.put("detail", problem.getDetail());
		}
		if (problem.getProperties() != null) {
			json.putAll(problem.getProperties());
		}
		return json;
	}

}

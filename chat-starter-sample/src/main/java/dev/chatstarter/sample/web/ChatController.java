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

package dev.chatstarter.sample.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import dev.chatstarter.autoconfigure.web.ChatServerSentEvents;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.sample.tools.WeatherTools;

/**
 * Chat endpoints: a blocking answer as text, a stream of fragments as server-sent events,
 * and a JSON answer with images. Every call offers the {@code get_current_weather} tool;
 * the template runs the tool calls itself.
 */
@RestController
public class ChatController {

	private final ProviderSelector providers;

	public ChatController(ProviderSelector providers) {
		this.providers = providers;
	}

	/**
	 * Answer a message.
	 * @param message the user's message
	 * @param provider the provider to ask, the default one when not given
	 * @return the final answer, after any tool calls
	 */
	@GetMapping(path = "/chat", produces = MediaType.TEXT_PLAIN_VALUE)
	public String chat(@RequestParam(required = false) @Nullable String message,
			@RequestParam(required = false) @Nullable String provider) {
		String text = ProviderSelector.requireMessage(message, provider);
		String answer = this.providers.select(provider)
			.prompt()
			.user(text)
			.tools(WeatherTools.GET_CURRENT_WEATHER)
			.call()
			.content();
		return (answer != null) ? answer : "";
	}

	/**
	 * Stream the answer to a message, one event per fragment whose data is the fragment
	 * as a JSON string (see {@link ChatServerSentEvents}). A failure after the stream
	 * started arrives as an {@code error} event carrying the problem as JSON: a provider
	 * failure as such, any other failure as a generic internal error.
	 * @param message the user's message
	 * @param provider the provider to ask, the default one when not given
	 * @return the fragments
	 */
	@GetMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public Flux<ServerSentEvent<String>> stream(@RequestParam(required = false) @Nullable String message,
			@RequestParam(required = false) @Nullable String provider) {
		String text = ProviderSelector.requireMessage(message, provider);
		ChatTemplate chat = this.providers.select(provider);
		return ChatServerSentEvents
			.of(chat.prompt().user(text).tools(WeatherTools.GET_CURRENT_WEATHER).stream().content());
	}

	/**
	 * Answer a message, with optional image URLs, as JSON.
	 * @param question the message, image URLs and provider
	 * @return the answer with its model, finish reason and usage
	 */
	@PostMapping(path = "/chat", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	public ChatAnswer chat(@RequestBody ChatQuestion question) {
		String text = ProviderSelector.requireMessage(question.message(), question.provider());
		if (question.imageUrls().size() > InputLimits.MAX_IMAGES) {
			throw new BadChatRequestException(
					"At most " + InputLimits.MAX_IMAGES + " image URLs are allowed, got " + question.imageUrls().size(),
					question.provider());
		}
		List<URI> images = question.imageUrls()
			.stream()
			.map((url) -> ImageUrlPolicy.check(url, question.provider()))
			.toList();
		ChatResponse response = this.providers.select(question.provider()).prompt().user((user) -> {
			user.text(text);
			images.forEach(user::image);
		}).tools(WeatherTools.GET_CURRENT_WEATHER).call().response();
		return ChatAnswer.of(response);
	}

	/**
	 * The body of {@code POST /chat}.
	 *
	 * @param message the user's message
	 * @param imageUrls image URLs sent to the model as {@code image_url} parts: public
	 * http(s) URLs or {@code data:image/...;base64,} URLs, at most
	 * {@link InputLimits#MAX_IMAGES} (see {@link ImageUrlPolicy})
	 * @param provider the provider to ask, the default one when not given
	 */
	public record ChatQuestion(@Nullable String message, List<String> imageUrls, @Nullable String provider) {

		public ChatQuestion {
			imageUrls = (imageUrls != null) ? List.copyOf(imageUrls) : List.of();
		}

	}

	/**
	 * The answer of {@code POST /chat}.
	 *
	 * @param content the answer's text
	 * @param model the model that answered
	 * @param finishReason why the model stopped
	 * @param usage the token usage
	 */
	public record ChatAnswer(@Nullable String content, @Nullable String model, @Nullable String finishReason,
			TokenUsage usage) {

		static ChatAnswer of(ChatResponse response) {
			Usage usage = response.usage();
			return new ChatAnswer(response.content(), response.model(), response.finishReason(),
					(usage != null)
							? new TokenUsage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens())
							: new TokenUsage(null, null, null));
		}

	}

	/**
	 * Token counts as the provider reported them.
	 *
	 * @param promptTokens the input tokens
	 * @param completionTokens the output tokens
	 * @param totalTokens the total
	 */
	public record TokenUsage(@Nullable Integer promptTokens, @Nullable Integer completionTokens,
			@Nullable Integer totalTokens) {
	}

}

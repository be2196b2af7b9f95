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

package dev.chatstarter.core.chat;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A chat completion, from a blocking call or aggregated from a stream. Fields the
 * provider did not send are {@code null}: several relays omit {@code id}, {@code model}
 * or {@code usage}.
 *
 * @param provider the name of the provider that answered
 * @param id the completion id
 * @param model the model that answered; may differ from the one requested (relays map
 * names, e.g. {@code gpt-4.1} to {@code gpt-4.1-2025-04-14})
 * @param created the creation time in epoch seconds
 * @param choices the choices, at least one for a successful completion
 * @param usage the token usage
 * @param systemFingerprint the backend fingerprint
 * @param deployment the name of the route deployment that answered, or {@code null} when
 * the call did not go through a route
 * @param cost what the call cost by the provider's pricing, every round of a tool loop
 * summed, or {@code null} when its model has no price or the provider reported no usage
 */
public record ChatResponse(String provider, @Nullable String id, @Nullable String model, @Nullable Long created,
		List<Choice> choices, @Nullable Usage usage, @Nullable String systemFingerprint, @Nullable String deployment,
		@Nullable BigDecimal cost) {

	public ChatResponse {
		Assert.notNull(provider, "provider must not be null");
		choices = List.copyOf(choices);
	}

	/**
	 * Create a response that came through no route.
	 * @param provider the name of the provider that answered
	 * @param id the completion id
	 * @param model the model that answered
	 * @param created the creation time in epoch seconds
	 * @param choices the choices
	 * @param usage the token usage
	 * @param systemFingerprint the backend fingerprint
	 */
	public ChatResponse(String provider, @Nullable String id, @Nullable String model, @Nullable Long created,
			List<Choice> choices, @Nullable Usage usage, @Nullable String systemFingerprint) {
		this(provider, id, model, created, choices, usage, systemFingerprint, null, null);
	}

	/**
	 * Create a response without a cost.
	 * @param provider the name of the provider that answered
	 * @param id the completion id
	 * @param model the model that answered
	 * @param created the creation time in epoch seconds
	 * @param choices the choices
	 * @param usage the token usage
	 * @param systemFingerprint the backend fingerprint
	 * @param deployment the name of the route deployment that answered, or {@code null}
	 */
	public ChatResponse(String provider, @Nullable String id, @Nullable String model, @Nullable Long created,
			List<Choice> choices, @Nullable Usage usage, @Nullable String systemFingerprint,
			@Nullable String deployment) {
		this(provider, id, model, created, choices, usage, systemFingerprint, deployment, null);
	}

	/**
	 * Return this response as answered by a route deployment.
	 * @param deployment the deployment's name
	 * @return the response naming the deployment
	 */
	public ChatResponse withDeployment(String deployment) {
		return new ChatResponse(this.provider, this.id, this.model, this.created, this.choices, this.usage,
				this.systemFingerprint, deployment, this.cost);
	}

	/**
	 * Return this response with its cost.
	 * @param cost what the call cost, or {@code null} when not known
	 * @return the response with the cost
	 */
	public ChatResponse withCost(@Nullable BigDecimal cost) {
		return new ChatResponse(this.provider, this.id, this.model, this.created, this.choices, this.usage,
				this.systemFingerprint, this.deployment, cost);
	}

	/**
	 * Return the first choice.
	 * @return the first choice, or {@code null} when there is none
	 */
	public @Nullable Choice result() {
		return this.choices.isEmpty() ? null : this.choices.get(0);
	}

	/**
	 * Return the first choice's assistant message.
	 * @return the message, or {@code null} when there is no choice
	 */
	public @Nullable ChatMessage message() {
		Choice result = result();
		return (result != null) ? result.message() : null;
	}

	/**
	 * Return the first choice's text.
	 * @return the text, or {@code null} (e.g. when the model only asked for tool calls)
	 */
	public @Nullable String content() {
		ChatMessage message = message();
		return (message != null) ? message.text() : null;
	}

	/**
	 * Return the first choice's reasoning text.
	 * @return the reasoning, or {@code null}
	 */
	public @Nullable String reasoningContent() {
		ChatMessage message = message();
		return (message != null) ? message.reasoningContent() : null;
	}

	/**
	 * Return the first choice's tool calls.
	 * @return the tool calls, empty when there are none
	 */
	public List<ToolCall> toolCalls() {
		ChatMessage message = message();
		return (message != null) ? message.toolCalls() : List.of();
	}

	/**
	 * Return the first choice's finish reason.
	 * @return the finish reason, or {@code null}
	 */
	public @Nullable String finishReason() {
		Choice result = result();
		return (result != null) ? result.finishReason() : null;
	}

}

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

package dev.chatstarter.core.observation;

import java.time.Duration;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.observation.ChatObservationDocumentation.ModelHighCardinalityKeyNames;
import dev.chatstarter.core.observation.ChatObservationDocumentation.ModelLowCardinalityKeyNames;

/**
 * The default {@link ChatObservationConvention}, after the OpenTelemetry GenAI semantic
 * conventions: the observation is named {@value #NAME} (so the default meter handler
 * records a timer of that name), the span {@code "{operation} {request model}"} (e.g.
 * {@code chat gpt-4o}); the tags are the operation, the configured provider name, the
 * request model, the server address and port and the error type; the span also carries
 * the response model, response id, finish reason, token counts and time to first chunk
 * when known. Prompts, answers and keys are never tags.
 * <p>
 * Every tag value is bounded: the response model is named by the provider, so it is a
 * span attribute only (a provider that names a new model in every answer would otherwise
 * create a new meter each time); the request model keeps at most
 * {@value #MAX_REQUEST_MODELS} distinct values per provider and convention instance (for
 * applications that let their users pick a model), later new ones are tagged
 * {@code _OTHER} on metrics while the span keeps the exact name. Without a convention of
 * its own, each template uses its own instance.
 * <p>
 * Extend it to add or change tags: <pre class="code">
 * class StreamingTagConvention extends DefaultChatObservationConvention {
 *
 *     &#064;Override
 *     public KeyValues getLowCardinalityKeyValues(ChatObservationContext context) {
 *         return super.getLowCardinalityKeyValues(context).and("stream", String.valueOf(context.isStreaming()));
 *     }
 *
 * }
 * </pre>
 */
public class DefaultChatObservationConvention implements ChatObservationConvention {

	/**
	 * The name of the observation, and of the timer the default meter handler records.
	 */
	public static final String NAME = "gen_ai.client.operation.duration";

	/**
	 * The most distinct {@code gen_ai.request.model} tag values per provider; later new
	 * ones are {@code _OTHER}.
	 */
	public static final int MAX_REQUEST_MODELS = 100;

	/** The longest model name put on a span; a longer one is cut. */
	private static final int MAX_MODEL_LENGTH = 256;

	private static final String NONE = KeyValue.NONE_VALUE;

	private final BoundedTagValues requestModels;

	/**
	 * Create the convention, with at most {@value #MAX_REQUEST_MODELS} request models per
	 * provider on metrics.
	 */
	public DefaultChatObservationConvention() {
		this(MAX_REQUEST_MODELS);
	}

	/**
	 * Create the convention.
	 * @param maxRequestModels the most distinct {@code gen_ai.request.model} tag values
	 * per provider, at least 1
	 */
	public DefaultChatObservationConvention(int maxRequestModels) {
		this.requestModels = new BoundedTagValues(maxRequestModels);
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(ChatObservationContext context) {
		String operation = context.getOperation().value();
		String model = context.getRequestModel();
		return (model != null) ? operation + " " + model : operation;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ChatObservationContext context) {
		return KeyValues.of(operationName(context), providerName(context), requestModel(context),
				serverAddress(context), serverPort(context), errorType(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ChatObservationContext context) {
		KeyValues values = KeyValues.of(responseModel(context));
		String requestModel = context.getRequestModel();
		if (requestModel != null && !requestModel.isBlank()
				&& ErrorTypes.OTHER.equals(requestModel(context).getValue())) {
			values = values.and(ModelHighCardinalityKeyNames.REQUEST_MODEL.withValue(cut(requestModel)));
		}
		if (context.getResponseId() != null) {
			values = values.and(ModelHighCardinalityKeyNames.RESPONSE_ID.withValue(context.getResponseId()));
		}
		if (context.getFinishReason() != null) {
			values = values
				.and(ModelHighCardinalityKeyNames.RESPONSE_FINISH_REASONS.withValue(context.getFinishReason()));
		}
		Usage usage = context.getUsage();
		if (usage != null && usage.promptTokens() != null) {
			values = values
				.and(ModelHighCardinalityKeyNames.USAGE_INPUT_TOKENS.withValue(String.valueOf(usage.promptTokens())));
		}
		if (usage != null && usage.completionTokens() != null) {
			values = values.and(ModelHighCardinalityKeyNames.USAGE_OUTPUT_TOKENS
				.withValue(String.valueOf(usage.completionTokens())));
		}
		Duration timeToFirstChunk = context.getTimeToFirstChunk();
		if (timeToFirstChunk != null) {
			values = values.and(ModelHighCardinalityKeyNames.RESPONSE_TIME_TO_FIRST_CHUNK
				.withValue(String.valueOf(timeToFirstChunk.toNanos() / 1e9)));
		}
		return values;
	}

	/**
	 * The {@code gen_ai.operation.name} tag.
	 * @param context the context
	 * @return the tag
	 */
	protected KeyValue operationName(ChatObservationContext context) {
		return ModelLowCardinalityKeyNames.OPERATION_NAME.withValue(context.getOperation().value());
	}

	/**
	 * The {@code gen_ai.provider.name} tag: the configured provider name, not the API's
	 * vendor.
	 * @param context the context
	 * @return the tag
	 */
	protected KeyValue providerName(ChatObservationContext context) {
		return ModelLowCardinalityKeyNames.PROVIDER_NAME.withValue(context.getProvider());
	}

	/**
	 * The {@code gen_ai.request.model} tag, bounded per provider: beyond the first
	 * distinct values, {@code _OTHER} (the span then also carries the exact name).
	 * @param context the context
	 * @return the tag, {@code none} when the request names no model
	 */
	protected KeyValue requestModel(ChatObservationContext context) {
		String model = valueOrNone(context.getRequestModel());
		String value = NONE.equals(model) ? NONE : this.requestModels.bound(context.getProvider(), cut(model));
		return ModelLowCardinalityKeyNames.REQUEST_MODEL.withValue(value);
	}

	/**
	 * The {@code gen_ai.response.model} span attribute: the provider names it, so it is
	 * never a metric tag.
	 * @param context the context
	 * @return the attribute, {@code none} when the answer names no model
	 */
	protected KeyValue responseModel(ChatObservationContext context) {
		return ModelHighCardinalityKeyNames.RESPONSE_MODEL.withValue(cut(valueOrNone(context.getResponseModel())));
	}

	private static String cut(String value) {
		return (value.length() > MAX_MODEL_LENGTH) ? value.substring(0, MAX_MODEL_LENGTH) : value;
	}

	/**
	 * The {@code server.address} tag.
	 * @param context the context
	 * @return the tag
	 */
	protected KeyValue serverAddress(ChatObservationContext context) {
		return ModelLowCardinalityKeyNames.SERVER_ADDRESS.withValue(context.getServerAddress());
	}

	/**
	 * The {@code server.port} tag.
	 * @param context the context
	 * @return the tag
	 */
	protected KeyValue serverPort(ChatObservationContext context) {
		return ModelLowCardinalityKeyNames.SERVER_PORT.withValue(String.valueOf(context.getServerPort()));
	}

	/**
	 * The {@code error.type} tag.
	 * @param context the context
	 * @return the tag: the exception's simple class name, {@code _OTHER} or {@code none}
	 */
	protected KeyValue errorType(ChatObservationContext context) {
		return ModelLowCardinalityKeyNames.ERROR_TYPE.withValue(ErrorTypes.of(context.getError()));
	}

	private static String valueOrNone(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value : NONE;
	}

}

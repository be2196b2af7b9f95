package dev.chatstarter.core.observation;

import java.time.Duration;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.observation.ChatObservationDocumentation.ModelHighCardinalityKeyNames;
import dev.chatstarter.core.observation.ChatObservationDocumentation.ModelLowCardinalityKeyNames;

/**
 * The default {@link ChatObservationConvention}, after the OpenTelemetry GenAI semantic conventions: the observation
 * is named {@value #NAME} (so the default meter handler records a timer of that name), the span
 * {@code "{operation} {request model}"} (e.g. {@code chat gpt-4o}); the tags are the operation, the configured
 * provider name, the request and response models, the server address and port and the error type; the span also
 * carries the response id, finish reason, token counts and time to first chunk when known. Prompts, answers and keys
 * are never tags.
 * <p>
 * Extend it to add or change tags:
 * <pre class="code">
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

	/** The name of the observation, and of the timer the default meter handler records. */
	public static final String NAME = "gen_ai.client.operation.duration";

	private static final String NONE = KeyValue.NONE_VALUE;

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
				responseModel(context), serverAddress(context), serverPort(context), errorType(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ChatObservationContext context) {
		KeyValues values = KeyValues.empty();
		if (context.getResponseId() != null) {
			values = values.and(ModelHighCardinalityKeyNames.RESPONSE_ID.withValue(context.getResponseId()));
		}
		if (context.getFinishReason() != null) {
			values = values
				.and(ModelHighCardinalityKeyNames.RESPONSE_FINISH_REASONS.withValue(context.getFinishReason()));
		}
		Usage usage = context.getUsage();
		if (usage != null && usage.promptTokens() != null) {
			values = values.and(ModelHighCardinalityKeyNames.USAGE_INPUT_TOKENS.withValue(
					String.valueOf(usage.promptTokens())));
		}
		if (usage != null && usage.completionTokens() != null) {
			values = values.and(ModelHighCardinalityKeyNames.USAGE_OUTPUT_TOKENS.withValue(
					String.valueOf(usage.completionTokens())));
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
	 * The {@code gen_ai.provider.name} tag: the configured provider name, not the API's vendor.
	 * @param context the context
	 * @return the tag
	 */
	protected KeyValue providerName(ChatObservationContext context) {
		return ModelLowCardinalityKeyNames.PROVIDER_NAME.withValue(context.getProvider());
	}

	/**
	 * The {@code gen_ai.request.model} tag.
	 * @param context the context
	 * @return the tag, {@code none} when the request names no model
	 */
	protected KeyValue requestModel(ChatObservationContext context) {
		return ModelLowCardinalityKeyNames.REQUEST_MODEL.withValue(valueOrNone(context.getRequestModel()));
	}

	/**
	 * The {@code gen_ai.response.model} tag.
	 * @param context the context
	 * @return the tag, {@code none} when the answer names no model
	 */
	protected KeyValue responseModel(ChatObservationContext context) {
		return ModelLowCardinalityKeyNames.RESPONSE_MODEL.withValue(valueOrNone(context.getResponseModel()));
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

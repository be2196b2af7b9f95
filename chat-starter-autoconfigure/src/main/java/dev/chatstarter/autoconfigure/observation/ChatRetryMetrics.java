package dev.chatstarter.autoconfigure.observation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.http.RetryListener;
import dev.chatstarter.core.observation.ChatObservationDocumentation.ModelLowCardinalityKeyNames;
import dev.chatstarter.core.observation.ErrorTypes;

import org.springframework.util.Assert;

/**
 * Counts the retries of every provider in {@value #RETRIES}, tagged {@code gen_ai.provider.name} and
 * {@code error.type} (the failure that was retried, e.g. {@code ChatRateLimitException}).
 */
public final class ChatRetryMetrics implements RetryListener {

	/** The retry counter. */
	public static final String RETRIES = "gen_ai.client.operation.retries";

	private final MeterRegistry registry;

	/**
	 * Create the retry metrics.
	 * @param registry the registry to count in
	 */
	public ChatRetryMetrics(MeterRegistry registry) {
		Assert.notNull(registry, "registry must not be null");
		this.registry = registry;
	}

	@Override
	public void onRetry(String provider, ChatException failure) {
		Counter.builder(RETRIES)
			.description("Retries of failed calls to a chat provider")
			.tag(ModelLowCardinalityKeyNames.PROVIDER_NAME.asString(), provider)
			.tag(ModelLowCardinalityKeyNames.ERROR_TYPE.asString(), ErrorTypes.of(failure))
			.register(this.registry)
			.increment();
	}

}

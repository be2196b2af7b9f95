package dev.chatstarter.core.internal.resilience;

import java.util.List;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.internal.ChatExchange;

/**
 * A provider that a fallback chain can send to: its guarded stage (refusing at once while it cools down), its
 * default options, and its own fallbacks, which follow it in the chain.
 */
public interface FallbackMember {

	/**
	 * Return the provider name.
	 * @return the name
	 */
	String provider();

	/**
	 * Return the provider's default options, which replace the first provider's in a request sent to it.
	 * @return the options
	 */
	ChatOptions defaultOptions();

	/**
	 * Return the stage a fallback chain sends to: guarded, and refusing at once while the provider cools down.
	 * @return the stage
	 */
	ChatExchange fallbackExchange();

	/**
	 * Return the provider's own fallbacks, as configured.
	 * @return the fallbacks
	 */
	List<FallbackMember> fallbacks();

}

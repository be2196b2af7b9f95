package dev.chatstarter.autoconfigure.health;

/**
 * How a provider's health indicator checks it.
 */
public enum ChatHealthProbe {

	/** List the models ({@code GET /v1/models}): free, and proves the key is accepted. */
	MODELS,

	/** Send a tiny chat completion (one output token, no tools), for providers without a model list. */
	CHAT,

	/** Never call the provider; its health is {@code UNKNOWN}. */
	NONE

}

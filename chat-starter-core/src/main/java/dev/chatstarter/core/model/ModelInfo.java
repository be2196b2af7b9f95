package dev.chatstarter.core.model;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One entry of a provider's {@code /v1/models} listing.
 *
 * @param id the model id to pass as {@code model}
 * @param ownedBy the owner, when sent
 * @param created the creation time in epoch seconds, when sent
 */
public record ModelInfo(String id, @Nullable String ownedBy, @Nullable Long created) {

	public ModelInfo {
		Assert.hasText(id, "id must not be empty");
	}

}

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

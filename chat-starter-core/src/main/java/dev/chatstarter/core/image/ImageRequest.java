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

package dev.chatstarter.core.image;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A {@code /v1/images/generations} request. Unset fields are left out of the body.
 *
 * @param prompt the description of the image
 * @param model the model, e.g. {@code dall-e-3}; the provider's default when {@code null}
 * @param n how many images ({@code dall-e-3} supports only 1)
 * @param size the size, e.g. {@code 1024x1024}
 * @param quality {@code standard} or {@code hd}
 * @param style {@code vivid} or {@code natural}
 * @param responseFormat {@code url} or {@code b64_json}
 * @param user an end-user identifier
 */
public record ImageRequest(String prompt, @Nullable String model, @Nullable Integer n, @Nullable String size,
		@Nullable String quality, @Nullable String style, @Nullable String responseFormat, @Nullable String user) {

	public ImageRequest {
		Assert.hasText(prompt, "prompt must not be empty");
	}

	/**
	 * A request with only a prompt.
	 * @param prompt the description of the image
	 * @return the request
	 */
	public static ImageRequest of(String prompt) {
		return new ImageRequest(prompt, null, null, null, null, null, null, null);
	}

	/**
	 * Start building a request.
	 * @param prompt the description of the image
	 * @return a new builder
	 */
	public static Builder builder(String prompt) {
		return new Builder(prompt);
	}

	/**
	 * Builds an {@link ImageRequest}.
	 */
	public static final class Builder {

		private final String prompt;

		private @Nullable String model;

		private @Nullable Integer n;

		private @Nullable String size;

		private @Nullable String quality;

		private @Nullable String style;

		private @Nullable String responseFormat;

		private @Nullable String user;

		private Builder(String prompt) {
			this.prompt = prompt;
		}

		/**
		 * Set the model.
		 * @param model the model id
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Set the number of images.
		 * @param n the count
		 * @return this builder
		 */
		public Builder n(@Nullable Integer n) {
			this.n = n;
			return this;
		}

		/**
		 * Set the size.
		 * @param size e.g. {@code 1024x1024}
		 * @return this builder
		 */
		public Builder size(@Nullable String size) {
			this.size = size;
			return this;
		}

		/**
		 * Set the quality.
		 * @param quality {@code standard} or {@code hd}
		 * @return this builder
		 */
		public Builder quality(@Nullable String quality) {
			this.quality = quality;
			return this;
		}

		/**
		 * Set the style.
		 * @param style {@code vivid} or {@code natural}
		 * @return this builder
		 */
		public Builder style(@Nullable String style) {
			this.style = style;
			return this;
		}

		/**
		 * Set the response format.
		 * @param responseFormat {@code url} or {@code b64_json}
		 * @return this builder
		 */
		public Builder responseFormat(@Nullable String responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * Set the end-user identifier.
		 * @param user the identifier
		 * @return this builder
		 */
		public Builder user(@Nullable String user) {
			this.user = user;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public ImageRequest build() {
			return new ImageRequest(this.prompt, this.model, this.n, this.size, this.quality, this.style,
					this.responseFormat, this.user);
		}

	}

}

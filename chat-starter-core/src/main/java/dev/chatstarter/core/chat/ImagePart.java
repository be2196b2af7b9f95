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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.util.Assert;
import org.springframework.util.MimeType;

/**
 * An image part of a user message ({@code {"type":"image_url","image_url":{"url":...}}}).
 * The URL is either a public {@code http(s)} URL or a {@code data:<mime>;base64,...} URL
 * built from bytes.
 *
 * @param url the image URL or data URL
 * @param detail the optional detail level ({@code low}, {@code high}, {@code auto})
 */
public record ImagePart(String url, @Nullable String detail) implements ContentPart {

	public ImagePart {
		Assert.hasText(url, "url must not be empty");
	}

	/**
	 * An image given by URL.
	 * @param url the image URL
	 * @return the part
	 */
	public static ImagePart of(URI url) {
		Assert.notNull(url, "url must not be null");
		return new ImagePart(url.toString(), null);
	}

	/**
	 * An image given as bytes, sent as a base64 data URL.
	 * @param data the image bytes
	 * @param mimeType the image type, e.g. {@code image/png}
	 * @return the part
	 */
	public static ImagePart of(byte[] data, MimeType mimeType) {
		Assert.notNull(data, "data must not be null");
		Assert.notNull(mimeType, "mimeType must not be null");
		String base64 = Base64.getEncoder().encodeToString(data);
		return new ImagePart("data:" + mimeType.getType() + "/" + mimeType.getSubtype() + ";base64," + base64, null);
	}

	/**
	 * An image read from a resource, sent as a base64 data URL; its type is guessed from
	 * the file name.
	 * @param resource the image resource
	 * @return the part
	 * @throws IllegalArgumentException if the type cannot be guessed (use
	 * {@link #of(Resource, MimeType)})
	 */
	public static ImagePart of(Resource resource) {
		Assert.notNull(resource, "resource must not be null");
		MediaType mediaType = MediaTypeFactory.getMediaType(resource)
			.orElseThrow(() -> new IllegalArgumentException("Cannot tell the image type of " + resource.getDescription()
					+ " from its name: pass the MimeType explicitly"));
		return of(resource, mediaType);
	}

	/**
	 * An image read from a resource, sent as a base64 data URL.
	 * @param resource the image resource
	 * @param mimeType the image type
	 * @return the part
	 */
	public static ImagePart of(Resource resource, MimeType mimeType) {
		Assert.notNull(resource, "resource must not be null");
		try (InputStream in = resource.getInputStream()) {
			return of(in.readAllBytes(), mimeType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read image " + resource.getDescription(), ex);
		}
	}

	/**
	 * Return a copy with the given detail level.
	 * @param detail {@code low}, {@code high} or {@code auto}
	 * @return a new part
	 */
	public ImagePart withDetail(@Nullable String detail) {
		return new ImagePart(this.url, detail);
	}

}

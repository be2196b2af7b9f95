package dev.chatstarter.core.image;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code /v1/images/generations}.
 *
 * @param created the creation time in epoch seconds, when sent
 * @param images the generated images
 */
public record ImageResult(@Nullable Long created, List<GeneratedImage> images) {

	public ImageResult {
		images = List.copyOf(images);
	}

	/**
	 * One generated image: a temporary URL or base64 data, as the request's {@code response_format} asked.
	 *
	 * @param url the image URL ({@code response_format=url})
	 * @param b64Json the base64 image data ({@code response_format=b64_json})
	 * @param revisedPrompt the prompt the model actually used, when sent
	 */
	public record GeneratedImage(@Nullable String url, @Nullable String b64Json, @Nullable String revisedPrompt) {

	}

}

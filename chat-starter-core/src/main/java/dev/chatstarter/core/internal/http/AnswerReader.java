package dev.chatstarter.core.internal.http;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns the JSON answer of a call into a value for {@link ProviderHttpClient#post(String, byte[], AnswerReader)}.
 * Most answers are plain and are read straight from their bytes; the others are parsed as JSON, checked for errors by
 * the client, and then read.
 *
 * @param <T> the type of the value
 */
public interface AnswerReader<T> {

	/**
	 * Read an answer directly when it certainly is a normal answer, not an error in disguise.
	 * @param json the answer's body
	 * @return the value, or {@code null} to let the client parse the body as JSON, check it for errors and call
	 * {@link #read(JsonNode)}
	 */
	@Nullable T readPlain(byte[] json);

	/**
	 * Read an answer that was parsed and checked for errors.
	 * @param json the parsed answer
	 * @return the value
	 */
	T read(JsonNode json);

}

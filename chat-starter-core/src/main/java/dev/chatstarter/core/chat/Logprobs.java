package dev.chatstarter.core.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The log probabilities of a choice's tokens, when requested with {@code logprobs}.
 *
 * @param content one entry per output token
 */
public record Logprobs(List<TokenLogprob> content) {

	public Logprobs {
		content = List.copyOf(content);
	}

	/**
	 * The log probability of one output token, with the most likely alternatives.
	 *
	 * @param token the token
	 * @param logprob its log probability
	 * @param bytes the token's UTF-8 bytes, when sent
	 * @param topLogprobs the most likely tokens at this position
	 */
	public record TokenLogprob(String token, double logprob, @Nullable List<Integer> bytes,
			List<TokenLogprob> topLogprobs) {

		public TokenLogprob {
			topLogprobs = List.copyOf(topLogprobs);
		}

	}

}

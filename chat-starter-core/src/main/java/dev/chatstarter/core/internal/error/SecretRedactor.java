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

package dev.chatstarter.core.internal.error;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

import dev.chatstarter.core.error.CredentialHeaders;
import dev.chatstarter.core.error.ErrorDetails;

/**
 * Removes secrets (the API key and the values of credential headers), and anything that
 * looks like a bearer token or an {@code sk-} key, from text before it goes into an
 * {@link ErrorDetails}. Providers echo keys back in their error messages ("Incorrect API
 * key provided: sk-..."), sometimes altered, so a secret is masked in every form below:
 * <ul>
 * <li>as it is, and JSON-escaped, once or several times ({@code \/}, {@code &#92;u002f}
 * or any {@code &#92;uXXXX} form of its characters);</li>
 * <li>URL-encoded ({@code %2F}, {@code %2b}, either case), or mixed with JSON
 * escapes;</li>
 * <li>for secrets of {@value #FUZZY_SECRET_LENGTH} characters or more: in any letter
 * case, and any run of its first {@value #FUZZY_SECRET_LENGTH} or more characters (a
 * truncated echo such as {@code AbCdEf0123456789...}).</li>
 * </ul>
 * Shorter secrets (dummy keys such as {@code "EMPTY"}) are masked only as they are, and
 * below {@value #MIN_SUBSTRING_SECRET_LENGTH} characters only where they stand alone, so
 * that they do not mask ordinary words. Matching works on a decoded copy of the text and
 * runs in time linear in the text's length (a Knuth-Morris-Pratt scan per secret),
 * whatever the text holds. Immutable and thread-safe.
 */
public final class SecretRedactor {

	/**
	 * The text that replaces a secret.
	 */
	public static final String MASK = "******";

	/**
	 * Secrets shorter than this are only masked where they stand alone, so that a dummy
	 * key such as {@code "x"} does not mask every letter x.
	 */
	private static final int MIN_SUBSTRING_SECRET_LENGTH = 4;

	/**
	 * Secrets at least this long are also masked in any case and as any prefix of at
	 * least this many characters. A random run of 8 characters (~40 bits or more) does
	 * not occur in ordinary text by chance, while shorter dummy keys ({@code "EMPTY"},
	 * {@code "none"}) would mask real words if matched in any case.
	 */
	private static final int FUZZY_SECRET_LENGTH = 8;

	private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+");

	private static final Pattern SK_KEY = Pattern.compile("(?<![A-Za-z0-9])sk-[A-Za-z0-9_-]{8,}");

	private static final List<String> AUTHORIZATION_SCHEMES = List.of("bearer ", "basic ", "token ", "apikey ");

	private static final SecretRedactor NONE = new SecretRedactor(List.of());

	private final List<Secret> secrets;

	private SecretRedactor(List<Secret> secrets) {
		this.secrets = secrets;
	}

	// @formatter:off (up to 0.0.47, the formatter writes "@Nullable ..." with the space
	// its own NoWhitespaceBefore check rejects: spring-io/spring-javaformat#454)
	/**
	 * Return a redactor for the given secrets. Each is also masked without its
	 * surrounding whitespace; blank and {@code null} values are ignored.
	 * @param secrets the API key and other secrets, any of them {@code null}
	 * @return the redactor
	 */
	public static SecretRedactor of(@Nullable String @Nullable... secrets) {
		// @formatter:on
		return (secrets != null) ? of(Arrays.asList(secrets)) : NONE;
	}

	/**
	 * Return a redactor for the given secrets, like {@link #of(String...)}.
	 * @param secrets the secrets, any of them {@code null}
	 * @return the redactor
	 */
	public static SecretRedactor of(Collection<? extends @Nullable String> secrets) {
		Set<String> values = new LinkedHashSet<>();
		for (String secret : secrets) {
			if (secret != null && !secret.isBlank()) {
				values.add(secret.strip());
				values.add(secret);
			}
		}
		if (values.isEmpty()) {
			return NONE;
		}
		List<Secret> compiled = new ArrayList<>();
		for (String value : values) {
			compiled.add(new Secret(value));
		}
		return new SecretRedactor(List.copyOf(compiled));
	}

	/**
	 * Return a redactor for everything a provider's requests carry as a credential: the
	 * API key and the values of every header whose name
	 * {@link CredentialHeaders#isCredential(String) is a credential}. For an
	 * {@code Authorization}-like value with a scheme ({@code Bearer}, {@code Basic}, ...)
	 * the token after the scheme is the secret, and for {@code Basic} also the decoded
	 * {@code user:password} and password. Header values shorter than
	 * {@value #FUZZY_SECRET_LENGTH} characters are not credentials
	 * ({@code X-Session-Affinity: true}) and are ignored.
	 * @param apiKey the API key, or {@code null}
	 * @param headers the headers sent with every request
	 * @return the redactor
	 */
	public static SecretRedactor forCredentials(@Nullable String apiKey, HttpHeaders headers) {
		return forCredentials((apiKey != null) ? List.of(apiKey) : List.of(), headers);
	}

	/**
	 * Return a redactor for every API key of a provider (its key, or the keys of its
	 * pool) and the values of its credential headers.
	 * @param apiKeys the API keys
	 * @param headers the headers sent with every request
	 * @return the redactor
	 */
	public static SecretRedactor forCredentials(List<String> apiKeys, HttpHeaders headers) {
		List<@Nullable String> secrets = new ArrayList<>(apiKeys);
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			if (CredentialHeaders.isCredential(header.getKey())) {
				for (String value : header.getValue()) {
					addHeaderSecrets(value, secrets);
				}
			}
		}
		return of(secrets);
	}

	private static void addHeaderSecrets(@Nullable String value, List<@Nullable String> secrets) {
		if (value == null || value.strip().length() < FUZZY_SECRET_LENGTH) {
			// a name like X-Session-Affinity or X-Signature-Version matches the
			// credential words; its short value
			// ("true", "2") is no credential, and masking it would mask ordinary words
			return;
		}
		String stripped = value.strip();
		String lower = stripped.toLowerCase(Locale.ROOT);
		for (String scheme : AUTHORIZATION_SCHEMES) {
			if (lower.startsWith(scheme)) {
				String token = stripped.substring(scheme.length()).strip();
				secrets.add(token);
				if (scheme.equals("basic ")) {
					addBasicCredentials(token, secrets);
				}
				return;
			}
		}
		secrets.add(stripped);
	}

	private static void addBasicCredentials(String token, List<@Nullable String> secrets) {
		try {
			String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
			secrets.add(decoded);
			int colon = decoded.indexOf(':');
			if (colon >= 0) {
				secrets.add(decoded.substring(colon + 1));
			}
		}
		catch (IllegalArgumentException ex) {
			// not Base64: the token itself is masked
		}
	}

	/**
	 * Return a redactor without a known secret; it still masks bearer tokens and
	 * {@code sk-} keys.
	 * @return the redactor
	 */
	public static SecretRedactor none() {
		return NONE;
	}

	/**
	 * Return a redactor for these secrets and another redactor's.
	 * @param other the other redactor
	 * @return the redactor of both
	 */
	public SecretRedactor and(SecretRedactor other) {
		if (other.secrets.isEmpty()) {
			return this;
		}
		if (this.secrets.isEmpty()) {
			return other;
		}
		List<Secret> both = new ArrayList<>(this.secrets);
		both.addAll(other.secrets);
		return new SecretRedactor(List.copyOf(both));
	}

	/**
	 * Replace every occurrence of a secret (in the forms listed above), every
	 * {@code Bearer <token>} and every {@code sk-} key with {@value #MASK}.
	 * @param text the text to clean
	 * @return the text without secrets
	 */
	public String redact(String text) {
		if (text.isEmpty()) {
			return text;
		}
		String result = this.secrets.isEmpty() ? text : maskSecrets(text);
		result = BEARER.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(MASK));
		return SK_KEY.matcher(result).replaceAll(Matcher.quoteReplacement(MASK));
	}

	/**
	 * Like {@link #redact(String)}, passing {@code null} through.
	 * @param text the text to clean, or {@code null}
	 * @return the text without secrets, or {@code null}
	 */
	public @Nullable String redactNullable(@Nullable String text) {
		return (text != null) ? redact(text) : null;
	}

	private String maskSecrets(String text) {
		Ranges masked = new SecretScan(this.secrets).run(text);
		return masked.isEmpty() ? text : masked.mask(text);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof SecretRedactor that && this.secrets.equals(that.secrets));
	}

	@Override
	public int hashCode() {
		return this.secrets.hashCode();
	}

	@Override
	public String toString() {
		return "SecretRedactor[secrets=" + (this.secrets.isEmpty() ? "none" : MASK) + "]";
	}

	/**
	 * One secret, ready to be searched for: its characters (lower-cased when it is
	 * matched in any case) and the Knuth-Morris-Pratt failure table over them.
	 */
	private static final class Secret {

		final String value;

		final char[] chars;

		final int[] failure;

		final boolean fuzzy;

		/** The shortest run of its leading characters that is masked. */
		final int minimum;

		Secret(String value) {
			this.value = value;
			this.fuzzy = value.length() >= FUZZY_SECRET_LENGTH;
			this.chars = value.toCharArray();
			if (this.fuzzy) {
				for (int i = 0; i < this.chars.length; i++) {
					this.chars[i] = Character.toLowerCase(this.chars[i]);
				}
			}
			this.minimum = this.fuzzy ? FUZZY_SECRET_LENGTH : this.chars.length;
			this.failure = failureTable(this.chars);
		}

		boolean standsAloneOnly() {
			return this.chars.length < MIN_SUBSTRING_SECRET_LENGTH;
		}

		private static int[] failureTable(char[] pattern) {
			int[] failure = new int[pattern.length];
			int k = 0;
			for (int i = 1; i < pattern.length; i++) {
				while (k > 0 && pattern[i] != pattern[k]) {
					k = failure[k - 1];
				}
				if (pattern[i] == pattern[k]) {
					k++;
				}
				failure[i] = k;
			}
			return failure;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Secret that && this.value.equals(that.value);
		}

		@Override
		public int hashCode() {
			return this.value.hashCode();
		}

	}

	/**
	 * One pass over a text that decodes JSON escapes ({@code \/}, {@code \"}, {@code \\},
	 * {@code &#92;uXXXX}) and URL escapes ({@code %XX}) on the fly and feeds each decoded
	 * character to one Knuth-Morris-Pratt matcher per secret. Memory is bounded by the
	 * secrets' lengths (a ring of the last decoded characters and where each started in
	 * the original text), plus the ranges found.
	 */
	private static final class SecretScan {

		private final List<Secret> secrets;

		private final int[] matched;

		private final int ring;

		private final int[] starts;

		private final char[] decoded;

		private final Ranges ranges = new Ranges();

		/** The number of decoded characters so far. */
		private int count;

		SecretScan(List<Secret> secrets) {
			this.secrets = secrets;
			this.matched = new int[secrets.size()];
			int longest = 0;
			for (Secret secret : secrets) {
				longest = Math.max(longest, secret.chars.length);
			}
			this.ring = longest + 2;
			this.starts = new int[this.ring];
			this.decoded = new char[this.ring];
		}

		Ranges run(String text) {
			int n = text.length();
			int i = 0;
			while (i < n) {
				char c = text.charAt(i);
				int consumed = 1;
				if (c == '\\' && i + 1 < n) {
					// a run of backslashes is one escape, however often the text was
					// JSON-encoded: \/ \\/ \\\/
					int run = 1;
					while (i + run < n && text.charAt(i + run) == '\\') {
						run++;
					}
					int escaped = i + run;
					char next = (escaped < n) ? text.charAt(escaped) : '\\';
					int unicode = (next == 'u' && escaped + 4 < n) ? hex(text, escaped + 1, 4) : -1;
					if (unicode >= 0) {
						c = (char) unicode;
						consumed = run + 5;
					}
					else if (next == '/' || next == '"' || next == '\'') {
						c = next;
						consumed = run + 1;
					}
					else {
						consumed = run;
					}
				}
				else if (c == '%' && i + 2 < n) {
					int escaped = hex(text, i + 1, 2);
					if (escaped >= 0) {
						c = (char) escaped;
						consumed = 3;
					}
				}
				accept(c, i);
				i += consumed;
			}
			for (int s = 0; s < this.secrets.size(); s++) {
				Secret secret = this.secrets.get(s);
				if (this.matched[s] >= secret.minimum) {
					found(secret, this.count - this.matched[s], n, false);
				}
			}
			return this.ranges;
		}

		private void accept(char c, int start) {
			char folded = Character.toLowerCase(c);
			for (int s = 0; s < this.secrets.size(); s++) {
				Secret secret = this.secrets.get(s);
				char input = secret.fuzzy ? folded : c;
				int k = this.matched[s];
				while (k > 0 && (k == secret.chars.length || secret.chars[k] != input)) {
					if (k >= secret.minimum) {
						found(secret, this.count - k, start, Character.isLetterOrDigit(c));
					}
					k = secret.failure[k - 1];
				}
				if (secret.chars[k] == input) {
					k++;
				}
				this.matched[s] = k;
			}
			this.starts[this.count % this.ring] = start;
			this.decoded[this.count % this.ring] = c;
			this.count++;
		}

		/**
		 * Record decoded characters from {@code first} up to the original index
		 * {@code end}, unless a short secret is glued to letters or digits.
		 * @param secret the secret that matched
		 * @param first the decoded index of the match's first character
		 * @param end the original index just after the match (exclusive)
		 * @param wordCharAfter whether a letter or digit follows the match
		 */
		private void found(Secret secret, int first, int end, boolean wordCharAfter) {
			if (secret.standsAloneOnly() && (wordCharAfter
					|| (first > 0 && Character.isLetterOrDigit(this.decoded[(first - 1) % this.ring])))) {
				return;
			}
			this.ranges.add(this.starts[first % this.ring], end);
		}

		private static int hex(String text, int from, int digits) {
			int value = 0;
			for (int i = from; i < from + digits; i++) {
				int digit = Character.digit(text.charAt(i), 16);
				if (digit < 0) {
					return -1;
				}
				value = value * 16 + digit;
			}
			return value;
		}

	}

	/**
	 * Ranges of a text to mask, merged where they overlap or touch.
	 */
	private static final class Ranges {

		private int[] bounds = new int[8];

		private int size;

		void add(int start, int end) {
			if (this.size == this.bounds.length) {
				this.bounds = Arrays.copyOf(this.bounds, this.size * 2);
			}
			this.bounds[this.size++] = start;
			this.bounds[this.size++] = end;
		}

		boolean isEmpty() {
			return this.size == 0;
		}

		String mask(String text) {
			long[] packed = new long[this.size / 2];
			for (int r = 0; r < packed.length; r++) {
				packed[r] = ((long) this.bounds[2 * r] << 32) | this.bounds[2 * r + 1];
			}
			Arrays.sort(packed);
			StringBuilder result = new StringBuilder(text.length());
			int written = 0;
			int r = 0;
			while (r < packed.length) {
				int start = (int) (packed[r] >>> 32);
				int end = (int) packed[r];
				r++;
				while (r < packed.length && (int) (packed[r] >>> 32) <= end) {
					end = Math.max(end, (int) packed[r]);
					r++;
				}
				if (start >= written) {
					result.append(text, written, start).append(MASK);
					written = end;
				}
				else if (end > written) {
					written = end;
				}
			}
			return result.append(text, written, text.length()).toString();
		}

	}

}

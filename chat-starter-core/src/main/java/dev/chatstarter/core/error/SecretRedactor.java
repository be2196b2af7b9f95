package dev.chatstarter.core.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Removes an API key, and anything that looks like a bearer token or an {@code sk-} key, from text before it goes
 * into an {@link ErrorDetails}. Providers echo keys back in their error messages ("Incorrect API key provided:
 * sk-..."), so every message and excerpt passes through here.
 */
public final class SecretRedactor {

	/**
	 * The text that replaces a secret.
	 */
	public static final String MASK = "******";

	/**
	 * Secrets shorter than this are only masked where they stand alone, so that a dummy key such as {@code "x"}
	 * does not mask every letter x.
	 */
	private static final int MIN_SUBSTRING_SECRET_LENGTH = 4;

	private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+");

	private static final Pattern SK_KEY = Pattern.compile("(?<![A-Za-z0-9])sk-[A-Za-z0-9_-]{8,}");

	private static final SecretRedactor NONE = new SecretRedactor(null);

	private final @Nullable String secret;

	private final @Nullable Pattern shortSecret;

	private SecretRedactor(@Nullable String secret) {
		this.secret = (secret != null && !secret.isBlank()) ? secret : null;
		this.shortSecret = (this.secret != null && this.secret.length() < MIN_SUBSTRING_SECRET_LENGTH)
				? Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(this.secret) + "(?![A-Za-z0-9])") : null;
	}

	/**
	 * Return a redactor for the given API key.
	 * @param secret the API key, or {@code null} when the provider has none
	 * @return the redactor
	 */
	public static SecretRedactor of(@Nullable String secret) {
		return (secret != null && !secret.isBlank()) ? new SecretRedactor(secret) : NONE;
	}

	/**
	 * Return a redactor without a known secret; it still masks bearer tokens and {@code sk-} keys.
	 * @return the redactor
	 */
	public static SecretRedactor none() {
		return NONE;
	}

	/**
	 * Replace every occurrence of the secret, every {@code Bearer <token>} and every {@code sk-} key with
	 * {@value #MASK}.
	 * @param text the text to clean
	 * @return the text without secrets
	 */
	public String redact(String text) {
		if (text.isEmpty()) {
			return text;
		}
		String result = text;
		if (this.shortSecret != null) {
			result = this.shortSecret.matcher(result).replaceAll(Matcher.quoteReplacement(MASK));
		}
		else if (this.secret != null) {
			result = result.replace(this.secret, MASK);
		}
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

	@Override
	public String toString() {
		return "SecretRedactor[secret=" + ((this.secret != null) ? MASK : "none") + "]";
	}

}

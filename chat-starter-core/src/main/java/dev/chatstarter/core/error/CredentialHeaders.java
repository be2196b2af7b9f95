package dev.chatstarter.core.error;

import java.util.List;
import java.util.Locale;

/**
 * Tells which request headers carry credentials: {@code Authorization}, {@code api-key}, {@code x-api-key},
 * {@code Ocp-Apim-Subscription-Key}, {@code X-Auth-Token}, {@code Cookie} and anything else whose name contains one
 * of the words below. Their values are redacted from provider messages like the API key, and masked in actuator
 * output. This is the one list; every component that decides whether a header is secret asks here.
 */
public final class CredentialHeaders {

	/**
	 * The parts of a lower-cased header name that make it a credential.
	 */
	private static final List<String> CREDENTIAL_NAME_PARTS = List.of("auth", "key", "token", "secret", "password",
			"passwd", "cookie", "credential", "session", "sign", "jwt", "bearer");

	private CredentialHeaders() {
	}

	/**
	 * Whether a header's value is a credential.
	 * @param headerName the header name, in any case
	 * @return {@code true} if its value must never be shown
	 */
	public static boolean isCredential(String headerName) {
		String name = headerName.toLowerCase(Locale.ROOT);
		for (String part : CREDENTIAL_NAME_PARTS) {
			if (name.contains(part)) {
				return true;
			}
		}
		return false;
	}

}

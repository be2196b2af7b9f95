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

package dev.chatstarter.sample.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Decides which image URLs the sample forwards to a provider. A provider that fetches
 * {@code image_url}s itself (self-hosted vLLM, Ollama, LocalAI) would otherwise fetch,
 * from inside the network, whatever a client names: the cloud metadata service, an admin
 * port on loopback, a private host (SSRF by proxy). Allowed:
 * <ul>
 * <li>{@code http} and {@code https} URLs, without user info, at most
 * {@value InputLimits#MAX_HTTP_URL_CHARS} characters, whose host is a public name or a
 * public IP literal: loopback, private, link-local, shared (CGNAT), reserved, multicast
 * and documentation addresses are refused in every literal form (IPv4, IPv6, IPv4-mapped
 * or embedded IPv6), and so are names that are obviously internal ({@code localhost},
 * {@code *.local}, {@code *.internal}, {@code metadata}, names without a dot, names that
 * embed a private IPv4 address like {@code 10.0.0.1.nip.io});</li>
 * <li>{@code data:image/png|jpeg|gif|webp;base64,...} URLs of at most
 * {@value InputLimits#MAX_DATA_URL_CHARS} characters.</li>
 * </ul>
 * Names are not resolved (that would block a request thread on DNS and still not hold:
 * the provider resolves the name again, later, and may get another answer, as in DNS
 * rebinding), so a public name that points to an internal address passes. A provider
 * inside your network still needs its own egress rules.
 */
final class ImageUrlPolicy {

	private static final List<String> INTERNAL_NAMES = List.of("localhost", "metadata", "instance-data",
			"metadata.google.internal", "metadata.azure.com");

	private static final List<String> INTERNAL_SUFFIXES = List.of(".localhost", ".local", ".internal", ".localdomain",
			".home.arpa", ".lan", ".intranet", ".corp", ".private");

	private static final List<String> DATA_IMAGE_PREFIXES = List.of("data:image/png;base64,", "data:image/jpeg;base64,",
			"data:image/jpg;base64,", "data:image/gif;base64,", "data:image/webp;base64,");

	private ImageUrlPolicy() {
	}

	/**
	 * Check an image URL.
	 * @param url the URL the client sent
	 * @param provider the requested provider, for the problem response
	 * @return the URL to forward
	 * @throws BadChatRequestException if it is not allowed, saying why
	 */
	static URI check(String url, @Nullable String provider) {
		String text = url.strip();
		if (text.regionMatches(true, 0, "data:", 0, 5)) {
			return checkDataUrl(text, provider);
		}
		if (text.length() > InputLimits.MAX_HTTP_URL_CHARS) {
			throw bad("An image URL is " + text.length() + " characters long; at most " + InputLimits.MAX_HTTP_URL_CHARS
					+ " are allowed", provider);
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw bad("An image URL is not a valid URL", provider);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw bad("Image URLs must be http(s) or data:image/...;base64 URLs", provider);
		}
		if (uri.getRawUserInfo() != null) {
			throw bad("Image URLs must not contain a user or password", provider);
		}
		if (uri.getHost() == null) {
			throw bad("An image URL has no valid host", provider);
		}
		if (isInternalHost(uri.getHost())) {
			throw bad("Image URLs must point to a public host, not a loopback, private, link-local or metadata address",
					provider);
		}
		return uri;
	}

	private static URI checkDataUrl(String text, @Nullable String provider) {
		if (text.length() > InputLimits.MAX_DATA_URL_CHARS) {
			throw bad("A data: image URL is " + text.length() + " characters long; at most "
					+ InputLimits.MAX_DATA_URL_CHARS + " are allowed", provider);
		}
		String prefix = DATA_IMAGE_PREFIXES.stream()
			.filter((candidate) -> text.regionMatches(true, 0, candidate, 0, candidate.length()))
			.findFirst()
			.orElseThrow(
					() -> bad("data: URLs must be base64 images: data:image/png|jpeg|gif|webp;base64,...", provider));
		if (text.length() == prefix.length() || !isBase64(text, prefix.length())) {
			throw bad("A data: image URL does not hold valid base64", provider);
		}
		return URI.create(text);
	}

	private static boolean isBase64(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
					|| c == '/' || (c == '=' && i >= text.length() - 2);
			if (!valid) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a host (as {@link URI#getHost()} gives it) is internal: an internal IP
	 * literal or an obviously internal name. Never resolves a name.
	 * @param rawHost the host
	 * @return {@code true} if the sample must not forward a URL to it
	 */
	static boolean isInternalHost(String rawHost) {
		String host = rawHost.toLowerCase(Locale.ROOT);
		while (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		if (host.startsWith("[") && host.endsWith("]")) {
			InetAddress address = ipv6Literal(host.substring(1, host.length() - 1));
			return address == null || isInternal(address);
		}
		byte[] ipv4 = ipv4Literal(host);
		if (ipv4 != null) {
			return isInternal(ipv4);
		}
		if (host.isEmpty() || host.indexOf('.') < 0 || INTERNAL_NAMES.contains(host)) {
			return true;
		}
		for (String suffix : INTERNAL_SUFFIXES) {
			if (host.endsWith(suffix)) {
				return true;
			}
		}
		return embedsInternalIpv4(host);
	}

	/**
	 * Names like {@code 10.0.0.1.nip.io} or {@code app.127.0.0.1.sslip.io} resolve to the
	 * address they embed.
	 * @param host the host name, in lower case and without trailing dots
	 * @return whether four consecutive labels of the name are an internal IPv4 address
	 */
	private static boolean embedsInternalIpv4(String host) {
		String[] labels = host.split("\\.");
		for (int i = 0; i + 4 <= labels.length; i++) {
			byte[] embedded = ipv4Literal(String.join(".", labels[i], labels[i + 1], labels[i + 2], labels[i + 3]));
			if (embedded != null && isInternal(embedded)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Parse an IPv4 literal in every form {@code inet_aton} accepts: one to four parts,
	 * each decimal, octal (leading {@code 0}) or hex ({@code 0x}); {@code 127.1},
	 * {@code 2130706433}, {@code 0x7f.0.0.1}.
	 * @param host the host, or four labels of one, to parse
	 * @return the four bytes, or {@code null} if it is not an IPv4 literal
	 */
	static byte @Nullable [] ipv4Literal(String host) {
		if (host.isEmpty() || host.length() > 64) {
			return null;
		}
		String[] parts = host.split("\\.", -1);
		if (parts.length > 4) {
			return null;
		}
		long[] values = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			Long value = number(parts[i]);
			if (value == null) {
				return null;
			}
			values[i] = value;
		}
		long address = 0;
		for (int i = 0; i < parts.length - 1; i++) {
			if (values[i] > 255) {
				return null;
			}
			address = (address << 8) | values[i];
		}
		int lastBits = 8 * (4 - (parts.length - 1));
		long last = values[parts.length - 1];
		if (last >= (1L << lastBits)) {
			return null;
		}
		address = (address << lastBits) | last;
		return new byte[] { (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address };
	}

	private static @Nullable Long number(String part) {
		if (part.isEmpty() || part.length() > 12) {
			return null;
		}
		int radix = 10;
		String digits = part;
		if (part.startsWith("0x")) {
			radix = 16;
			digits = part.substring(2);
		}
		else if (part.length() > 1 && part.startsWith("0")) {
			radix = 8;
			digits = part.substring(1);
		}
		if (digits.isEmpty()) {
			return (radix == 16) ? null : 0L;
		}
		for (int i = 0; i < digits.length(); i++) {
			if (Character.digit(digits.charAt(i), radix) < 0) {
				return null;
			}
		}
		return Long.parseLong(digits, radix);
	}

	private static @Nullable InetAddress ipv6Literal(String literal) {
		for (int i = 0; i < literal.length(); i++) {
			char c = literal.charAt(i);
			if (Character.digit(c, 16) < 0 && c != ':' && c != '.' && c != '%') {
				return null;
			}
		}
		if (literal.indexOf(':') < 0) {
			return null;
		}
		try {
			// a literal with ':' is parsed, never looked up
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static boolean isInternal(InetAddress address) {
		if (address instanceof Inet4Address) {
			return isInternal(address.getAddress());
		}
		byte[] bytes = address.getAddress();
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		int first = bytes[0] & 0xff;
		if ((first & 0xfe) == 0xfc) {
			return true; // fc00::/7 unique local (AWS metadata: fd00:ec2::254)
		}
		if (address instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress()) {
			return isInternal(lastFour(bytes));
		}
		if (startsWith(bytes, 0x00, 0x64, 0xff, 0x9b) && allZero(bytes, 4, 12)) {
			return isInternal(lastFour(bytes)); // 64:ff9b::/96 NAT64
		}
		if (first == 0x20 && (bytes[1] & 0xff) == 0x02) {
			return isInternal(new byte[] { bytes[2], bytes[3], bytes[4], bytes[5] }); // 2002::/16
																						// 6to4
		}
		if (first == 0x20 && (bytes[1] & 0xff) == 0x01 && (bytes[2] & 0xff) == 0x0d && (bytes[3] & 0xff) == 0xb8) {
			return true; // 2001:db8::/32 documentation
		}
		return allZero(bytes, 0, 16);
	}

	/**
	 * Whether an IPv4 address is not public: this network, private, shared (CGNAT, also
	 * Alibaba's metadata 100.100.100.200), loopback, link-local (the AWS, GCP and Azure
	 * metadata 169.254.169.254), IETF protocol assignments, documentation, benchmarking,
	 * multicast, reserved and broadcast.
	 * @param ipv4 the four bytes of the address
	 * @return whether the address is in one of those ranges
	 */
	private static boolean isInternal(byte[] ipv4) {
		int a = ipv4[0] & 0xff;
		int b = ipv4[1] & 0xff;
		int c = ipv4[2] & 0xff;
		return a == 0 || a == 10 || a == 127 || (a == 100 && b >= 64 && b <= 127) || (a == 169 && b == 254)
				|| (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 0 && (c == 0 || c == 2))
				|| (a == 192 && b == 168) || (a == 198 && (b == 18 || b == 19)) || (a == 198 && b == 51 && c == 100)
				|| (a == 203 && b == 0 && c == 113) || a >= 224;
	}

	private static byte[] lastFour(byte[] bytes) {
		return new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] };
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean allZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static BadChatRequestException bad(String message, @Nullable String provider) {
		return new BadChatRequestException(message, provider);
	}

}

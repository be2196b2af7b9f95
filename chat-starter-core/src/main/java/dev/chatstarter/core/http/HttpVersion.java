package dev.chatstarter.core.http;

/**
 * The HTTP protocol version used to talk to a provider.
 */
public enum HttpVersion {

	/** HTTP/1.1, the default: HTTP/2 breaks several providers and relays. */
	HTTP_1_1,

	/** HTTP/2 over TLS (with HTTP/1.1 fallback by ALPN). */
	HTTP_2

}

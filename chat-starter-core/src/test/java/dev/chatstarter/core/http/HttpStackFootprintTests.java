package dev.chatstarter.core.http;

import io.netty.handler.codec.quic.Quic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP stack the core brings: Reactor Netty without the QUIC native libraries of {@code netty-codec-native-quic}
 * (11.7 MB for five platforms), which HTTP/1.1 and HTTP/2 never use. The QUIC and HTTP/3 classes stay, since Reactor
 * Netty's TLS support loads them; HTTP/2 over TLS is proven by {@code SslBundleApplicationTests} in
 * chat-starter-autoconfigure.
 */
class HttpStackFootprintTests {

	@Test
	void theQuicNativeLibrariesAreNotOnTheClassPath() {
		assertThat(getClass().getClassLoader().getResource("META-INF/maven/io.netty/netty-codec-native-quic/pom.xml"))
			.isNull();
		assertThat(Quic.isAvailable()).isFalse();
	}

}

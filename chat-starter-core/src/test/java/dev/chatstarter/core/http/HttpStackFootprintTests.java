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

package dev.chatstarter.core.http;

import io.netty.handler.codec.quic.Quic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP stack the core brings: Reactor Netty without the QUIC native libraries of
 * {@code netty-codec-native-quic} (11.7 MB for five platforms), which HTTP/1.1 and HTTP/2
 * never use. The QUIC and HTTP/3 classes stay, since Reactor Netty's TLS support loads
 * them; HTTP/2 over TLS is proven by {@code SslBundleApplicationTests} in
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

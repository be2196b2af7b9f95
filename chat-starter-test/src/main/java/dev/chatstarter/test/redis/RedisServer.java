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

package dev.chatstarter.test.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A real {@code redis-server} from the system's packages (Debian's {@code redis-server}),
 * started on a free loopback port without persistence, for tests of state shared through
 * Redis. It can be {@linkplain #stop() stopped} and {@linkplain #start() started} again
 * on the same port, to test what happens while Redis is down.
 *
 * <pre class="code">
 * try (RedisServer redis = RedisServer.start()) {
 * 	// spring.data.redis.host=127.0.0.1, spring.data.redis.port=redis.port()
 * }
 * </pre>
 */
public final class RedisServer implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(10);

	private final String executable;

	private final int port;

	private @Nullable Process process;

	private RedisServer(String executable, int port) {
		this.executable = executable;
		this.port = port;
	}

	/**
	 * Start a server on a free loopback port.
	 * @return the running server
	 * @throws IllegalStateException when {@code redis-server} is not installed or does
	 * not start
	 */
	public static RedisServer start() {
		RedisServer server = new RedisServer(executable(), freePort());
		server.restart();
		return server;
	}

	/**
	 * Return the port the server listens on, on {@code 127.0.0.1}.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return the host the server listens on.
	 * @return {@code 127.0.0.1}
	 */
	public String host() {
		return "127.0.0.1";
	}

	/**
	 * Whether the server runs.
	 * @return {@code true} between a start and a stop
	 */
	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Start the server again on the same port, empty, after {@link #stop()}; does nothing
	 * while it runs.
	 */
	public synchronized void restart() {
		if (isRunning()) {
			return;
		}
		try {
			this.process = new ProcessBuilder(this.executable, "--port", Integer.toString(this.port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + this.executable, ex);
		}
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (!answersPing()) {
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				stop();
				throw new IllegalStateException(
						"redis-server did not answer on 127.0.0.1:" + this.port + " within " + STARTUP);
			}
			sleep(20);
		}
	}

	/**
	 * Stop the server at once (SIGKILL), as a crash or a network cut would; its data is
	 * lost.
	 */
	public synchronized void stop() {
		Process running = this.process;
		this.process = null;
		if (running != null) {
			running.destroyForcibly();
			try {
				running.waitFor(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Whether the server answers {@code PING} with {@code +PONG}.
	 * @return {@code true} when it does
	 */
	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(5);
			return "+PONG".equals(new String(reply, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String executable() {
		for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(java.io.File.pathSeparator)) {
				Path candidate = Path.of(directory, "redis-server");
				if (Files.isExecutable(candidate)) {
					return candidate.toString();
				}
			}
		}
		throw new IllegalStateException(
				"redis-server is not installed: install the system package (apt-get install -y redis-server)");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for redis-server", ex);
		}
	}

	@Override
	public String toString() {
		return "RedisServer[127.0.0.1:" + this.port + ", running=" + isRunning() + "]";
	}

}

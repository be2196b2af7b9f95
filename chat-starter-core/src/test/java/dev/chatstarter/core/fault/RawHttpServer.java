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

package dev.chatstarter.core.fault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on loopback for faults WireMock cannot express: it reads one
 * request per connection, then runs a script that writes raw bytes (or nothing), and
 * records when the client closed the connection.
 */
public final class RawHttpServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final Script script;

	private final Thread acceptor;

	final CountDownLatch requestReceived = new CountDownLatch(1);

	final CountDownLatch clientClosed = new CountDownLatch(1);

	final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger requests = new AtomicInteger();

	public RawHttpServer(Script script) throws IOException {
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.script = script;
		this.acceptor = new Thread(this::accept, "raw-http-acceptor");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/**
	 * Return the base URL to configure a template with.
	 * @return {@code http://127.0.0.1:<port>/v1}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.serverSocket.getLocalPort() + "/v1";
	}

	/**
	 * Wait until a client closed its connection (or a script failed).
	 * @param seconds the longest wait
	 * @return whether it happened in time
	 */
	public boolean awaitClientClosed(long seconds) throws InterruptedException {
		return this.clientClosed.await(seconds, TimeUnit.SECONDS);
	}

	/**
	 * Return the number of requests read so far.
	 * @return the count
	 */
	public int requests() {
		return this.requests.get();
	}

	/**
	 * Wait until a number of requests were read.
	 * @param count the number of requests
	 * @param seconds the longest wait
	 * @return whether they arrived in time
	 */
	public boolean awaitRequests(int count, long seconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (this.requests.get() < count) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(10);
		}
		return true;
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.connections.incrementAndGet();
				Thread handler = new Thread(() -> handle(socket), "raw-http-connection");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void handle(Socket socket) {
		try (socket) {
			InputStream in = socket.getInputStream();
			readRequest(in);
			this.requests.incrementAndGet();
			this.requestReceived.countDown();
			OutputStream out = socket.getOutputStream();
			this.script.run(out);
			out.flush();
			if (in.read() == -1) {
				this.clientClosed.countDown();
			}
		}
		catch (Reset ex) {
			try {
				socket.setSoLinger(true, 0);
			}
			catch (IOException ignored) {
				// closing anyway
			}
		}
		catch (Exception ex) {
			this.clientClosed.countDown();
		}
	}

	private static void readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b == -1) {
				throw new IOException("closed before the request ended");
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		int contentLength = 0;
		for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				contentLength = Integer.parseInt(line.substring(15).trim());
			}
		}
		in.readNBytes(contentLength);
	}

	/**
	 * Write the head of a 200 answer.
	 * @param out the stream
	 * @param contentType the content type
	 * @param chunked whether the body is chunked (else it is delimited by closing the
	 * connection)
	 */
	public static void head(OutputStream out, String contentType, boolean chunked) throws IOException {
		out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n"
				+ (chunked ? "Transfer-Encoding: chunked\r\n" : "Connection: close\r\n") + "\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	/**
	 * Write one chunk of a chunked body and flush it.
	 * @param out the stream
	 * @param data the chunk, in UTF-8
	 */
	public static void chunk(OutputStream out, String data) throws IOException {
		byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
		out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.write(bytes);
		out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
	}

	/** What to do with one connection once its request was read. */
	@FunctionalInterface
	public interface Script {

		/**
		 * Answer one request.
		 * @param out the connection's output
		 * @throws Exception to close the connection
		 */
		void run(OutputStream out) throws Exception;

	}

	/** Thrown by a script to close its connection with a TCP reset. */
	public static final class Reset extends RuntimeException {

	}

}

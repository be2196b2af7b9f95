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

package dev.chatstarter.core.internal.http.sse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SseParser}.
 */
class SseParserTests {

	/** The OpenAI stream of provider-quirks.md 1.1, verbatim. */
	private static final String OPENAI_STREAM = """
			data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1717747931,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}

			data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1717747931,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}],"usage":null}

			data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1717747931,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}

			data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1717747931,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}

			data: [DONE]

			""";

	/**
	 * A stream with every feature at once: BOM, CRLF, lone CR, LF, comments, keep-alives,
	 * multi-byte characters, multi-line data, an event type, an id, and a last event
	 * without a blank line.
	 */
	private static final byte[] SAMPLE = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
			utf8(": OPENROUTER PROCESSING\r\n\r\n" + "data: {\"c\":\"你好\"}\r\n\r\n"
					+ "event: error\ndata: line1\ndata:line2\n\n" + "data: \uD83D\uDE00 émoji\rid: 7\r\r"
					+ "data: keep-alive\n\n" + "data:\n\n" + ": keep-alive\n\n" + "retry: 100\ndata: [DONE]\n\n"
					+ "data: tail"));

	private static final List<SseEvent> SAMPLE_EVENTS = List.of(new SseEvent(null, "{\"c\":\"你好\"}", null),
			new SseEvent("error", "line1\nline2", null), new SseEvent(null, "\uD83D\uDE00 émoji", "7"),
			new SseEvent(null, "[DONE]", null), new SseEvent(null, "tail", null));

	@Test
	void parsesOpenAiExample() {
		List<SseEvent> events = parseWhole(utf8(OPENAI_STREAM));
		assertThat(events).hasSize(5);
		assertThat(events.get(0).data()).isEqualTo(
				"{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1717747931,\"model\":\"gpt-4o-mini\","
						+ "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}");
		assertThat(events.get(3).data())
			.endsWith("\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}");
		assertThat(events.subList(0, 4)).noneMatch(SseEvent::isDone).allMatch((event) -> event.event() == null);
		assertThat(events.get(4).isDone()).isTrue();
	}

	@Test
	void stripsExactlyOneLeadingSpace() {
		assertThat(parseWhole(utf8("data:{\"a\":1}\n\ndata:  two\n\ndata:\tthree\n\n"))).extracting(SseEvent::data)
			.containsExactly("{\"a\":1}", " two", "\tthree");
	}

	@Test
	void acceptsCrLf() {
		assertThat(parseWhole(utf8("data: a\r\nevent: x\r\n\r\ndata: b\r\n\r\n")))
			.containsExactly(new SseEvent("x", "a", null), new SseEvent(null, "b", null));
	}

	@Test
	void acceptsLoneCr() {
		assertThat(parseWhole(utf8("data: a\rdata: b\r\rdata: c\r\r"))).extracting(SseEvent::data)
			.containsExactly("a\nb", "c");
	}

	@Test
	void crAtEndOfBufferFollowedByLfInNextIsOneLineBreak() {
		SseParser parser = new SseParser();
		assertThat(parser.feed(utf8("data: a\r"))).isEmpty();
		assertThat(parser.feed(utf8("\ndata: b\r"))).isEmpty();
		assertThat(parser.feed(new byte[0])).isEmpty();
		assertThat(parser.feed(utf8("\n\r"))).extracting(SseEvent::data).containsExactly("a\nb");
		assertThat(parser.feed(utf8("\n"))).isEmpty();
		assertThat(parser.finish()).isEmpty();
	}

	@Test
	void crCrIsABlankLineEvenWhenSplit() {
		SseParser parser = new SseParser();
		assertThat(parser.feed(utf8("data: a\r"))).isEmpty();
		assertThat(parser.feed(utf8("\r"))).extracting(SseEvent::data).containsExactly("a");
	}

	@Test
	void sameEventsForEverySplitIntoTwo() {
		assertThat(parseWhole(SAMPLE)).isEqualTo(SAMPLE_EVENTS);
		for (int i = 0; i <= SAMPLE.length; i++) {
			SseParser parser = new SseParser();
			List<SseEvent> events = new ArrayList<>();
			events.addAll(parser.feed(SAMPLE, 0, i));
			events.addAll(parser.feed(SAMPLE, i, SAMPLE.length - i));
			events.addAll(parser.finish());
			assertThat(events).as("split at %d", i).isEqualTo(SAMPLE_EVENTS);
		}
	}

	@Test
	void sameEventsForEverySplitIntoThree() {
		for (int i = 0; i <= SAMPLE.length; i++) {
			for (int j = i; j <= SAMPLE.length; j++) {
				SseParser parser = new SseParser();
				List<SseEvent> events = new ArrayList<>();
				events.addAll(parser.feed(SAMPLE, 0, i));
				events.addAll(parser.feed(SAMPLE, i, j - i));
				events.addAll(parser.feed(SAMPLE, j, SAMPLE.length - j));
				events.addAll(parser.finish());
				assertThat(events).as("split at %d and %d", i, j).isEqualTo(SAMPLE_EVENTS);
			}
		}
	}

	@Test
	void sameEventsByteByByteAndInRandomChunks() {
		SseParser parser = new SseParser();
		List<SseEvent> events = new ArrayList<>();
		for (byte b : SAMPLE) {
			events.addAll(parser.feed(new byte[] { b }));
		}
		events.addAll(parser.finish());
		assertThat(events).isEqualTo(SAMPLE_EVENTS);

		Random random = new Random(42);
		for (int round = 0; round < 200; round++) {
			events.clear();
			int offset = 0;
			while (offset < SAMPLE.length) {
				int length = Math.min(random.nextInt(12), SAMPLE.length - offset);
				events.addAll(parser.feed(SAMPLE, offset, length));
				offset += length;
			}
			events.addAll(parser.finish());
			assertThat(events).as("round %d", round).isEqualTo(SAMPLE_EVENTS);
		}
	}

	@Test
	void findsTheFirstLineBreakAtEveryPositionOfAWord() {
		for (int length = 0; length <= 40; length++) {
			for (int position = 0; position < length; position++) {
				for (byte lineBreak : new byte[] { '\n', '\r' }) {
					byte[] bytes = new byte[length];
					Arrays.fill(bytes, (byte) 'a');
					bytes[position] = lineBreak;
					if (position + 1 < length) {
						bytes[position + 1] = (lineBreak == '\n') ? (byte) '\r' : (byte) '\n';
					}
					assertThat(SseParser.indexOfLineBreak(bytes, 0, length)).isEqualTo(position);
					assertThat(SseParser.indexOfLineBreak(bytes, position + 1, length))
						.isEqualTo((position + 1 < length) ? position + 1 : -1);
				}
			}
			byte[] none = new byte[length];
			Arrays.fill(none, (byte) 0x0B);
			assertThat(SseParser.indexOfLineBreak(none, 0, length)).isEqualTo(-1);
		}
	}

	@Test
	void findsLineBreaksLikeAByteByByteScanInRandomBytes() {
		Random random = new Random(42);
		byte[] alphabet = { '\n', '\r', 0x09, 0x0B, 0x0C, 0x0E, (byte) 0x8A, (byte) 0x8D, (byte) 0xFF, 0x00, 0x01,
				'a' };
		for (int round = 0; round < 2_000; round++) {
			byte[] bytes = new byte[random.nextInt(64)];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = alphabet[random.nextInt(alphabet.length)];
			}
			int from = (bytes.length > 0) ? random.nextInt(bytes.length) : 0;
			int expected = -1;
			for (int i = from; i < bytes.length; i++) {
				if (bytes[i] == '\n' || bytes[i] == '\r') {
					expected = i;
					break;
				}
			}
			assertThat(SseParser.indexOfLineBreak(bytes, from, bytes.length)).as("round %d", round).isEqualTo(expected);
		}
	}

	@Test
	void keepsALargeEventIntactAndTheSmallOnesAfterIt() {
		String large = "x".repeat(100_000);
		SseParser parser = new SseParser();
		assertThat(parser.feed(utf8("data: " + large + "\ndata: tail\n\ndata: small\n\n"))).extracting(SseEvent::data)
			.containsExactly(large + "\ntail", "small");
	}

	@Test
	void dataBytesAreTheUtf8OfTheData() {
		SseEvent event = new SseParser().feed(utf8("data: 你好\ndata: [x]\n\n")).get(0);
		assertThat(event.dataBytes()).isEqualTo(utf8("你好\n[x]"));
		assertThat(event).isEqualTo(new SseEvent(null, "你好\n[x]", null));
	}

	@Test
	void doneIgnoresSurroundingWhitespaceOnly() {
		assertThat(new SseEvent(null, " \t[DONE]\r ", null).isDone()).isTrue();
		assertThat(new SseEvent(null, "[DONE].", null).isDone()).isFalse();
		assertThat(new SseEvent(null, "[done]", null).isDone()).isFalse();
	}

	@Test
	void rejectsInvalidUtf8AfterAnAsciiWord() {
		byte[] line = "data: abcdefghijklmnop\u00e9\n\n".getBytes(StandardCharsets.UTF_8);
		line[line.length - 4] = (byte) 0xC3;
		line[line.length - 3] = (byte) 0x28;
		assertThatExceptionOfType(SseFormatException.class).isThrownBy(() -> new SseParser().feed(line));
	}

	@Test
	void decodesChineseSplitInsideACharacter() {
		byte[] bytes = utf8("data: 你好，世界\n\n");
		// "你" is 3 bytes starting at offset 6: split after its first and second byte
		for (int split = 7; split <= 8; split++) {
			SseParser parser = new SseParser();
			assertThat(parser.feed(bytes, 0, split)).isEmpty();
			assertThat(parser.feed(bytes, split, bytes.length - split)).extracting(SseEvent::data)
				.containsExactly("你好，世界");
		}
	}

	@Test
	void skipsCommentsAndKeepAlives() {
		String body = ": OPENROUTER PROCESSING\n\n" + ": keep-alive\n\n" + "data: keep-alive\n\n" + "data:\n\n"
				+ "data: \n\n" + "data: :ping\n\n" + "data: PING\n\n" + "data: :\n\n" + "data:  Keep-Alive \n\n"
				+ "data\n\n" + "event: ping\n\n" + "data: real\n: comment inside an event\n\n";
		assertThat(parseWhole(utf8(body))).containsExactly(new SseEvent(null, "real", null));
	}

	@Test
	void keepAliveWordsInsideDataAreKept() {
		assertThat(parseWhole(utf8("data: ping pong\n\ndata: keep-alive\ndata: x\n\n"))).extracting(SseEvent::data)
			.containsExactly("ping pong", "keep-alive\nx");
	}

	@Test
	void joinsMultiLineDataWithNewline() {
		assertThat(parseWhole(utf8("data: {\"a\":\ndata: 1}\ndata\ndata: end\n\n"))).extracting(SseEvent::data)
			.containsExactly("{\"a\":\n1}\n\nend");
	}

	@Test
	void keepsEventTypeAndId() {
		List<SseEvent> events = parseWhole(
				utf8("event: error\nid: 12\nretry: 500\nfoo: bar\ndata: {\"error\":{\"message\":\"boom\"}}\n\n"
						+ "data: next\n\n"));
		assertThat(events).containsExactly(new SseEvent("error", "{\"error\":{\"message\":\"boom\"}}", "12"),
				new SseEvent(null, "next", null));
		assertThat(events.get(0).isErrorEvent()).isTrue();
		assertThat(events.get(1).isErrorEvent()).isFalse();
	}

	@Test
	void fieldNamesAreCaseSensitive() {
		assertThat(parseWhole(utf8("Data: x\nDATA: y\n\n"))).isEmpty();
	}

	@Test
	void finishFlushesEventWithoutTrailingBlankLine() {
		SseParser parser = new SseParser();
		assertThat(parser.feed(utf8("data: a\n\ndata: b\n"))).extracting(SseEvent::data).containsExactly("a");
		assertThat(parser.finish()).extracting(SseEvent::data).containsExactly("b");

		parser = new SseParser();
		assertThat(parser.feed(utf8("data: [DONE]"))).isEmpty();
		assertThat(parser.finish()).singleElement().matches(SseEvent::isDone);
		assertThat(parser.finish()).isEmpty();
	}

	@Test
	void finishedParserCanParseANewBody() {
		SseParser parser = new SseParser();
		parser.feed(utf8("data: a\r"));
		assertThat(parser.finish()).extracting(SseEvent::data).containsExactly("a");
		assertThat(parser.feed(concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8("data: b\n\n"))))
			.extracting(SseEvent::data)
			.containsExactly("b");
	}

	@Test
	void skipsBomOnlyAtTheVeryStart() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		assertThat(parseWhole(concat(bom, utf8("data: a\n\n")))).extracting(SseEvent::data).containsExactly("a");
		assertThat(parseWhole(concat(utf8("data: a\n\n"), bom, utf8("data: b\n\n")))).extracting(SseEvent::data)
			.containsExactly("a");
		assertThat(parseWhole(concat(utf8("data: "), bom, utf8("x\n\n")))).extracting(SseEvent::data)
			.containsExactly("\uFEFFx");
	}

	@Test
	void rejectsOversizedLine() {
		SseParser parser = new SseParser(64);
		assertThatExceptionOfType(DataBufferLimitException.class)
			.isThrownBy(() -> parser.feed(utf8("data: " + "x".repeat(100) + "\n\n")))
			.withMessageContaining("64");
	}

	@Test
	void rejectsOversizedLineAcrossBuffersBeforeItEnds() {
		SseParser parser = new SseParser(64);
		assertThat(parser.feed(utf8("data: " + "x".repeat(50)))).isEmpty();
		assertThatExceptionOfType(DataBufferLimitException.class).isThrownBy(() -> parser.feed(utf8("x".repeat(20))));
	}

	@Test
	void rejectsOversizedEventMadeOfSmallLines() {
		SseParser parser = new SseParser(64);
		String line = "data: " + "x".repeat(20) + "\n";
		assertThat(parser.feed(utf8(line + line))).isEmpty();
		assertThatExceptionOfType(DataBufferLimitException.class).isThrownBy(() -> parser.feed(utf8(line + line)));
	}

	@Test
	void limitIsPerEvent() {
		SseParser parser = new SseParser(64);
		String event = "data: " + "x".repeat(40) + "\n\n";
		List<SseEvent> events = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			events.addAll(parser.feed(utf8(event + ": " + "c".repeat(50) + "\n")));
		}
		assertThat(events).hasSize(100);
	}

	@Test
	void decodeFluxOfDataBuffers() {
		DefaultDataBufferFactory factory = DefaultDataBufferFactory.sharedInstance;
		Flux<DataBuffer> body = Flux.just("data: {\"c\":\"你", "好\"}\r", "\n\r\ndata: [DONE]")
			.map((text) -> factory.wrap(utf8(text)));
		StepVerifier.create(SseParser.decode(body))
			.expectNext(new SseEvent(null, "{\"c\":\"你好\"}", null))
			.expectNextMatches(SseEvent::isDone)
			.verifyComplete();
	}

	@Test
	void decodeUsesOneParserPerSubscription() {
		DefaultDataBufferFactory factory = DefaultDataBufferFactory.sharedInstance;
		Flux<DataBuffer> body = Flux.defer(() -> Flux.just(factory.wrap(utf8("data: a\n\ndata: b"))));
		Flux<SseEvent> events = SseParser.decode(body);
		StepVerifier.create(events.map(SseEvent::data)).expectNext("a", "b").verifyComplete();
		StepVerifier.create(events.map(SseEvent::data)).expectNext("a", "b").verifyComplete();
	}

	@Test
	void decodeReleasesEveryBufferOnce() {
		List<NettyDataBuffer> buffers = nettyBuffers(utf8(OPENAI_STREAM), 17);
		StepVerifier.create(SseParser.decode(Flux.<DataBuffer>fromIterable(buffers)))
			.expectNextCount(5)
			.verifyComplete();
		assertReleasedOnce(buffers);
	}

	@Test
	void decodeReleasesBuffersOnCancel() {
		List<NettyDataBuffer> buffers = nettyBuffers(utf8(OPENAI_STREAM), 17);
		AtomicBoolean cancelled = new AtomicBoolean();
		Flux<DataBuffer> body = Flux.<DataBuffer>fromIterable(buffers).doOnCancel(() -> cancelled.set(true));
		StepVerifier.create(SseParser.decode(body), 0).thenRequest(1).expectNextCount(1).thenCancel().verify();
		assertThat(cancelled).isTrue();
		assertReleasedOnce(buffers);
	}

	@Test
	void decodeReleasesBuffersQueuedUpstreamOnCancel() {
		List<NettyDataBuffer> buffers = nettyBuffers(utf8(OPENAI_STREAM), 5);
		Flux<DataBuffer> body = Flux.<DataBuffer>fromIterable(buffers).hide().publishOn(Schedulers.immediate(), 64);
		StepVerifier.create(SseParser.decode(body).take(2)).expectNextCount(2).verifyComplete();
		assertReleasedOnce(buffers);
	}

	@Test
	void decodeReleasesBuffersOnUpstreamError() {
		List<NettyDataBuffer> buffers = nettyBuffers(utf8("data: a\n\ndata: b"), 3);
		Flux<DataBuffer> body = Flux.concat(Flux.<DataBuffer>fromIterable(buffers),
				Flux.error(new IllegalStateException("cut")));
		StepVerifier.create(SseParser.decode(body)).expectNext(new SseEvent(null, "a", null)).verifyErrorMessage("cut");
		assertReleasedOnce(buffers);
	}

	@Test
	void decodeFailsOnOversizedEventAndReleasesTheRest() {
		byte[] bytes = utf8("data: small\n\ndata: " + "x".repeat(200) + "\n\ndata: after\n\n");
		List<NettyDataBuffer> buffers = nettyBuffers(bytes, 10);
		StepVerifier.create(SseParser.decode(Flux.<DataBuffer>fromIterable(buffers), 100))
			.expectNext(new SseEvent(null, "small", null))
			.verifyError(DataBufferLimitException.class);
		assertReleasedOnce(buffers);
	}

	private static List<SseEvent> parseWhole(byte[] bytes) {
		SseParser parser = new SseParser();
		List<SseEvent> events = new ArrayList<>(parser.feed(bytes));
		events.addAll(parser.finish());
		return events;
	}

	/**
	 * Split bytes into Netty buffers, each retained once more so that its reference count
	 * shows how often the decoder released it: 1 after exactly one release.
	 */
	private static List<NettyDataBuffer> nettyBuffers(byte[] bytes, int size) {
		NettyDataBufferFactory factory = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);
		List<NettyDataBuffer> buffers = new ArrayList<>();
		for (int offset = 0; offset < bytes.length; offset += size) {
			int length = Math.min(size, bytes.length - offset);
			NettyDataBuffer buffer = factory.allocateBuffer(length);
			buffer.write(bytes, offset, length);
			buffer.retain();
			buffers.add(buffer);
		}
		return buffers;
	}

	private static void assertReleasedOnce(List<NettyDataBuffer> buffers) {
		for (int i = 0; i < buffers.size(); i++) {
			NettyDataBuffer buffer = buffers.get(i);
			assertThat(buffer.getNativeBuffer().refCnt()).as("reference count of buffer %d", i).isEqualTo(1);
			buffer.release();
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] result = new byte[length];
		int offset = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, result, offset, part.length);
			offset += part.length;
		}
		return result;
	}

}

package dev.chatstarter.sample.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatRateLimitException;
import dev.chatstarter.core.error.ChatTimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns failures into RFC 9457 problem responses ({@code application/problem+json}) that carry the provider's own
 * message and a {@code provider} property, never a stack trace and never a key: {@code 400} for a bad request (blank
 * message, unknown provider), {@code 429} when the provider still rate-limits after the retries, {@code 504} on a
 * timeout and {@code 502} for every other provider failure.
 */
@RestControllerAdvice
public class ChatProblems extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ChatProblems.class);

	private final JsonMapper jsonMapper;

	public ChatProblems(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@ExceptionHandler(BadChatRequestException.class)
	ResponseEntity<ProblemDetail> badRequest(BadChatRequestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Bad chat request");
		problem.setProperty("provider", ex.getProvider());
		return respond(problem);
	}

	@ExceptionHandler(ChatException.class)
	ResponseEntity<ProblemDetail> providerFailure(ChatException ex) {
		logger.warn("Chat call failed: {}", ex.getMessage());
		return respond(toProblem(ex));
	}

	/**
	 * Describe a provider failure as a problem.
	 * @param ex the failure
	 * @return the problem
	 */
	ProblemDetail toProblem(ChatException ex) {
		HttpStatus status;
		String title;
		if (ex instanceof ChatRateLimitException) {
			status = HttpStatus.TOO_MANY_REQUESTS;
			title = "Provider rate limit";
		}
		else if (ex instanceof ChatTimeoutException) {
			status = HttpStatus.GATEWAY_TIMEOUT;
			title = "Provider timeout";
		}
		else {
			status = HttpStatus.BAD_GATEWAY;
			title = "Provider failure";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		problem.setProperty("provider", ex.getProvider());
		problem.setProperty("kind", ex.getClass().getSimpleName());
		if (ex.getStatusCode() > 0) {
			problem.setProperty("providerStatus", ex.getStatusCode());
		}
		if (ex.getErrorCode() != null) {
			problem.setProperty("providerCode", ex.getErrorCode());
		}
		return problem;
	}

	/**
	 * Describe a provider failure as problem JSON, for the error event of a stream that already started.
	 * @param ex the failure
	 * @return the problem as JSON
	 */
	String toJson(ChatException ex) {
		logger.warn("Chat stream failed: {}", ex.getMessage());
		return this.jsonMapper.writeValueAsString(toProblem(ex));
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}

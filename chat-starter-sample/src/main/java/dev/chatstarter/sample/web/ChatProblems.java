package dev.chatstarter.sample.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.error.ChatConnectionException;
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
 * or too long message, unknown provider, refused image URL, {@code n} or {@code size} out of range), {@code 429} when
 * the provider still rate-limits after the retries, {@code 504} on a timeout and {@code 502} for every other provider
 * failure. A failure the provider did not answer (a connection failure, a timeout) is described in general terms,
 * since its message names the provider's internal URL; the full message goes to the log only.
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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, publicDetail(ex));
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
	 * Describe a failure as problem JSON, for the error event of a stream that already started: a provider failure
	 * as {@link #toProblem(ChatException)} does, anything else as a {@code 500} without its message (logged).
	 * @param ex the failure
	 * @return the problem as JSON
	 */
	String toJson(Throwable ex) {
		if (ex instanceof ChatException chatFailure) {
			logger.warn("Chat stream failed: {}", chatFailure.getMessage());
			return this.jsonMapper.writeValueAsString(toProblem(chatFailure));
		}
		logger.error("Chat stream failed", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The stream failed inside the application");
		problem.setTitle("Internal error");
		return this.jsonMapper.writeValueAsString(problem);
	}

	/**
	 * The detail a client may see: the provider's own message when it answered, else what kind of failure it was.
	 */
	private static String publicDetail(ChatException ex) {
		if (ex.getStatusCode() == 0 && ex instanceof ChatConnectionException) {
			return "Provider '" + ex.getProvider() + "' could not be reached";
		}
		if (ex.getStatusCode() == 0 && ex instanceof ChatTimeoutException) {
			return "Provider '" + ex.getProvider() + "' did not answer in time";
		}
		return ex.getMessage();
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}

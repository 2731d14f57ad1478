package io.contactsync.platform;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

import io.contactsync.platform.web.ProblemWriter;
import io.contactsync.platform.web.RequestBodyTooLarge;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than any the API needs: one that says its length is
 * refused before anything reads it; one sent in chunks, without a length, is cut off
 * where it passes the limit. Either way a huge body is a 413, not work for the server.
 * The limit is {@code contactsync.max-request-bytes}, but for an upload that has one of
 * its own ({@link LargeUpload}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

	private final long generalMaxBytes;

	/**
	 * Looked up at the first request, when every module's are there, and kept: asking the
	 * bean factory on every request cost about 1 % of its time (JFR).
	 */
	private final SingletonSupplier<List<LargeUpload>> uploads;

	RequestSizeLimit(ContactSyncProperties properties, ObjectProvider<LargeUpload> uploads) {
		this.generalMaxBytes = properties.maxRequestBytes();
		this.uploads = SingletonSupplier.of(() -> uploads.orderedStream().toList());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long maxBytes = uploads.obtain()
			.stream()
			.map(upload -> upload.maxBytes(request))
			.filter(OptionalLong::isPresent)
			.mapToLong(OptionalLong::getAsLong)
			.findFirst()
			.orElse(generalMaxBytes);
		if (request.getContentLengthLong() > maxBytes) {
			tooLarge(request, response, maxBytes);
			return;
		}
		if (request.getContentLengthLong() >= 0) {
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(new Capped(request, maxBytes), response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!RequestBodyTooLarge.isCauseOf(ex) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			tooLarge(request, response, maxBytes);
		}
	}

	private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long maxBytes)
			throws IOException {
		ProblemWriter.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
				RequestBodyTooLarge.detail(maxBytes));
	}

	/** A request whose body stream counts what is read and stops at the limit. */
	private static final class Capped extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream body;

		Capped(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (body == null) {
				body = new CountingStream(super.getInputStream(), maxBytes);
			}
			return body;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBytes;

		private long read;

		CountingStream(ServletInputStream in, long maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			count((b < 0) ? 0 : 1);
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			count(Math.max(n, 0));
			return n;
		}

		private void count(int n) throws IOException {
			read += n;
			if (read > maxBytes) {
				throw new RequestBodyTooLarge(maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}

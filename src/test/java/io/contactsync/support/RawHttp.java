package io.contactsync.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand on a socket, for what Java's HTTP client will not send: a
 * {@code Host} header of the caller's choosing. One request per connection.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends {@code method path} with the given header lines ({@code "Name: value"}) and
	 * body; {@code Host} is whatever the header lines say.
	 */
	public static Answer send(int port, String method, String path, List<String> headers, String body) {
		StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
		headers.forEach(header -> request.append(header).append("\r\n"));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		if (!body.isEmpty()) {
			request.append("Content-Length: ").append(bytes.length).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(bytes);
			out.flush();
			return Answer.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		in.transferTo(all);
		// One char per byte, so chunk sizes (in bytes) can be counted in chars.
		return all.toString(StandardCharsets.ISO_8859_1);
	}

	/** The status line's code, the header lines, and the body (chunks joined). */
	public record Answer(int status, List<String> headers, String body) {

		static Answer parse(String raw) {
			int end = raw.indexOf("\r\n\r\n");
			String head = end < 0 ? raw : raw.substring(0, end);
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
			String body = end < 0 ? "" : raw.substring(end + 4);
			boolean chunked = headers.stream()
				.anyMatch(line -> line.toLowerCase(Locale.ROOT).replace(" ", "").equals("transfer-encoding:chunked"));
			String bytes = chunked ? unchunk(body) : body;
			return new Answer(status, headers,
					new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
		}

		private static String unchunk(String body) {
			StringBuilder joined = new StringBuilder();
			int at = 0;
			while (at < body.length()) {
				int lineEnd = body.indexOf("\r\n", at);
				if (lineEnd < 0) {
					break;
				}
				int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
				if (size == 0) {
					break;
				}
				int start = lineEnd + 2;
				int stop = Math.min(body.length(), start + size);
				joined.append(body, start, stop);
				at = stop + 2;
			}
			return joined.toString();
		}

		public List<String> all(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			return headers.stream()
				.filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
				.map(line -> line.substring(prefix.length()).trim())
				.toList();
		}

		public Optional<String> first(String name) {
			return all(name).stream().findFirst();
		}

	}

}

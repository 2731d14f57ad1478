package io.contactsync.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import io.contactsync.platform.Page;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Sends an export as a file to download, to the API and the web pages alike. The first
 * page is read before anything is sent, so a bad filter is answered as any bad request;
 * then the file streams page by page.
 */
final class Downloads {

	private Downloads() {
	}

	static void send(ExportedList list, ExportFormat format, CsvDialect dialect, HttpServletResponse response)
			throws IOException {
		send(list, format, dialect, list.name() + "." + format.extension(), response);
	}

	static void send(ExportedList list, ExportFormat format, CsvDialect dialect, String filename,
			HttpServletResponse response) throws IOException {
		Page<JsonNode> first = list.first();
		response
			.setContentType(format == ExportFormat.XLSX ? format.mediaType() : format.mediaType() + ";charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		OutputStream out = response.getOutputStream();
		list.writeTo(file(format, dialect, list.name(), out), first);
		out.flush();
	}

	private static ExportFile file(ExportFormat format, CsvDialect dialect, String name, OutputStream out) {
		return switch (format) {
			case CSV -> new CsvFile(out, dialect);
			case XLSX -> new XlsxFile(out, name);
			case VCARD -> new VcardFile(out);
		};
	}

}

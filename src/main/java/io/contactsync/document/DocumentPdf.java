package io.contactsync.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.contactsync.platform.ContactSyncProperties;
import io.contactsync.platform.LocalFormats;
import io.contactsync.platform.table.Row;
import io.contactsync.setup.SetupApi;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Prints a document as a PDF, in Norwegian or, for a contact whose language is English,
 * in English: the issuing company (from the company information setup), the party and its
 * address, the lines and the total. The text is set in DejaVu Sans, embedded, since the
 * PDF standard fonts lack the Sámi letters (Čáhppesjávri, Ŋ, Ŧ, Đ) that names and
 * addresses in Norway have.
 */
@Component
class DocumentPdf {

	private final String companyName;

	private final SetupApi setup;

	private final BaseFont regular = font("fonts/DejaVuSans.ttf");

	private final BaseFont boldFace = font("fonts/DejaVuSans-Bold.ttf");

	DocumentPdf(ContactSyncProperties properties, SetupApi setup) {
		this.companyName = properties.companyName();
		this.setup = setup;
	}

	byte[] print(Doc doc, @Nullable Row contact, boolean english) {
		Locale locale = english ? Locale.UK : Locale.forLanguageTag("nb-NO");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document pdf = new Document(PageSize.A4, 50, 50, 50, 50);
		PdfWriter.getInstance(pdf, out);
		pdf.open();
		Font heading = new Font(boldFace, 18);
		Font bold = new Font(boldFace, 10);
		Font normal = new Font(regular, 10);
		Font small = new Font(regular, 8, Font.NORMAL, new Color(90, 100, 115));
		addCompany(pdf, english, bold, small);
		pdf.add(new Paragraph(doc.kind().printTitle(english) + " " + doc.no(), heading));
		pdf.add(new Paragraph((english ? "Date: " : "Dato: ") + LocalFormats.date(doc.documentDate(), locale), normal));
		pdf.add(new Paragraph(" "));
		pdf.add(new Paragraph(doc.partyName(), bold));
		if (contact != null) {
			if (!doc.partyName().equals(contact.text("name"))) {
				pdf.add(new Paragraph((english ? "Attn.: " : "Att.: ") + contact.text("name"), normal));
			}
			addIfPresent(pdf, contact.text("address"), normal);
			addIfPresent(pdf, (blankIfNull(contact.text("postCode")) + " " + blankIfNull(contact.text("city"))).trim(),
					normal);
		}
		if (doc.recordNo() != null) {
			pdf.add(new Paragraph(
					(doc.kind().side() == DocumentKind.Side.PURCHASE ? (english ? "Vendor no. " : "Leverandørnr. ")
							: (english ? "Customer no. " : "Kundenr. ")) + doc.recordNo(),
					normal));
		}
		if (!doc.description().isBlank()) {
			pdf.add(new Paragraph(doc.description(), normal));
		}
		pdf.add(new Paragraph(" "));
		PdfPTable lines = new PdfPTable(new float[] { 5, 1.5f, 2, 2 });
		lines.setWidthPercentage(100);
		for (String title : english ? new String[] { "Description", "Quantity", "Unit price", "Amount" }
				: new String[] { "Beskrivelse", "Antall", "Enhetspris", "Beløp" }) {
			PdfPCell cell = new PdfPCell(new Phrase(title, bold));
			cell.setBackgroundColor(new Color(230, 236, 242));
			lines.addCell(cell);
		}
		for (Doc.Line line : doc.lines()) {
			lines.addCell(new Phrase(line.description(), normal));
			lines.addCell(number(LocalFormats.number(line.quantity(), locale), normal));
			lines.addCell(number(LocalFormats.amount(line.unitPrice(), locale), normal));
			lines.addCell(number(LocalFormats.amount(line.lineAmount(), locale), normal));
		}
		pdf.add(lines);
		BigDecimal total = doc.amount();
		Paragraph sum = new Paragraph((english ? "Total" : "Totalt") + " "
				+ (doc.currencyCode() != null ? doc.currencyCode() : "NOK") + " " + LocalFormats.amount(total, locale),
				bold);
		sum.setAlignment(Element.ALIGN_RIGHT);
		pdf.add(sum);
		pdf.close();
		return out.toByteArray();
	}

	/**
	 * Our company as the head of the page: its name, address and org.nr. from the company
	 * information setup; the configured name while that is still empty.
	 */
	private void addCompany(Document pdf, boolean english, Font bold, Font small) {
		Row company = setup.companyInformation();
		String name = blankIfNull(company.text("name"));
		pdf.add(new Paragraph(name.isBlank() ? companyName : name, bold));
		addIfPresent(pdf, joined(", ", company.text("address"), company.text("address2"),
				joined(" ", company.text("postCode"), company.text("city"))), small);
		String orgNo = blankIfNull(company.text("vatRegistrationNo"));
		addIfPresent(pdf, joined("  ·  ", orgNo.isBlank() ? null : (english ? "Org. no. " : "Org.nr. ") + orgNo,
				company.text("phoneNo"), company.text("email"), company.text("bankAccountNo")), small);
	}

	private static String joined(String between, @Nullable String... parts) {
		StringBuilder joined = new StringBuilder();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				joined.append(joined.isEmpty() ? "" : between).append(part.strip());
			}
		}
		return joined.toString();
	}

	/** A font of the application's own, embedded in every PDF it prints. */
	private static BaseFont font(String resource) {
		try (InputStream in = DocumentPdf.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("The font " + resource + " is missing from the application");
			}
			return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
					BaseFont.EMBEDDED, true, in.readAllBytes(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PdfPCell number(String text, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		return cell;
	}

	private static void addIfPresent(Document pdf, @Nullable String text, Font font) {
		if (text != null && !text.isBlank()) {
			pdf.add(new Paragraph(text, font));
		}
	}

	private static String blankIfNull(@Nullable String text) {
		return text == null ? "" : text;
	}

}

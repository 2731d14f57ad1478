package io.contactsync.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.contactsync.platform.ContactSyncProperties;
import io.contactsync.platform.LocalFormats;
import io.contactsync.platform.table.Row;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Prints a document as a PDF, in Norwegian or, for a contact whose language is English,
 * in English: the issuing company, the party and its address, the lines and the total.
 */
@Component
class DocumentPdf {

	private final String companyName;

	DocumentPdf(ContactSyncProperties properties) {
		this.companyName = properties.companyName();
	}

	byte[] print(Doc doc, @Nullable Row contact, boolean english) {
		Locale locale = english ? Locale.UK : Locale.forLanguageTag("nb-NO");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document pdf = new Document(PageSize.A4, 50, 50, 50, 50);
		PdfWriter.getInstance(pdf, out);
		pdf.open();
		Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
		Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
		Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);
		pdf.add(new Paragraph(companyName, bold));
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

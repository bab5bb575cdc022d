"""The therapist's report as a face renders it: one set of templates (`_report.html`) for the web
page and the PDF, the charts it draws, and the PDF made from it with WeasyPrint (imported only
when a PDF is made)."""
